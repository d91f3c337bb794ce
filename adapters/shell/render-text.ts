import { filledCells, type Fact, type Part, type Presentation, type Rich, type Span } from '../common/presentation.ts';

/**
 * A Presentation as terminal text. The layout: a heading and paragraphs at the margin; facts,
 * notes, the progress bar and list items indented under them (everything indented once more under
 * a heading); buttons do not exist here, so the reply's `typed` words end it instead.
 */

/**
 * Text from people (titles, names, file names) cannot move the cursor, clear the screen or reorder
 * what is shown: control characters (ANSI escapes start with one) and bidirectional overrides
 * become U+FFFD; tabs and line breaks become spaces, so one line of the model stays one line.
 */
export function escapeTerminal(text: string): string {
  return text.replace(/[\t\n\r]/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\uFFFD');
}

/** Marks in words: code keeps its backticks (`yes`, `history 2` are what to type); emphasis is dropped. */
function spanText(span: Span): string {
  if (typeof span === 'string') return escapeTerminal(span);
  return span.mark === 'code' ? `\`${escapeTerminal(span.text)}\`` : escapeTerminal(span.text);
}

export function textOf(text: Rich): string {
  return text.map(spanText).join('');
}

/** A text progress bar of 20 cells, filled by the shared rule (full only when the requirement is met). */
export function progressBar(earned: number, required: number, cells = 20): string {
  const filled = filledCells(earned, required, cells);
  return `[${'#'.repeat(filled)}${'.'.repeat(cells - filled)}]`;
}

/** "  Title:   Medicare Billing": labels padded to one column. */
function factLines(facts: readonly Fact[], indent: string): string[] {
  const width = Math.max(0, ...facts.map((f) => f.label.length)) + 3;
  return facts.map((f) => `${indent}${`${escapeTerminal(f.label)}:`.padEnd(width)}${textOf(f.value)}`);
}

function partLines(part: Part, base: string): string[] {
  const inner = base || '  ';
  switch (part.kind) {
    case 'paragraph':
      return part.lines.map((line) => `${base}${textOf(line)}`);
    case 'list':
      return [...(part.title === null ? [] : [`${base}${escapeTerminal(part.title)}:`]), ...part.items.map((item) => `${base}  - ${textOf(item)}`)];
    case 'facts':
      return factLines(part.facts, inner);
    case 'note':
      return [`${inner}${part.warning ? '! ' : ''}${textOf(part.text)}`];
    case 'progress':
      return [`${inner}${progressBar(part.earned, part.required)} ${textOf(part.caption)}`];
  }
}

/** One reply → one block of lines. */
export function renderText(p: Presentation): string {
  const base = p.heading === null ? '' : '  ';
  const lines = [
    ...(p.heading === null ? [] : [escapeTerminal(p.heading)]),
    ...p.body.flatMap((part) => partLines(part, base)),
    ...(p.typed ? [`${base}${textOf(p.typed)}`] : []),
  ];
  return lines.join('\n');
}
