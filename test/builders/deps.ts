import type { Db } from '../../src/db/connection.ts';
import type { CoreDeps } from '../../src/use-cases/deps.ts';
import { fixedClock, type FixedClock } from '../fakes/fixed-clock.ts';
import { RecordingLogger } from '../fakes/recording-logger.ts';

export interface TestDeps extends CoreDeps {
  readonly clock: FixedClock;
  readonly log: RecordingLogger;
}

export function testDeps(db: Db, now = '2026-11-27T15:00:00Z'): TestDeps {
  return { db, clock: fixedClock(now), log: new RecordingLogger() };
}
