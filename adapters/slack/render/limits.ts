import type { ActionsBlockElement, Button, ContextBlockElement, KnownBlock, SectionBlock } from '@slack/types';
import { plural } from '../../common/format.ts';
import { context, type SlackMessage } from './blocks.ts';

/**
 * Block Kit limits (docs.slack.dev/reference/block-kit). Slack rejects a whole message or view that
 * breaks one, so everything we produce is fitted here: text is cut with "…" rather than failing.
 */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  text: 3000,
  header: 150,
  buttonText: 75,
  buttonValue: 2000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  actionsElements: 25,
  inputLabel: 2000,
  inputHint: 2000,
  fallbackText: 40_000,
  privateMetadata: 3000,
} as const;

/**
 * Cut to at most `max` characters, ending in "…". Never splits a surrogate pair (an emoji would turn
 * into garbage) or an HTML entity from escapeMrkdwn (`&am…` would show literally).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(/&[a-z]{0,3}$/, '');
  return `${cut}…`;
}

function fitText<T extends { text: string }>(object: T, max: number): T {
  return object.text.length <= max ? object : { ...object, text: truncate(object.text, max) };
}

function fitButton(b: Button): Button {
  const fitted = { ...b, text: fitText(b.text, LIMITS.buttonText) };
  // A cut value would act on the wrong thing; values are ids and page numbers, so this never triggers in practice.
  if (b.value !== undefined && b.value.length > LIMITS.buttonValue) throw new Error(`Button value for ${b.action_id ?? 'a button'} is over ${LIMITS.buttonValue} characters`);
  return fitted;
}

function fitActionsElement(element: ActionsBlockElement): ActionsBlockElement {
  return element.type === 'button' ? fitButton(element) : element;
}

function fitContextElement(element: ContextBlockElement): ContextBlockElement {
  return element.type === 'image' ? element : fitText(element, LIMITS.text);
}

function fitSection(block: SectionBlock): SectionBlock {
  const fitted: SectionBlock = { ...block };
  if (block.text) fitted.text = fitText(block.text, LIMITS.text);
  if (block.fields) fitted.fields = block.fields.slice(0, LIMITS.sectionFields).map((f) => fitText(f, LIMITS.fieldText));
  if (block.accessory?.type === 'button') fitted.accessory = fitButton(block.accessory);
  return fitted;
}

/** One block within its own limits. Block kinds we never produce pass through unchanged. */
export function fitBlock(block: KnownBlock): KnownBlock {
  if (block.type === 'section') return fitSection(block);
  if (block.type === 'header') return { ...block, text: fitText(block.text, LIMITS.header) };
  if (block.type === 'context') return { ...block, elements: block.elements.slice(0, LIMITS.contextElements).map(fitContextElement) };
  if (block.type === 'actions') return { ...block, elements: block.elements.slice(0, LIMITS.actionsElements).map(fitActionsElement) };
  if (block.type === 'input') {
    const hint = block.hint ? { hint: fitText(block.hint, LIMITS.inputHint) } : {};
    return { ...block, label: fitText(block.label, LIMITS.inputLabel), ...hint };
  }
  return block;
}

/**
 * At most `max` blocks, each within its limits. When blocks must go, the first ones stay (the
 * headline and the facts come first) and so does the last actions block (the buttons are what the
 * reader acts on), with a context line saying how much was left out.
 */
export function fitBlocks(blocks: readonly KnownBlock[], max: number): KnownBlock[] {
  const fitted = blocks.map(fitBlock);
  if (fitted.length <= max) return fitted;
  const actionsAt = fitted.findLastIndex((b) => b.type === 'actions');
  const tail = actionsAt >= 0 ? fitted.slice(actionsAt, actionsAt + 1) : [];
  const rest = actionsAt >= 0 ? fitted.filter((_, i) => i !== actionsAt) : fitted;
  const keep = Math.max(0, max - 1 - tail.length);
  const note = context(`_${plural(rest.length - keep, 'more item')} left out to fit Slack's limits._`);
  return [...rest.slice(0, keep), note, ...tail];
}

/** A message within every limit: ≤ 50 blocks and a fallback text of ≤ 40 000 characters. */
export function fitMessage(message: SlackMessage): SlackMessage {
  return { text: truncate(message.text, LIMITS.fallbackText), blocks: fitBlocks(message.blocks, LIMITS.messageBlocks) };
}
