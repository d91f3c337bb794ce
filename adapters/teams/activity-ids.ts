/**
 * The ids of an incoming Teams activity, checked at the edge. Teams' ids never hold control
 * characters, and PostgreSQL refuses U+0000 in a text column: an id with one (or of an absurd
 * length) is refused here, with words when the bot can still answer, rather than failing an insert
 * and being answered as a database outage. The same rule as the Slack adapter's ids
 * (adapters/slack/inbound/payloads.ts).
 */
const NO_CONTROL = /^[^\p{Cc}\p{Cs}]*$/u;

/** What is wrong with one id of the activity. */
export interface UnreadableId {
  /** The id in words ("tenant id", "user id"). */
  readonly field: string;
  readonly problem: 'control-character' | 'too-long' | 'not-text';
  /** The answer would be sent with this id (the conversation, the bot, the service URL, the activity replied to): no reply is possible. */
  readonly replyPath: boolean;
}

interface IdRule {
  readonly field: string;
  readonly path: readonly string[];
  /** Characters: a GUID is 36, a `29:` user id or an `a:` personal chat id about 100-200, a channel id with `;messageid=` about 100. */
  readonly max: number;
  readonly replyPath: boolean;
}

const RULES: readonly IdRule[] = [
  { field: 'conversation id', path: ['conversation', 'id'], max: 1000, replyPath: true },
  { field: 'service URL', path: ['serviceUrl'], max: 2000, replyPath: true },
  { field: 'bot id', path: ['recipient', 'id'], max: 300, replyPath: true },
  { field: 'activity id', path: ['id'], max: 300, replyPath: true },
  { field: 'tenant id', path: ['conversation', 'tenantId'], max: 100, replyPath: false },
  { field: 'tenant id', path: ['channelData', 'tenant', 'id'], max: 100, replyPath: false },
  { field: 'user id', path: ['from', 'id'], max: 300, replyPath: false },
  { field: 'Entra object id', path: ['from', 'aadObjectId'], max: 100, replyPath: false },
];

/** The first unreadable id of `activity` (those the reply needs first), or null when every id present is readable. */
export function unreadableId(activity: unknown): UnreadableId | null {
  for (const rule of RULES) {
    const problem = problemOf(valueAt(activity, rule.path), rule.max);
    if (problem) return { field: rule.field, problem, replyPath: rule.replyPath };
  }
  return mentionProblem(activity);
}

/** A mentioned person's id (read by `roster add @Someone`): the reply path is fine, so it is answered. */
function mentionProblem(activity: unknown): UnreadableId | null {
  const entities = valueAt(activity, ['entities']);
  if (!Array.isArray(entities)) return null;
  for (const entity of entities) {
    const problem = problemOf(valueAt(entity, ['mentioned', 'id']), 300) ?? problemOf(valueAt(entity, ['mentioned', 'aadObjectId']), 100);
    if (problem) return { field: "mentioned person's id", problem, replyPath: false };
  }
  return null;
}

function problemOf(value: unknown, max: number): UnreadableId['problem'] | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return 'not-text';
  if (value.length > max) return 'too-long';
  return NO_CONTROL.test(value) ? null : 'control-character';
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** The answer, in words: what Teams sent that Recert cannot read, and that nothing was done. */
export function unreadableIdText(bad: UnreadableId): string {
  const why = bad.problem === 'control-character' ? 'it holds an invisible control character' : bad.problem === 'too-long' ? 'it is far longer than any Teams id' : 'it is not text';
  const article = /^[aeiou]/i.test(bad.field) ? 'an' : 'a';
  return `Teams sent me this with ${article} ${bad.field} I can't read (${why}), so I did nothing with it and stored nothing. Try again from the Teams app; if it keeps happening, tell your Recert admin.`;
}
