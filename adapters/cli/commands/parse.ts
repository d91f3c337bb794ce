import { createInterface } from 'node:readline';
import { explainText, type Clock, type TextExplanation } from '../../../src/index.ts';
import { formatDate, kindLabel } from '../../common/format.ts';

export interface ParseIo {
  readonly stdin: NodeJS.ReadableStream;
  readonly write: (line: string) => void;
}

/**
 * `recert parse [--json] [text]`: what the bot understands from a text. With no text it reads one
 * text per line from stdin and answers each line with one line (JSON with --json).
 */
export async function parseCommand(args: readonly string[], clock: Clock, zone: string, io: ParseIo): Promise<number> {
  const json = args.includes('--json');
  const text = args.filter((a) => a !== '--json').join(' ');
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
    `Date:     ${e.date ? formatDate(e.date) : '(none)'}${e.dateStated ? '' : ' (today: no date in the text)'}`,
    `Minutes:  ${e.minutes ?? '(not determined)'}${e.approximate ? ' (approximate)' : ''}`,
    `Credit:   ${e.ceu === null ? '(none)' : `${e.ceu} CE`}`,
    `Index:    ${e.index ?? '(none)'}`,
    `Why:      ${e.explanation}`,
  ].join('\n');
}
