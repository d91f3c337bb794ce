/**
 * A key that is equal for two spellings of the same course: the MLN product number when the text
 * carries one (e.g. MLN006976), otherwise the title without its length, punctuation, case and
 * filler words. Used only to warn about a course logged twice in a cycle.
 */
export function titleKey(title: string, durationSpan?: { start: number; end: number }): string {
  const icn = /\bMLN\s?(\d{5,7})\b/i.exec(title);
  if (icn?.[1]) return `mln${icn[1]}`;
  const withoutLength = durationSpan ? title.slice(0, durationSpan.start) + ' ' + title.slice(durationSpan.end) : title;
  return withoutLength
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/\b(the|a|an|and|mln|medicare learning network|course|web[\s-]?based training|wbt)\b/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
