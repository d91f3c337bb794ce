/**
 * Preloaded into `recert serve` (`node --import`) by bench/slack-queries.bench.ts: counts every
 * query the process sends through `pg`, by statement (its first words), and writes the counts as
 * JSON to QUERY_COUNT_FILE when the process exits. Measurement only; never loaded by the product.
 */
import { writeFileSync } from 'node:fs';
import pg from 'pg';

const counts = new Map<string, number>();
const original = pg.Client.prototype.query;
const file = process.env.QUERY_COUNT_FILE ?? '';

function statementOf(first: unknown): string {
  const text = typeof first === 'string' ? first : typeof first === 'object' && first && 'text' in first ? String(first.text) : '?';
  return text.replace(/\s+/g, ' ').trim().slice(0, 140);
}

pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
  const key = statementOf(args[0]);
  counts.set(key, (counts.get(key) ?? 0) + 1);
  return (original as (...a: unknown[]) => unknown).apply(this, args);
} as typeof original;

process.on('exit', () => {
  if (file) writeFileSync(file, JSON.stringify(Object.fromEntries(counts)));
});
