import type { KnownBlock } from '@slack/types';
import { wording } from '../../../adapters/common/wording.ts';
import { SLACK_WORDING } from '../../../adapters/slack/render/present-context.ts';
import { mrkdwn } from '../../../adapters/slack/render/rich.ts';

export { aHistory, aPreview, aStatus, aView, DRAFT_ID, ONE_OF_EACH, PROGRESS, type HistoryReply } from '../../builders/replies.ts';

/** A shared wording string (an error message, a reason, a warning) as Slack shows it: escaped, commands as `/ceu …`. */
export function slackWording(text: string): string {
  return mrkdwn(wording(text, SLACK_WORDING));
}

/** Every piece of text in a block list (mrkdwn and plain), for "the fact is somewhere" assertions. */
export function textsOf(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) textsOf(item, out);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'text' && typeof value === 'string') out.push(value);
      else textsOf(value, out);
    }
  }
  return out;
}

export function allText(blocks: readonly KnownBlock[]): string {
  return textsOf(blocks).join('\n');
}

export interface ButtonInfo {
  readonly text: string;
  readonly actionId: string | undefined;
  readonly value: string | undefined;
  readonly style: string | undefined;
}

export function buttonsOf(blocks: readonly KnownBlock[]): ButtonInfo[] {
  return blocks.flatMap((b) =>
    b.type === 'actions' ? b.elements.flatMap((e) => (e.type === 'button' ? [{ text: e.text.text, actionId: e.action_id, value: e.value, style: e.style }] : [])) : [],
  );
}
