import type { Button, KnownBlock } from '@slack/types';
import type { Action, Fact, Part, Presentation, Tone } from '../../common/presentation.ts';
import { ACTIONS } from '../ids.ts';
import { actions, button, context, fields, header, packedSections, section, type SlackMessage } from './blocks.ts';
import { escapeMrkdwn } from './escape.ts';
import { historyPageActionId } from './history.ts';
import { progressBar, TONE_EMOJI } from './phrases.ts';
import { mrkdwn } from './rich.ts';

/**
 * A Presentation as Block Kit: the heading a header block, paragraphs and lists sections (packed
 * up to Slack's 3000 characters), facts two-column fields, notes context blocks, and the actions
 * one row of buttons with the action ids and values of ids.ts. The caller fits the result to the
 * limits (fitMessage).
 */

function factField(f: Fact): string {
  return `*${escapeMrkdwn(f.label)}*\n${mrkdwn(f.value)}`;
}

/** Slack shows at most 10 fields in a section. */
function factBlocks(facts: readonly Fact[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < facts.length; i += 10) blocks.push(fields(...facts.slice(i, i + 10).map(factField)));
  return blocks;
}

function listLines(part: Extract<Part, { kind: 'list' }>): string[] {
  return [...(part.title === null ? [] : [`*${escapeMrkdwn(part.title)}*`]), ...part.items.map((item) => `• ${mrkdwn(item)}`)];
}

/** `lead` goes before the part's first text (the tone's emoji when the reply has no heading). */
export function partBlocks(part: Part, lead = ''): KnownBlock[] {
  const led = (text: string): string => (lead ? `${lead} ${text}` : text);
  const ledFirst = ([first, ...rest]: readonly string[]): string[] => (first === undefined ? [] : [led(first), ...rest]);
  switch (part.kind) {
    case 'paragraph':
      return packedSections(ledFirst(part.lines.map(mrkdwn)));
    case 'list':
      return packedSections(ledFirst(listLines(part)));
    case 'facts':
      return [...(lead ? [context(lead)] : []), ...factBlocks(part.facts)];
    case 'note':
      return [context(led(`${part.warning ? ':warning: ' : ''}${mrkdwn(part.text)}`))];
    case 'progress':
      return [section(led(`${progressBar(part.earned, part.required)}  ${mrkdwn(part.caption)}`))];
  }
}

/** An action as the button registered for it: the action id and value handlers read (see ids.ts). */
export function actionButton(action: Action): Button {
  const style = action.primary ? 'primary' : undefined;
  const id = action.id;
  switch (id.kind) {
    case 'confirm':
      return button(action.label, ACTIONS.confirm, id.draftId, style);
    case 'confirm-unregistered':
      return button(action.label, ACTIONS.confirmUnregistered, id.draftId, style);
    case 'edit-draft':
      return button(action.label, ACTIONS.edit, id.draftId, style);
    case 'cancel-draft':
      return button(action.label, ACTIONS.cancel, id.draftId, style);
    case 'undo':
      return button(action.label, ACTIONS.undo, id.trainingId, style);
    case 'history-page':
      return button(action.label, historyPageActionId(id.direction === 'previous' ? 'prev' : 'next'), String(id.page), style);
    case 'log-training':
      return button(action.label, ACTIONS.homeLog, 'log', style);
    case 'see-status':
      return button(action.label, ACTIONS.reminderStatus, 'status', style);
    case 'snooze':
      return button(action.label, ACTIONS.snooze, String(id.days), style);
    case 'attach-certificate':
      return button(action.label, ACTIONS.homeAttach, 'attach', style);
    case 'person-details':
      return button(action.label, `${ACTIONS.reportDetails}:${id.personId}`, id.personId, style);
    case 'report-page':
      return button(action.label, `${ACTIONS.reportPage}:${id.direction === 'previous' ? 'prev' : 'next'}`, JSON.stringify({ page: id.page, filters: id.filters }), style);
    case 'audit-attach':
      return button(action.label, `${ACTIONS.auditAttach}:${id.itemId}`, id.itemId, style);
    case 'fee-anyway':
      return button(action.label, ACTIONS.feeAnyway, JSON.stringify(id.ids), style);
    case 'cert-anyway':
      return button(action.label, ACTIONS.certAnyway, JSON.stringify(id.ids), style);
    case 'fix-typed':
      return button(action.label, ACTIONS.fixTyped, JSON.stringify(id.ids), style);
  }
}

/** Slack takes at most 25 elements in an actions block: longer rows of buttons are split. */
export function actionBlocks(list: readonly Action[]): KnownBlock[] {
  // At most 25 elements a block, and no action id twice in one (Slack refuses the whole message):
  // a button whose id is already in the row starts the next (e.g. "Confirm 1", "Confirm 2").
  const rows: Button[][] = [];
  for (const b of list.map(actionButton)) {
    const row = rows.at(-1);
    if (row && row.length < 25 && !row.some((other) => other.action_id === b.action_id)) row.push(b);
    else rows.push([b]);
  }
  return rows.map((row) => actions(...row));
}

export function headingBlock(heading: string, tone: Tone): KnownBlock {
  const emoji = TONE_EMOJI[tone];
  return header(emoji ? `${emoji} ${heading}` : heading);
}

function bodyBlocks(p: Pick<Presentation, 'tone' | 'heading' | 'body'>): KnownBlock[] {
  const lead = p.heading === null ? TONE_EMOJI[p.tone] : '';
  return p.body.flatMap((part, i) => partBlocks(part, i === 0 ? lead : ''));
}

/** The plain fallback (notifications, screen readers): what the reply says, without its small print. */
function fallbackLines(part: Part): string[] {
  switch (part.kind) {
    case 'paragraph':
      return part.lines.map(mrkdwn);
    case 'list':
      return listLines(part);
    case 'facts':
      return part.facts.map((f) => `${escapeMrkdwn(f.label)}: ${mrkdwn(f.value)}`);
    case 'note':
      return [];
    case 'progress':
      return [mrkdwn(part.caption)];
  }
}

export function fallbackText(p: Presentation): string {
  const lines = [...(p.heading === null ? [] : [escapeMrkdwn(p.heading)]), ...p.body.flatMap(fallbackLines)];
  return lines.length ? lines.join('\n') : p.body.flatMap((part) => (part.kind === 'note' ? [mrkdwn(part.text)] : [])).join('\n');
}

export function toSlackMessage(p: Presentation): SlackMessage {
  const blocks = [...(p.heading === null ? [] : [headingBlock(p.heading, p.tone)]), ...bodyBlocks(p), ...actionBlocks(p.actions)];
  return { text: fallbackText(p), blocks };
}
