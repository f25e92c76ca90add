import { z } from 'zod';
import './styles.css';

// The CSP forbids eval; zod would otherwise probe for it with `new Function`.
z.config({ jitless: true });

async function boot() {
  // Browser mode only: `import.meta.env.MODE` is a build-time constant, so the Electron
  // bundle contains neither this branch nor the shim it loads.
  if (import.meta.env.MODE === 'web') {
    const { installBrowserShim } = await import('./platform/browser-shim');
    installBrowserShim();
  }
  const { renderApp } = await import('./app/render');
  const root = document.getElementById('root');
  if (root) renderApp(root);
}

void boot();
