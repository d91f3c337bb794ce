import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { Logger } from '../log.ts';

/** What every use case needs. Adapters build it once at start and pass it first. */
export interface CoreDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly log: Logger;
}
