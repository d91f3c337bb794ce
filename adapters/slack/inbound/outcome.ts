import { z } from 'zod';
import type { Reply, StatusView } from '../../../src/index.ts';
import type { Surface } from '../send.ts';

/** What processing a Slack delivery decided to say, stored with its effect and sent after the commit. */
export interface SlackOutcome {
  /** Where the replies go; null: say nothing (a duplicate, a file in a channel that is not ours). */
  readonly surface: Surface | null;
  readonly replies: readonly Reply[];
  /** App Home to publish for this person (a manager's also shows the team's summary, above their own). */
  readonly home?: {
    readonly userId: string;
    readonly status: StatusView;
    readonly history: Extract<Reply, { kind: 'history' }>;
    readonly team?: Extract<Reply, { kind: 'compliance-report' }>;
  };
}

export const SILENT: SlackOutcome = { surface: null, replies: [] };

/**
 * The stored outcome back from the inbox. Replies are our own data written by this adapter a moment
 * (or a restart) ago; their shape is checked only at the top, then trusted.
 */
const outcomeSchema = z.object({
  surface: z.union([
    z.object({ kind: z.literal('respond'), responseUrl: z.string(), replaceOriginal: z.boolean().optional(), share: z.boolean().optional(), userId: z.string() }),
    z.object({ kind: z.literal('thread'), channel: z.string(), threadTs: z.string(), userId: z.string() }),
    z.object({ kind: z.literal('dm'), userId: z.string() }),
    z.null(),
  ]),
  replies: z.array(z.object({ kind: z.string() }).passthrough()),
  home: z
    .object({ userId: z.string(), status: z.object({}).passthrough(), history: z.object({ kind: z.literal('history') }).passthrough(), team: z.object({ kind: z.literal('compliance-report') }).passthrough().optional() })
    .optional(),
});

export function readOutcome(stored: unknown): SlackOutcome {
  // Validated at the top level; the replies' inner shape is the Reply type this adapter stored.
  return outcomeSchema.parse(stored) as unknown as SlackOutcome;
}
