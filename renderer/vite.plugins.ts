import type { Plugin } from 'vite';
import { CSP, DEV_CSP } from '../shared/csp';

/** Writes the Content-Security-Policy into index.html's meta tag. */
export const rendererCsp = (): Plugin => {
  let dev = false;
  return {
    name: 'vertaistuki:csp',
    configResolved(config) {
      dev = config.command === 'serve';
    },
    transformIndexHtml(html) {
      return html.replace('%CSP%', dev ? DEV_CSP : CSP);
    },
  };
};
