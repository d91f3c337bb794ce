import type { ActivityKind } from '../domain/activity-kind.ts';

/** First match wins: a "National Provider Call webinar" is a call, which needs registration. */
const KIND_PATTERNS: readonly (readonly [ActivityKind, RegExp])[] = [
  ['npc', /\b(national provider call|npc|mln connects(?: national provider)? call|listening session)\b/i],
  // Common typos of "webinar" ("webnar", "webiner", "wbinar") still name the kind.
  ['webinar', /\b(webinars?|webnars?|webiners?|webinr|wbinars?|webniars?|weebinars?|webcasts?|web conference)\b/i],
  ['wbt', /\b(web[\s-]?based training|wbt|e-?learning|online (?:course|training|module)|mln (?:lms|learning)|courses?|modules?)\b/i],
  ['event', /\b(events?|conference|workshop|summit|seminar|symposium|in[\s-]person training)\b/i],
  ['npc', /\b(calls?)\b/i],
];

export function readActivityKind(text: string): { kind: ActivityKind; stated: boolean } {
  for (const [kind, pattern] of KIND_PATTERNS) {
    if (pattern.test(text)) return { kind, stated: true };
  }
  return { kind: 'other', stated: false };
}

/** Whether the text says the person registered for the call (NPCs earn credit only with MLN registration). */
export function readRegistration(text: string): boolean | null {
  if (/\b(not|never|didn'?t|did not|haven'?t|hasn'?t|hadn'?t|wasn'?t|without|no|forgot to)\s+(yet\s+)?(register(ed)?|registration)\b|\bunregistered\b/i.test(text)) return false;
  if (/\bregistered\b|\bwith (mln )?registration\b/i.test(text)) return true;
  return null;
}
