#!/usr/bin/env node
// Recert's command line. Node 22.18+ and 24 run TypeScript natively (type stripping); older
// supported releases (22.12–22.17) load it through tsx instead.
if (!process.features.typescript) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { main } = await import('../adapters/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
