import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OutboundPort } from '../../src/index.ts';

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
   * True for a request of this platform's that is never sent again if refused (Slack's slash
   * commands and interactivity): the front door admits more of those (admission.ts). Headers only.
   */
  readonly unretried?: (req: IncomingMessage) => boolean;
  /** How the scheduler reaches this platform's people and channels. */
  readonly outbound?: OutboundPort;
  start(): Promise<void>;
  stop(): Promise<void>;
}
