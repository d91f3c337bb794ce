export interface Span {
  readonly start: number;
  readonly end: number;
}

const QUOTED = /["“”]([^"“”]{3,300})["“”]|‘([^‘’]{3,300})’/;
const LEAD_IN =
  /^(?:(?:i|we)\s+)?(?:just\s+|have\s+|had\s+)?(?:finished|completed|watched|attended|did|took|joined|listened\s+to|went\s+to|done\s+with|sat|passed)\s+/i;
const FILLER_EDGE = /^(?:[\s,;:.\-–—|]+|(?:on|for|at|and|it|was|of)\s+)+|(?:[\s,;:.\-–—|]+|\s+(?:on|for|at|and|it|was|took|lasting|which))+$/gi;
const MIN_LETTERS = 3;

/**
 * The course title from a message: the quoted part when there is one (MLN titles are pasted in
 * quotes), otherwise the message without the spans already read (date, length) and the
 * "I finished …" lead-in. Returns null when too little is left to name a course.
 */
export function readTitle(text: string, readSpans: readonly Span[]): string | null {
  const quoted = QUOTED.exec(text);
  const title = quoted ? collapse(quoted[1] ?? quoted[2] ?? '') : tidy(withoutSpans(text, readSpans));
  return (title.match(/\p{L}/gu)?.length ?? 0) >= MIN_LETTERS ? title : null;
}

function withoutSpans(text: string, spans: readonly Span[]): string {
  const ordered = [...spans].sort((a, b) => b.start - a.start);
  let rest = text;
  for (const span of ordered) rest = `${rest.slice(0, span.start)} ${rest.slice(span.end)}`;
  return rest.replace(LEAD_IN, '');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Strip what reading the date and length left behind: empty brackets, dangling commas and connectives. */
function tidy(title: string): string {
  let previous = '';
  let current = collapse(title.replace(/\(\s*\)|\[\s*\]/g, ' '));
  while (current !== previous) {
    previous = current;
    current = current.replace(LEAD_IN, '').replace(FILLER_EDGE, '').replace(/^the\s+/i, '').trim();
  }
  return current.replace(/\s+([,;:.])/g, '$1');
}
