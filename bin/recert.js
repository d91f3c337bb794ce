#!/usr/bin/env node
// Recert's command line (TypeScript run by Node itself: see node-check.js).
import module from 'node:module';
import { nodeCanRunRecert } from './node-check.js';

if (nodeCanRunRecert()) {
  // Node keeps the compiled (and type-stripped) modules on disk, in the system's temporary folder,
  // which roughly halves module loading from the second start on. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
  module.enableCompileCache?.();
  // A reader that stops early (`recert report | head`) closes the pipe: stop quietly, as Unix tools
  // do, instead of dying of an unhandled 'error' event with a stack trace (final review, finding 3).
  process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    process.stderr.write(`Recert stopped: cannot write its output (${error.code ?? error.message}).\n`);
    process.exit(1);
  });
  const { main } = await import('../adapters/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
}
