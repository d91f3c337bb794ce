/**
 * What a person types is stored as typed, so text that cannot be stored, or would be stored as
 * something the person cannot see, is refused rather than quietly changed: control characters
 * (U+0000–U+001F, U+007F–U+009F) and unpaired UTF-16 surrogates. PostgreSQL refuses U+0000
 * outright, in text and in jsonb. In a message and a title, tab and line breaks are ordinary
 * whitespace (a title's whitespace is tidied to single spaces); in one-line values — a certificate
 * number, a fee reference, a file name — they are control characters too.
 */
const UNSTORABLE = /[\p{Cc}\p{Cs}]/u;
const UNSTORABLE_BUT_WHITESPACE = /(?![\t\n\r])[\p{Cc}\p{Cs}]/u;

/** Which text a refusal is about, so the message can name it. */
export type TypedField = 'message' | 'title' | 'certificate-number' | 'fee-reference' | 'file-name';

const MULTI_LINE: ReadonlySet<TypedField> = new Set(['message', 'title']);

export interface ControlCharacter {
  /** As U+XXXX. */
  readonly codePoint: string;
  /** 1-based, in UTF-16 code units (what a person counts as characters in most texts). */
  readonly position: number;
}

/** The first character of `text` that cannot be stored as typed in `field`, or null. */
export function findControlCharacter(text: string, field: TypedField = 'message'): ControlCharacter | null {
  const match = (MULTI_LINE.has(field) ? UNSTORABLE_BUT_WHITESPACE : UNSTORABLE).exec(text);
  if (!match) return null;
  const code = match[0].codePointAt(0) ?? 0;
  return { codePoint: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`, position: match.index + 1 };
}

const UNSTORABLE_ALL = /[\p{Cc}\p{Cs}]/gu;

/**
 * A name a platform gives (a person's display name, a workspace's name) is not typed here, so it is
 * cleaned rather than refused: line breaks and tabs become spaces, other control characters and
 * unpaired surrogates go (PostgreSQL would refuse U+0000 and fail the whole request).
 */
export function storableName(text: string): string {
  return text.replace(UNSTORABLE_ALL, (c) => (c === '\t' || c === '\n' || c === '\r' ? ' ' : ''));
}
