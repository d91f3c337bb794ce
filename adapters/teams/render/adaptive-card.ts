import { filledCells, type Action, type Fact, type Part, type Presentation, type Rich, type Span, type Tone } from '../../common/presentation.ts';
import { idsOf, verbOf, type CardActionData } from './card-actions.ts';

/** The newest Adaptive Card schema Teams renders everywhere (Action.Execute needs 1.4+; Universal Actions 1.5). */
export const CARD_VERSION = '1.5';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export type CardElement = Readonly<Record<string, unknown>>;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: string;
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardElement[];
}

export interface CardContext {
  /** The Entra tenant the card is made for (its actions are refused from any other). */
  readonly tenantId: string;
  /** A fresh nonce per button (dedupes a resent invoke). */
  readonly newNonce: () => string;
}

const TONE_COLOR: Readonly<Record<Tone, string>> = { ok: 'Good', info: 'Default', warning: 'Warning', error: 'Attention' };

/** Cells of the progress bar (column weights). */
const BAR_CELLS = 20;

/**
 * A Presentation as an Adaptive Card: the heading a large bold TextBlock in the tone's colour,
 * paragraphs, list items and notes RichTextBlocks of TextRuns (never markdown, so people's text is
 * shown as typed), facts a FactSet, progress a two-column bar, actions Action.Execute buttons.
 */
export function toAdaptiveCard(p: Presentation, context: CardContext): AdaptiveCard {
  const lead: CardElement[] = p.heading === null ? [] : [{ type: 'TextBlock', text: p.heading, size: 'Large', weight: 'Bolder', color: TONE_COLOR[p.tone], wrap: true }];
  const body = [...lead, ...p.body.flatMap((part) => partElements(part, p.heading === null ? p.tone : 'info'))];
  const actions = p.actions.map((a) => executeAction(a, context));
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: CARD_VERSION, body, ...(actions.length ? { actions } : {}) };
}

function partElements(part: Part, tone: Tone): CardElement[] {
  switch (part.kind) {
    case 'paragraph':
      return part.lines.map((line, i) => richBlock(line, i === 0 && tone !== 'info' ? { color: TONE_COLOR[tone] } : {}));
    case 'list':
      return [...(part.title === null ? [] : [richBlock([{ text: part.title, mark: 'strong' }])]), ...part.items.map((item) => richBlock(['• ', ...item]))];
    case 'facts':
      return part.facts.length ? [{ type: 'FactSet', facts: part.facts.map(factOf) }] : [];
    case 'note':
      return [richBlock(part.text, { size: 'Small', isSubtle: true, ...(part.warning ? { color: 'Warning' } : {}) })];
    case 'progress':
      return [progressBar(part.earned, part.required), richBlock(part.caption)];
  }
}

/** One line of spans; TextRuns are plain text (no markdown), marks become weight, italics or monospace. */
function richBlock(line: Rich, runStyle: Readonly<Record<string, unknown>> = {}): CardElement {
  return { type: 'RichTextBlock', inlines: line.map((span) => textRun(span, runStyle)) };
}

function textRun(span: Span, style: Readonly<Record<string, unknown>>): CardElement {
  if (typeof span === 'string') return { type: 'TextRun', text: span, ...style };
  const mark = span.mark === 'strong' ? { weight: 'Bolder' } : span.mark === 'em' ? { italic: true } : { fontType: 'Monospace' };
  return { type: 'TextRun', text: span.text, ...style, ...mark };
}

/** FactSet values are markdown in Teams: people's text is escaped so it shows as typed. */
function factOf(f: Fact): CardElement {
  return { title: escapeMarkdown(f.label), value: f.value.map((s) => escapeMarkdown(typeof s === 'string' ? s : s.text)).join('') };
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, (c) => `\\${c}`);
}

/** Earned of required as a bar: a filled ("good") and an empty ("emphasis") column, weighted by cells. */
function progressBar(earned: number, required: number): CardElement {
  const filled = filledCells(earned, required, BAR_CELLS);
  const cell = (style: string, weight: number): CardElement => ({ type: 'Column', width: String(weight), style, minHeight: '12px', items: [] });
  const columns = [...(filled > 0 ? [cell('good', filled)] : []), ...(filled < BAR_CELLS ? [cell('emphasis', BAR_CELLS - filled)] : [])];
  return { type: 'ColumnSet', spacing: 'Small', columns };
}

function executeAction(action: Action, context: CardContext): CardElement {
  const id = action.id;
  const data: CardActionData = { action: id.kind, ids: idsOf(id), tenant: context.tenantId, nonce: context.newNonce(), ...(id.kind === 'report-page' ? { filters: id.filters } : {}) };
  return { type: 'Action.Execute', title: action.label, verb: verbOf(id), data, ...(action.primary ? { style: 'positive' } : {}) };
}
