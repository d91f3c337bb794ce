import { DateTime } from 'luxon';
import type { Clock } from '../../src/index.ts';

/** The real clock, read only here at the edge; the core receives it as a `Clock`. */
export const systemClock: Clock = {
  now: () => DateTime.utc(),
};
