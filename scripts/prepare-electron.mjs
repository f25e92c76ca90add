// The step before `npm start`, `npm run dev` and `npm run dist`: makes sure Electron's own program
// is on this machine. Since Electron 42 the `electron` package no longer downloads it when it is
// installed, and electron-vite only reads `node_modules/electron/path.txt` (it never triggers the
// download), so without this step those commands stop with electron-vite's bare "Electron uninstall".
//
// The download is done once, by the electron package's own installer (its `install.js`, the
// `install-electron` command), with its own progress output. Where it cannot happen, this stops
// with one sentence that says why and points to browser mode.
import { fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
// Tests point this at a copy of the package, so that they never touch the project's node_modules.
const electronDir = process.env['VERTAISTUKI_ELECTRON_PACKAGE'] ?? dirname(require.resolve('electron/package.json'));
const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));

/** The installer's own notion of "installed": path.txt names a binary in dist/ of this version. */
function isInstalled() {
  try {
    const binary = readFileSync(join(electronDir, 'path.txt'), 'utf8');
    const installed = readFileSync(join(electronDir, 'dist', 'version'), 'utf8').replace(/^v/, '').trim();
    return installed === version && existsSync(join(electronDir, 'dist', binary));
  } catch {
    return false;
  }
}

/** Runs the installer; resolves with null on success, or the reason it failed. */
function runInstaller() {
  return new Promise((resolveRun) => {
    let reason = null;
    const child = fork(join(import.meta.dirname, 'install-electron.mjs'), [join(electronDir, 'install.js')], { stdio: 'inherit' });
    child.on('message', (message) => {
      if (message && typeof message.failure === 'string') reason = message.failure;
    });
    child.on('error', (error) => resolveRun(error.message));
    child.on('exit', (code, signal) => {
      if (code === 0) resolveRun(null);
      else resolveRun(reason ?? (signal ? `the installer was stopped by ${signal}` : `the installer exited with code ${code}`));
    });
  });
}

if (!isInstalled()) {
  console.log(`Downloading Electron ${version} for this computer (once; later starts use it from node_modules/electron/dist).`);
  const failure = await runInstaller();
  if (failure !== null || !isInstalled()) {
    const why = (failure ?? 'the installer finished but left no program behind').replace(/[.\s]+$/, '');
    console.error(
      `\nThe desktop app cannot start because Electron ${version} could not be downloaded (${why}); ` +
        'check the network connection and try again, or run the same app in a browser with `npm run web`, which needs no download.',
    );
    process.exit(1);
  }
}
