import type { Reply } from '../../../src/index.ts';
import { present } from '../../common/present.ts';
import { toSlackMessage } from './block-kit.ts';
import type { SlackMessage } from './blocks.ts';
import { fitMessage } from './limits.ts';
import { SLACK_WORDING } from './present-context.ts';

export type { SlackMessage } from './blocks.ts';

/** One reply → one Slack message (plain fallback + blocks), always within Block Kit's limits. */
export function renderMessage(reply: Reply): SlackMessage {
  return fitMessage(toSlackMessage(present(reply, SLACK_WORDING)));
}
