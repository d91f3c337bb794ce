#!/usr/bin/env node
// Recert's command line (TypeScript run by Node itself: see node-check.js).
import { nodeCanRunRecert } from './node-check.js';

if (nodeCanRunRecert()) {
  const { main } = await import('../adapters/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
}
