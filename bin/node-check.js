// Recert runs its TypeScript directly (Node's type stripping, 22.18+), and Bolt's Socket Mode
// brings undici 8, which needs Node 22.19: so Node 22.19 or newer (`.nvmrc` says 24). `npm start`
// and `npm test` run on the Node 24 that `npm install` puts in node_modules (the `node` package),
// so this refuses only a direct run with an older `node`, in one line instead of a stack trace.
// Plain JavaScript that old releases still parse.

const FLOOR = [22, 19];

/** True when this Node can run Recert; otherwise prints why (one line on stderr) and sets a failing exit code. */
export function nodeCanRunRecert() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  const recent = major > FLOOR[0] || (major === FLOOR[0] && minor >= FLOOR[1]);
  if (recent && process.features.typescript) return true;
  const found = recent ? `${process.version} with type stripping turned off` : process.version;
  process.stderr.write(
    `Recert needs Node.js ${FLOOR.join('.')} or newer with TypeScript type stripping (this is ${found}): run it through npm (npm start, npm test), which uses the Node 24 that npm install fetched, or install Node 24 LTS from https://nodejs.org (or: nvm install 24).\n`,
  );
  process.exitCode = 1;
  return false;
}
