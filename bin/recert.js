#!/usr/bin/env node
// Recert's command line (TypeScript run by Node itself: see node-check.js).
import module from 'node:module';
import { nodeCanRunRecert } from './node-check.js';

if (nodeCanRunRecert()) {
  // Node keeps the compiled (and type-stripped) modules on disk, in the system's temporary folder,
  // which roughly halves module loading from the second start on. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
  module.enableCompileCache?.();
  const { main } = await import('../adapters/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
}
