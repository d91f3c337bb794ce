/**
 * The platform-neutral shape of a reply: what it says and what it offers, decided once in
 * `present()` (adapters/common/present.ts). Slack maps it to Block Kit, the terminal to text, Teams
 * to Adaptive Cards; a renderer adds no sentence of its own. Nothing here knows a platform.
 */

import type { QuestionAnswerKind, ReportFilters } from '../../src/index.ts';

/** Inline emphasis. Renderers convert it (Slack `*…*`, `_…_`, backticks; the terminal keeps only code's backticks). */
export type Mark = 'strong' | 'em' | 'code';

/**
 * A run of text: a plain string, or text with one mark. Text is never parsed for markup by a
 * renderer, so a title like `<!channel>` or `*x*` is data; each renderer escapes it for its platform.
 */
export type Span = string | { readonly text: string; readonly mark: Mark };

/** One line of text: spans in order. */
export type Rich = readonly Span[];

export type Tone = 'ok' | 'info' | 'warning' | 'error';

export interface Fact {
  readonly label: string;
  readonly value: Rich;
}

/** The body of a reply, in reading order. */
export type Part =
  /** Sentences that belong together (Slack: one section; terminal: one line each). */
  | { readonly kind: 'paragraph'; readonly lines: readonly Rich[] }
  /** A list, optionally titled ("To do", a help topic). */
  | { readonly kind: 'list'; readonly title: string | null; readonly items: readonly Rich[] }
  /** Label → value pairs (Title, Kind, Date, Length, Credit, Index). */
  | { readonly kind: 'facts'; readonly facts: readonly Fact[] }
  /** Small print: how something was computed, a hint, a warning. */
  | { readonly kind: 'note'; readonly text: Rich; readonly warning: boolean }
  /** Earned of required credit, for a bar (both in CE), with its caption. */
  | { readonly kind: 'progress'; readonly earned: number; readonly required: number; readonly caption: Rich };

/** What an action acts on. A closed set: each platform maps it to its own ids (Slack: ids.ts). */
export type ActionId =
  | { readonly kind: 'confirm'; readonly draftId: string }
  | { readonly kind: 'confirm-unregistered'; readonly draftId: string }
  | { readonly kind: 'edit-draft'; readonly draftId: string }
  | { readonly kind: 'cancel-draft'; readonly draftId: string }
  | { readonly kind: 'undo'; readonly trainingId: string }
  /** `page` is the page it shows (1-based); `direction` tells two page buttons apart. */
  | { readonly kind: 'history-page'; readonly page: number; readonly direction: 'previous' | 'next' }
  | { readonly kind: 'log-training' }
  /** A reminder DM: the person's own status. */
  | { readonly kind: 'see-status' }
  /** A reminder DM: no nudges for this many days. */
  | { readonly kind: 'snooze'; readonly days: number }
  | { readonly kind: 'attach-certificate' }
  /** A manager's report: one person's status and entries. */
  | { readonly kind: 'person-details'; readonly personId: string }
  /** Another page of a manager's report, with the filters it was asked with. */
  | { readonly kind: 'report-page'; readonly page: number; readonly direction: 'previous' | 'next'; readonly filters: ReportFilters }
  /** An audit's request: attach the certificate for this item (the core checks it is the presser's). */
  | { readonly kind: 'audit-attach'; readonly itemId: string }
  /**
   * A question the bot asked instead of storing: store it as asked, or type it again. `ids` is the
   * request asked about, flat, as the core's answerQuestion reads it (present/question-actions.ts).
   */
  | { readonly kind: QuestionAnswerKind; readonly ids: Readonly<Record<string, string | number>> };

export interface Action {
  readonly id: ActionId;
  /** The button's words. */
  readonly label: string;
  /** The one action the reply expects (at most one per reply). */
  readonly primary: boolean;
}

export interface Presentation {
  readonly tone: Tone;
  /** A title for dashboard-like replies (status); null for conversational ones. Plain text. */
  readonly heading: string | null;
  readonly body: readonly Part[];
  /** What the reply offers, as buttons where the platform has them. */
  readonly actions: readonly Action[];
  /** The actions in words (`yes`, `undo`), for a surface without buttons: the terminal shows this instead. */
  readonly typed: Rich | null;
}

/** What present() needs to know about the platform, for wording only. */
export interface PresentContext {
  /** How a command is typed: "" in the terminal, "/ceu " in Slack. */
  readonly commandPrefix: string;
  /**
   * 'terminal': one conversation, files attached by path (`proof <file>`), no buttons.
   * 'chat' (Slack, Teams): threads, files shared into the conversation, buttons.
   */
  readonly surface: 'terminal' | 'chat';
  /**
   * Chat only: where a certificate file is sent. 'thread' (Slack, the default): shared in the
   * conversation or the entry's thread. 'personal-chat' (Teams): attached to a message to the bot in
   * personal chat, where files reach bots.
   */
  readonly fileDrop?: 'thread' | 'personal-chat';
}

export const strong = (text: string): Span => ({ text, mark: 'strong' });
export const em = (text: string): Span => ({ text, mark: 'em' });
export const code = (text: string): Span => ({ text, mark: 'code' });

/** Spans written as one array, nested arrays flattened and empty strings dropped. */
export type SpanInput = Span | number | readonly SpanInput[] | null | false | undefined;

function isList(input: SpanInput): input is readonly SpanInput[] {
  return Array.isArray(input);
}

export function rich(...inputs: readonly SpanInput[]): Rich {
  return inputs.flatMap((input): Span[] => {
    if (input === null || input === false || input === undefined || input === '') return [];
    if (isList(input)) return [...rich(...input)];
    if (typeof input === 'number') return [String(input)];
    return typeof input === 'string' || input.text ? [input] : [];
  });
}

export const paragraph = (...lines: readonly Rich[]): Part => ({ kind: 'paragraph', lines });
export const list = (title: string | null, items: readonly Rich[]): Part => ({ kind: 'list', title, items });
export const facts = (...pairs: readonly (Fact | null)[]): Part => ({ kind: 'facts', facts: pairs.filter((f): f is Fact => f !== null) });
export const note = (text: Rich, warning = false): Part => ({ kind: 'note', text, warning });
export const fact = (label: string, ...value: readonly SpanInput[]): Fact => ({ label, value: rich(...value) });

/** A reply of one sentence (or a few), no heading, nothing offered. */
export function sentences(tone: Tone, ...lines: readonly Rich[]): Presentation {
  return { tone, heading: null, body: [paragraph(...lines)], actions: [], typed: null };
}

/**
 * How many of `cells` a progress bar fills: floored, so the bar is full only when the requirement
 * is met (2.9 of 3 CE is not a full bar). One rule for every renderer; nothing required is full.
 */
export function filledCells(earned: number, required: number, cells: number): number {
  if (required <= 0) return cells;
  return Math.max(0, Math.min(cells, Math.floor((earned / required) * cells)));
}
