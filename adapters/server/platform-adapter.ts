import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OutboundPort } from '../../src/index.ts';
import type { Refusal } from './admission.ts';

/**
 * One HTTP route an adapter mounts on the front door. `path` is matched against the normalised path
 * (see request-target.ts): exactly, or, ending in `/*`, the prefix and everything under it.
 */
export interface Route {
  readonly method?: 'GET' | 'POST';
  readonly path: string;
  handle(req: IncomingMessage, res: ServerResponse): void | Promise<void>;
}

/** Why a request is refused before any route sees it (status and a short plain-text reason), or null. */
export type RequestGuard = (req: IncomingMessage) => { readonly status: number; readonly reason: string } | null;

/**
 * A platform (Slack, Teams, the reminders scheduler) living in the one `recert serve` process:
 * `start` before the front door listens, `stop` after it has stopped taking requests.
 */
export interface PlatformAdapter {
  readonly name: string;
  readonly routes?: readonly Route[];
  /** Checks every request, whatever its path (Slack's replay window). */
  readonly guard?: RequestGuard;
  /**
   * A request refused for load that this platform would lose with a bare 503 (a person's action it
   * never sends again): answered here in the platform's own words, nothing stored. False: not one
   * of this platform's, the front door sends the refusal.
   */
  readonly shed?: (req: IncomingMessage, res: ServerResponse, refusal: Refusal) => boolean;
  /** How the scheduler reaches this platform's people and channels. */
  readonly outbound?: OutboundPort;
  start(): Promise<void>;
  stop(): Promise<void>;
}
