import type { Intent } from './intent.ts';

/**
 * Requests in everyday words beside their keywords (issue 10, the review's variants): "what's my
 * status?", "how am I doing", "show my history", "what can you do", "thanks!", and a fee sentence
 * that starts with the fee ("renewal fee $85 paid on Nov 1"). Null when the text is none of them.
 */

/** Emoji and final punctuation are decoration: "thanks! 🙏" is "thanks". */
function bare(text: string): string {
  return text
    .replace(/(?:(?![©®™])\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D})+/gu, ' ')
    .replace(/[\s.!?]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const STATUS =
  /^(?:(?:what(?:'s|’s| is)|show(?: me)?|check|see)\s+my\s+(?:status|progress|standing)|my\s+(?:status|progress)|how(?:'s|’s| is)\s+my\s+(?:status|progress)|how\s+am\s+i\s+doing(?:\s+(?:on|with)\s+(?:ce|ceus?|credits?|hours))?|where\s+do\s+i\s+stand|am\s+i\s+(?:compliant|on\s+track|in\s+compliance|up\s+to\s+date|done)|how\s+many\s+(?:ce|ceus?|credits?|hours)\s+(?:do\s+i\s+(?:have|need)|have\s+i\s+(?:got|earned|done))(?:\s+so\s+far)?|how\s+much\s+(?:ce|credit)\s+do\s+i\s+(?:have|need)(?:\s+left)?)$/i;
const HISTORY = /^(?:(?:show|list|see)(?: me)?\s+(?:my|all my)\s+(?:history|entries|trainings|log)|my\s+(?:history|entries|trainings)|what\s+have\s+i\s+logged(?:\s+so\s+far)?)$/i;
const HELP = /^(?:help\s+me|help\s+please|please\s+help|what\s+can\s+you\s+do|how\s+does\s+this\s+work|how\s+do\s+i\s+use\s+(?:this|you|recert)|what\s+do\s+i\s+(?:type|say))$/i;
const THANKS = /^(?:thanks?(?:\s+(?:you|so much|a lot|again))?|thank\s+you(?:\s+(?:so much|very much|again))?|thx|ty|tysm|cheers|much appreciated|appreciate it)(?:[\s,]+(?:recert|bot|so much))?$/i;

const AMOUNT = String.raw`\$?\s*(\d{1,4}(?:\.\d{1,2})?)\s*(?:usd|dollars)?`;
/** "renewal fee $85 paid on Nov 1", "my ACMSS fee of $85 was paid yesterday": a qualifier word first, so "fee paid $80" stays the command's. */
const FEE_FIRST = new RegExp(
  String.raw`^(?:(?:my|the|our)\s+)?(?:(?:acmss|cmss|annual|yearly|renewal|certification)\s+)+(?:fee|dues)\s+(?:of\s+)?(?:${AMOUNT}\s+)?(?:was\s+|is\s+|got\s+|has\s+been\s+)?paid(?:\s+(?:on\s+)?(.+?))?$`,
  'i',
);

export function readRequest(text: string): Intent | null {
  const words = bare(text);
  if (STATUS.test(words)) return { kind: 'status' };
  if (HISTORY.test(words)) return { kind: 'history', page: 1 };
  if (HELP.test(words)) return { kind: 'help', topic: 'all' };
  if (THANKS.test(words)) return { kind: 'greeting', thanks: true };
  const fee = FEE_FIRST.exec(words);
  if (fee) return { kind: 'fee', amountText: fee[1] ?? null, dateText: fee[2]?.trim() || null, reference: null };
  return null;
}
