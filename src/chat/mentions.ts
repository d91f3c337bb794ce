import type { PersonRef } from '../use-cases/subjects.ts';

/**
 * People named in a message: `@ana`, `@"Ana Ortiz"`, or a platform id the adapter wrote as `@U0123`
 * (Slack's `<@U0123>`). Returns the references in order and the text without them.
 */
export function readMentions(text: string): { readonly refs: PersonRef[]; readonly rest: string } {
  const refs: PersonRef[] = [];
  const rest = text.replace(MENTION, (_all, quoted: string | undefined, bare: string | undefined) => {
    const token = (quoted ?? bare ?? '').trim();
    if (token) refs.push({ token });
    return ' ';
  });
  return { refs, rest: rest.replace(/\s+/g, ' ').trim() };
}

/**
 * One mention: `@"any words"`, `@ana@example.org` (an e-mail address after the @, tried first so it
 * is never read as `@ana` and a stray `@example.org`), or `@word` (letters, digits, . _ ' -).
 */
const MENTION = /(?<![\p{L}\p{N}])@(?:"([^"]{1,80})"|([\p{L}\p{N}._%+'-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63})+|[\p{L}\p{N}][\p{L}\p{N}._'-]{0,79}))/gu;

/** Exactly one mention and nothing else of substance (`status @ana`). */
export function singleMention(text: string): PersonRef | null {
  const { refs, rest } = readMentions(text);
  return refs.length === 1 && rest === '' ? (refs[0] ?? null) : null;
}
