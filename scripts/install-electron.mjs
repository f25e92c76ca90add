// Runs the electron package's own installer (the path in argv[2], its install.js) in this process,
// so that its progress bar still reaches the terminal, but a failure reaches the parent
// (prepare-electron.mjs) as one line instead of a stack trace: the installer reports errors with
// `console.error(err.stack)`, and fetch hides the reason (refused, no route, unknown host) in
// `error.cause`, which that stack does not show.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let cause = null;

/** fetch's reason in words, with the host it tried. */
function describe(error, url) {
  let host = 'the download host';
  try {
    host = new URL(String(url instanceof Request ? url.url : url)).host;
  } catch {
    // keep the generic name
  }
  const code = error && error.cause && error.cause.code;
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the address of ${host} could not be looked up, ${code}`;
    case 'ECONNREFUSED':
      return `${host} refused the connection, ${code}`;
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return `there is no network route to ${host}, ${code}`;
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `${host} did not answer in time, ${code}`;
    default: {
      const detail = (error && error.cause && (error.cause.code || error.cause.message)) || (error && error.message);
      return `${host} could not be reached, ${detail}`;
    }
  }
}

const realFetch = globalThis.fetch;
globalThis.fetch = async (url, ...rest) => {
  try {
    return await realFetch(url, ...rest);
  } catch (error) {
    cause = describe(error, url);
    throw error;
  }
};

const report = (text) => {
  const firstLine = String(text).split('\n')[0].replace(/^(\w*Error): /, '');
  const failure = cause && /fetch failed/.test(firstLine) ? cause : firstLine;
  if (process.send) process.send({ failure });
  else process.stderr.write(`${failure}\n`);
};

console.error = (...args) => report(args.map(String).join(' '));

try {
  require(process.argv[2]);
} catch (error) {
  // e.g. "Electron builds are not available on platform: …", thrown before any download.
  report(error && error.message ? error.message : String(error));
  process.exitCode = 1;
}
