// The project runs on Node 24 LTS. On a machine whose own Node is older, `npm install` provisions
// Node 24 from the npm registry's `node` package, and npm scripts find it first on PATH.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `Vertaistuki needs Node 24 or newer; this is ${process.version}.\n` +
      'Run `npm install` first: it installs Node 24 into node_modules/.bin, which npm scripts use.',
  );
  process.exit(1);
}
