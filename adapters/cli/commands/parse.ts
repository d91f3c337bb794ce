import { createInterface } from 'node:readline';
import { explainText, type Clock, type TextExplanation } from '../../../src/index.ts';
import { formatDate, kindLabel } from '../../common/format.ts';

export interface ParseIo {
  readonly stdin: NodeJS.ReadableStream;
  readonly write: (line: string) => void;
  /** Usage errors (stderr). */
  readonly writeError: (line: string) => void;
}

/**
 * `recert parse [--json] [text]`: what the bot understands from a text. With no text it reads one
 * text per line from stdin and answers each line with one line (JSON with --json).
 */
export const PARSE_USAGE = `Usage: recert parse [--json] [text]

Shows what the bot reads from a text (title, kind, date, length, credit, index) and why, storing
nothing. Without text, reads one text per line from stdin and answers each with one line
(with --json, one JSON object per line). Put a text that starts with "-" after "--".`;

export async function parseCommand(args: readonly string[], clock: Clock, zone: string, io: ParseIo): Promise<number> {
  // Options come before the text (or before "--"): a training may be called "help", but not "--help".
  const end = args.indexOf('--');
  const options = end === -1 ? args.filter((a) => a.startsWith('-')) : args.slice(0, end);
  if (options.includes('--help') || options.includes('-h')) {
    io.write(PARSE_USAGE);
    return 0;
  }
  const unknown = options.find((a) => a !== '--json');
  if (unknown) {
    io.writeError(`Unknown option "${unknown}".\n\n${PARSE_USAGE}`);
    return 2;
  }
  const json = options.includes('--json');
  const text = (end === -1 ? args.filter((a) => !a.startsWith('-')) : args.slice(end + 1)).join(' ');
  const answer = (t: string) => io.write(json ? JSON.stringify(toJson(explainText(t, clock.now(), zone))) : describe(explainText(t, clock.now(), zone)));
  if (text) {
    answer(text);
    return 0;
  }
  for await (const line of createInterface({ input: io.stdin, terminal: false })) answer(line);
  return 0;
}

function toJson(e: TextExplanation) {
  return {
    text: e.text,
    title: e.title,
    kind: e.kind,
    minutes: e.minutes,
    ceu: e.ceu,
    index: e.index,
    date: e.date,
    approximate: e.approximate,
    registered: e.registered,
    explanation: e.explanation,
    reason: e.reason,
    ...(e.candidates.length ? { candidates: e.candidates } : {}),
  };
}

function describe(e: TextExplanation): string {
  return [
    `Title:    ${e.title ?? '(none found)'}`,
    `Kind:     ${kindLabel(e.kind)}`,
    `Date:     ${dateLine(e)}`,
    `Minutes:  ${e.minutes ?? '(not determined)'}${e.approximate ? ' (approximate)' : ''}`,
    `Credit:   ${e.ceu === null ? '(none)' : `${e.ceu} CE`}`,
    `Index:    ${e.index ?? '(none)'}`,
    `Why:      ${e.explanation}`,
  ].join('\n');
}

function dateLine(e: TextExplanation): string {
  if (e.reason === 'invalid-date') return '(not a real date)';
  if (e.reason === 'vague-date') return '(no day named: the bot asks which day)';
  if (!e.date) return '(none)';
  if (e.reason === 'future-date') return `${formatDate(e.date)} (in the future: not accepted)`;
  return e.dateStated ? formatDate(e.date) : `${formatDate(e.date)} (today: no date in the text)`;
}
