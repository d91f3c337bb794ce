/**
 * "yestreday", "yesterdy", "ysterday", "yday": a misspelt "yesterday" is still yesterday, never today
 * by default (the review of issue 10 found "45min yestreday" logged for today). chrono reads only the
 * word spelt right, so the completion-date reader falls back on this when chrono found no day.
 */
const WORD = /(?<![\p{L}\p{N}])y[\p{L}]{3,11}(?![\p{L}\p{N}])/giu;
const SHORT_FORMS = new Set(['yday', 'yda', 'ystrdy', 'yest', 'yesterdya']);
const TARGET = 'yesterday';
/** Edits (letters added, dropped, changed or swapped) that still make "yesterday": two, for a 9-letter word. */
const MAX_EDITS = 2;

/** The first word in `text` that is a misspelt "yesterday", with where it is, or null. */
export function yesterdayTypo(text: string): { readonly text: string; readonly start: number; readonly end: number } | null {
  for (const match of text.matchAll(WORD)) {
    const word = match[0].toLowerCase();
    // "yesterday's" is not a typo; "Yesterdays" in a title names no day.
    if (word === TARGET || word.endsWith('days')) continue;
    if (SHORT_FORMS.has(word) || (word.length >= 7 && editDistance(word, TARGET) <= MAX_EDITS)) {
      return { text: match[0], start: match.index, end: match.index + match[0].length };
    }
  }
  return null;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] ?? 0, ((d[i - 2] as number[])[j - 2] ?? 0) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] ?? 0;
}
