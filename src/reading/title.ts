import { namesACourse } from '../domain/short-title.ts';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * A quoted title: straight or curly double quotes, curly single quotes, or straight single quotes
 * that open and close at a word's edge ("here's" and "don't" hold apostrophes, not quotes). What
 * the person put in double or curly quotes is their title however short (`log "X" 30 min`: the
 * title rule then says it is too short, rather than the bot asking as if none was given); straight
 * single quotes hold 3 characters or more ("rock 'n' roll" quotes nothing).
 */
const QUOTED = /["“”]([^"“”]{1,300})["“”]|‘([^‘’]{1,300})’|(?<![\p{L}\p{N}])'([^'\n]{3,300}?)'(?![\p{L}\p{N}])/u;
/** Emoji (with their modifiers and joiners): chat decoration, never part of a course title. */
const EMOJI = /(?:(?![©®™])\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D}|\u{20E3})+/gu;
const LEAD_IN =
  /^(?:(?:i|we)(?:'m|'ve| am| have)?\s+)?(?:just\s+|have\s+|had\s+|finally\s+|also\s+)?(?:finished(?:\s+up)?|completed|watched|attended|did|took|joined|listened\s+to|went\s+to|(?:am\s+|was\s+)?done\s+with|wrapped\s+up|sat(?:\s+through)?|passed)\s+/i;
// Hedges left behind once a second guess is cut out ("took 45 min, maybe 50" leaves "maybe").
const FILLER_EDGE =
  /^(?:[\s,;:.!?\-–—|()]+|(?:on|for|at|and|it|was|of)\s+|(?:maybe|perhaps|possibly|probably|or so|or|not sure)(?:\s+|$))+|(?:[\s,;:.!?\-–—|()]+|[\s(]+(?:on|for|at|and|it|was|took|lasting|which|from|maybe|perhaps|possibly|probably|more like|could have been|could be|might have been|might be|not sure|or so|or|tops|i think|i guess|i believe|i'm pretty sure|lol))+$/gi;
/** "…, took me 50 min with breaks": once the length is cut out, the rest of that clause is chat, not title. */
const TOOK_CLAUSE = /(?:[,;]\s*|\s+)(?:(?:it|which|that)\s+)?took(?:\s+(?:me|us))?(?:\s+(?:about|around|roughly))?(?:\s+[^,;]{0,30})?$/i;
/** A registration remark at the end ("…, registered through MLN", "did not register") is not part of the title. */
const REGISTRATION_EDGE =
  /(?:^|[\s,;.(\-–—]+)(?:and\s+)?(?:i\s+)?(?:(?:not|never|did ?n[o']?t|haven'?t|without|no)\s+(?:yet\s+)?(?:register(?:ed)?|registration)|unregistered|registered|with (?:mln )?registration)(?:\s+(?:through|via|with|on|at|in)\s+(?:the\s+)?mln(?:\s+registration\s+site)?)?\)?$/i;

/**
 * The course title from a message: the quoted part when there is one (MLN titles are pasted in
 * quotes), otherwise the message without the spans already read (date, length) and the
 * "I finished …" lead-in. Returns null when too little is left to name a course.
 */
export function readTitle(text: string, readSpans: readonly Span[]): string | null {
  const quoted = QUOTED.exec(text);
  if (quoted) {
    const title = collapse((quoted[1] ?? quoted[2] ?? quoted[3] ?? '').replace(EMOJI, ' '));
    return /[\p{L}\p{N}]/u.test(title) ? title : null;
  }
  // Unquoted, what is left once the date and length are cut out may be chat: too few letters name no course.
  const title = tidy(withoutSpans(text, readSpans).replace(EMOJI, ' '));
  return namesACourse(title) ? title : null;
}

function withoutSpans(text: string, spans: readonly Span[]): string {
  // Spans may overlap (a date "Nov 3, 1:30 – 3:00 pm ET" holds the length): merge them, then cut from the end.
  const merged: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else merged.push(span);
  }
  let rest = text;
  for (const span of merged.reverse()) rest = `${rest.slice(0, span.start)} ${rest.slice(span.end)}`;
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
    current = current.replace(LEAD_IN, '').replace(REGISTRATION_EDGE, '').replace(TOOK_CLAUSE, '').replace(FILLER_EDGE, '').replace(/^the\s+/i, '').trim();
  }
  return current.replace(/\s+([,;:.])/g, '$1');
}

/** Where the quoted title is in `text` (quotes included), or null: a date inside it is the call's, not the completion's. */
export function quotedRange(text: string): Span | null {
  const quoted = QUOTED.exec(text);
  return quoted ? { start: quoted.index, end: quoted.index + quoted[0].length } : null;
}
