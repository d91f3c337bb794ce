import type { DateTime } from 'luxon';

/**
 * The only way the core learns the time. Production passes a system clock from the composition
 * root; tests pass a fixed one. `now()` returns a UTC instant.
 */
export interface Clock {
  now(): DateTime;
}
