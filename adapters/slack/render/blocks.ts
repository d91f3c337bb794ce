import type { ActionsBlock, Button, ContextBlock, DividerBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';

/** A message as chat.postMessage takes it: `text` is the plain fallback (notifications, screen readers). */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Small Block Kit builders, so renderers read as content rather than JSON. All text is mrkdwn unless named plain. */

export function section(text: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

export function fields(...texts: readonly string[]): SectionBlock {
  return { type: 'section', fields: texts.map((text) => ({ type: 'mrkdwn', text })) };
}

export function context(...texts: readonly string[]): ContextBlock {
  return { type: 'context', elements: texts.map((text) => ({ type: 'mrkdwn', text })) };
}

/** Plain text: headers never carry user text (mrkdwn escaping would show up literally there). */
export function header(text: string): HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text, emoji: true } };
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}

export function button(text: string, actionId: string, value: string | null, style?: 'primary' | 'danger'): Button {
  return { type: 'button', text: { type: 'plain_text', text, emoji: true }, action_id: actionId, ...(value === null ? {} : { value }), ...(style ? { style } : {}) };
}

export function actions(...elements: readonly Button[]): ActionsBlock {
  return { type: 'actions', elements: [...elements] };
}

/** Lines packed into as few sections as fit `max` characters each (a line longer than that stays alone; limits.ts trims it). */
export function packedSections(lines: readonly string[], max = 3000): KnownBlock[] {
  const chunks: string[] = [];
  for (const line of lines) {
    const last = chunks.at(-1);
    if (last !== undefined && last.length + 1 + line.length <= max) chunks[chunks.length - 1] = `${last}\n${line}`;
    else chunks.push(line);
  }
  return chunks.map(section);
}
