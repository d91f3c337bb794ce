import type { Part, Presentation, Rich } from '../../adapters/common/presentation.ts';

/** The words of spans as the wording writes them: code in backticks, emphasis dropped. */
export function written(text: Rich): string {
  return text.map((s) => (typeof s === 'string' ? s : s.mark === 'code' ? `\`${s.text}\`` : s.text)).join('');
}

function partSentences(part: Part): string[] {
  switch (part.kind) {
    case 'paragraph':
      return part.lines.map(written);
    case 'list':
      return [...(part.title === null ? [] : [part.title]), ...part.items.map(written)];
    case 'facts':
      return part.facts.map((f) => `${f.label}: ${written(f.value)}`);
    case 'note':
      return [written(part.text)];
    case 'progress':
      return [written(part.caption)];
  }
}

/** Everything a Presentation says, in reading order: heading, body; not the actions or their typed form. */
export function sentencesOf(p: Presentation): string[] {
  return [...(p.heading === null ? [] : [p.heading]), ...p.body.flatMap(partSentences)];
}
