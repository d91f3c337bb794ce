import { DateTime, type DurationLike } from 'luxon';
import type { Clock } from '../../src/clock.ts';

/** A clock that stands still until a test moves it. */
export class FixedClock implements Clock {
  private instant: DateTime;

  constructor(iso: string) {
    this.instant = DateTime.fromISO(iso, { zone: 'utc' });
    if (!this.instant.isValid) throw new Error(`invalid instant ${iso}`);
  }

  now(): DateTime {
    return this.instant;
  }

  advance(by: DurationLike): void {
    this.instant = this.instant.plus(by);
  }

  set(iso: string): void {
    this.instant = DateTime.fromISO(iso, { zone: 'utc' });
  }
}

export function fixedClock(iso: string): FixedClock {
  return new FixedClock(iso);
}
