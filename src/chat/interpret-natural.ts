import type { Intent } from './intent.ts';
import { ANYWAY, parseProof } from './interpret-commands.ts';

/**
 * The scribe's requests in everyday sentences, beside their keyword forms (issue 10): "my
 * certificate number is CMSS-40211, issued March 10, 2026", "I paid my $85 renewal fee on March 8",
 * "here's my certificate ./certificate.pdf", "hi", "yep 👍", "nah", "yes to A", "no 2".
 */

/** Emoji and their modifiers: decoration around "yes", not words. */
const EMOJI = /(?:(?![©®™])\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D})+/gu;
const THUMBS_UP = /^\s*(?:👍|✅|👌|✔️?)(?:\p{Emoji_Modifier})?\s*$/u;
const THUMBS_DOWN = /^\s*(?:👎|❌|🚫)(?:\p{Emoji_Modifier})?\s*$/u;

const YES_WORDS = String.raw`y|yes|yep|yup|yeah|ya|yas|sure|confirm|confirmed|ok|okay|k|correct|right|looks good|sounds good|perfect|great|save(?: it)?|log it|yes please|that's right|thats right`;
const NO_WORDS = String.raw`n|no|nope|nah|no thanks|no thank you|cancel|discard|drop(?: it)?|never ?mind|forget it|scrap it`;
const YES = new RegExp(`^(?:${YES_WORDS})(?:[\\s,]+(?:${YES_WORDS}))*$`, 'i');
const NO = new RegExp(`^(?:${NO_WORDS})(?:[\\s,]+(?:${NO_WORDS}))*$`, 'i');
/** "yes 1", "yes to Course A", "confirm #2", "no to B", "cancel 2": which of several waiting previews. */
const YES_WHICH = /^(?:y|yes|yep|yeah|ok|okay|confirm)[\s,]+(?:to\s+|for\s+|the\s+)?(?:number\s+|no\.\s*|#)?(.+)$/i;
const NO_WHICH = /^(?:n|no|nope|nah|cancel|drop|discard)[\s,]+(?:to\s+|for\s+|the\s+)?(?:number\s+|no\.\s*|#)?(.+)$/i;
/** "scratch that", "forget it", "log that one": a preview named by a pronoun (the newest: waiting-drafts.ts). */
const NO_THAT = /^(?:scratch|scrap|forget|drop|cancel|ditch)\s+(that|this|it)(?:\s+one)?$/i;
const YES_THAT = /^(?:log|save|keep|confirm|yes to|yes,?)\s+(that|this|it)(?:\s+one)?$/i;

/** A short answer without its emoji and final punctuation ("yep 👍" → "yep"). */
function bare(text: string): string {
  return text.replace(EMOJI, ' ').replace(/[\s.!]+$/u, '').replace(/\s+/g, ' ').trim();
}

/** Yes, no, or which preview they are about; null when the text is something else. */
export function readYesNo(text: string): Intent | null {
  if (THUMBS_UP.test(text)) return { kind: 'confirm' };
  if (THUMBS_DOWN.test(text)) return { kind: 'cancel' };
  const words = bare(text);
  if (!words) return null;
  if (YES.test(words)) return { kind: 'confirm' };
  if (NO.test(words)) return { kind: 'cancel' };
  const that = NO_THAT.exec(words) ?? YES_THAT.exec(words);
  if (that?.[1]) return { kind: NO_THAT.test(words) ? 'cancel' : 'confirm', which: that[1].toLowerCase() };
  const yes = YES_WHICH.exec(words);
  if (yes?.[1]) return { kind: 'confirm', which: unquote(yes[1]) };
  const no = NO_WHICH.exec(words);
  if (no?.[1]) return { kind: 'cancel', which: unquote(no[1]) };
  return null;
}

function unquote(text: string): string {
  return text.replace(/^["'“‘]|["'”’]$/g, '').trim();
}

const GREETING = /^(?:hi|hello|hey|hiya|howdy|hallo|yo|good (?:morning|afternoon|evening)|greetings)(?:[\s,]+(?:there|all|recert|bot|team))?$/i;

export function readGreeting(text: string): Intent | null {
  return GREETING.test(bare(text).replace(/[,!?]+$/u, '')) ? { kind: 'greeting' } : null;
}

const NUMBER = String.raw`#?([A-Za-z]{0,8}[- ]?\d[\w-]*)`;
const CERT_SENTENCE = new RegExp(
  String.raw`^(?:(?:my|the)\s+)?(?:new\s+)?(?:cmss\s+)?(?:certificate|cert|licen[cs]e|credential)(?:\s+(?:number|no\.?|num|#))?\s*(?:is|was|:|=)?\s*${NUMBER}[,;.]?\s+(?:and\s+)?(?:(?:it\s+)?was\s+|it's\s+)?(?:issued|dated|granted|from)\s+(?:on\s+)?(.+?)(?:[,;]?\s+(?:and\s+)?(?:it\s+)?(?:expires?|expiring|exp\.?|valid until|until|through)\s+(?:on\s+)?(.+?))?$`,
  'i',
);

/** "my certificate number is CMSS-40211, issued March 10, 2026 [, expires …]". */
export function readCertSentence(text: string): Intent | null {
  // "… anyway" confirms a number someone else holds.
  const anyway = ANYWAY.test(bare(text));
  const m = CERT_SENTENCE.exec(bare(text).replace(ANYWAY, ''));
  if (!m?.[1] || !m[2]) return null;
  return { kind: 'cert', number: m[1].replace(/\s+/g, ''), issued: m[2].trim(), expires: m[3]?.trim() ?? null, ...(anyway ? { anyway: true } : {}) };
}

const AMOUNT = String.raw`\$?\s*(\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{1,6}(?:\.\d{1,2})?)\s*(?:usd|dollars)?`;
const FEE_SENTENCE = new RegExp(
  String.raw`^(?:(?:i|we)(?:'ve|’ve)?\s+)?(?:(?:just|have|already|finally)\s+)*paid\s+(?:(?:my|the|our)\s+)?(?:${AMOUNT}\s+)?(?:(?:acmss|cmss|annual|yearly|renewal|licen[cs]e|licensing|certification|membership)\s+)*(?:fee|dues)(?:\s+of\s+${AMOUNT})?(?:\s+(?:on\s+)?(.+?))??(?:[,;]?\s+(?:ref|reference|receipt|confirmation)\s*(?:#|number|no\.?)?\s*:?\s*(\S+))?$`,
  'i',
);

/** "I paid my $85 renewal fee on March 8", "paid the annual fee of $85 yesterday, receipt A-12". */
export function readFeeSentence(text: string): Intent | null {
  const m = FEE_SENTENCE.exec(bare(text));
  if (!m) return null;
  const amount = m[1] ?? m[2];
  return { kind: 'fee', amountText: amount?.replaceAll(',', '') ?? null, dateText: m[3]?.trim() || null, reference: m[4] ?? null };
}

const PROOF_SENTENCE = /^(?:here(?:'s|’s| is| are)|attached(?: is)?|attaching|uploading|sending)\s+(?:my\s+|the\s+)?(?:certificate|cert|proof|file)(?:\s+of\s+completion)?(?:\s+(?:for|to)\s+(?:entry\s+)?#?(\d{1,6}))?\s*:?\s+(.+)$/i;

/** "here's my certificate ./certificate.pdf", "attaching the proof for entry 3: ~/cert.png". */
export function readProofSentence(text: string): Intent | null {
  const m = PROOF_SENTENCE.exec(text.trim());
  if (!m?.[2]) return null;
  const intent = parseProof(m[1] ? `${m[1]} ${m[2]}` : m[2]);
  return intent.kind === 'attach-local' ? intent : null;
}
