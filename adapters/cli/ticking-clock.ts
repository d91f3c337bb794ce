import type { DateTime } from 'luxon';
import type { Clock } from '../../src/index.ts';

/**
 * A clock that starts at `start` and runs at the real pace: `recert nudges run --now …` acts as of
 * that instant, and a Retry-After or a pace slot still takes its real seconds.
 */
export function tickingClock(start: DateTime): Clock {
  const began = performance.now();
  return { now: () => start.plus({ milliseconds: Math.floor(performance.now() - began) }) };
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
