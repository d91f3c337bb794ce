import { setFlagsFromString } from 'node:v8';

/**
 * How far (percent) V8 lets the old generation grow past what the last full collection kept before
 * it starts the next one, in `recert serve`. V8's own factor goes up to 4× on a machine with memory to
 * spare: under a burst, requests that wait seconds for their acknowledgement outlive two scavenges
 * and are promoted, and the old generation filled with that garbage from ~50 MB live to ~200 MB
 * before a mark-compact; the pages stay resident afterwards. At 50 % it collects at ~75–90 MB, a few
 * more mark-compacts a minute (mostly concurrent). docs/benchmarks.md, "Memory through a burst".
 */
export const SERVE_HEAP_GROWING_PERCENT = 50;

const GIVEN = /^--heap[-_]growing[-_]percent(=|$)/;

/**
 * Sets the heap's growing factor for this process unless Node was given one on its command line
 * (`node --heap-growing-percent=N bin/recert.js serve`; 0 is V8's own policy): the operator's choice
 * wins. NODE_OPTIONS cannot carry this flag (Node refuses to start). V8 reads the flag at every
 * limit it computes, so it applies from the next collection on; the young generation's size
 * (`--max-semi-space-size=4` in `npm start`) cannot be changed once the heap exists. `percent` is
 * null when the flag was given without `=` (its value in the next argument).
 */
export function limitHeapGrowth(nodeFlags: readonly string[], setFlags: (flags: string) => void = setFlagsFromString): { percent: number | null; source: 'recert' | 'node flags' } {
  const given = nodeFlags.filter((flag) => GIVEN.test(flag)).at(-1);
  if (given !== undefined) return { percent: given.includes('=') ? Number(given.split('=')[1]) : null, source: 'node flags' };
  setFlags(`--heap-growing-percent=${SERVE_HEAP_GROWING_PERCENT}`);
  return { percent: SERVE_HEAP_GROWING_PERCENT, source: 'recert' };
}
