// Fails fast when npm scripts run on an old system Node instead of the `node` devDependency
// (for example after `npm ci --ignore-scripts`, which skips installing that binary).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Seedlab needs Node >= 22.12, but this is ${process.version} (${process.execPath}).\n` +
      'Run scripts through npm (npm run / npx), which use the Node from the "node" devDependency,\n' +
      'and install without --ignore-scripts so that its binary is installed: npm install',
  );
  process.exit(1);
}
