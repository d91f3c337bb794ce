// Recert runs its TypeScript directly, which needs Node's type stripping: Node 22.18 or newer
// (`.nvmrc` says 24). `npm start` and `npm test` run on the Node 24 that `npm install` puts in
// node_modules (the `node` package), so this refuses only a direct run with an older `node`, in
// one line instead of a stack trace. Plain JavaScript that old releases still parse.

/** True when this Node can run Recert; otherwise prints why (one line on stderr) and sets a failing exit code. */
export function nodeCanRunRecert() {
  if (process.features.typescript) return true;
  const [major, minor] = process.versions.node.split('.').map(Number);
  const recent = major > 22 || (major === 22 && minor >= 18);
  const found = recent ? `${process.version} with type stripping turned off` : process.version;
  process.stderr.write(
    `Recert needs Node.js 22.18 or newer with TypeScript type stripping (this is ${found}): run it through npm (npm start, npm test), which uses the Node 24 that npm install fetched, or install Node 24 LTS from https://nodejs.org (or: nvm install 24).\n`,
  );
  process.exitCode = 1;
  return false;
}
