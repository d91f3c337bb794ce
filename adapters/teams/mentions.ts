import type { Mentions } from '../../src/index.ts';
import { mentionName } from './activity.ts';

/**
 * The people an activity @mentions whom Teams names by Entra object id (the mention entity's
 * `mentioned.aadObjectId`, or a `mentioned.id` that is one rather than a `29:` id): each `<at>`
 * text (as plainText normalises it, lower case) → the core's mention token (the object id), and
 * the profiles the core may add to the roster (`roster add @Someone` for a person Recert has
 * never seen), as Slack's adapter does for `<@U…>`.
 */
export interface MentionedPeople {
  readonly tokens: ReadonlyMap<string, string>;
  readonly mentions: Mentions;
}

/** An id the core reads as one mention token (`@token`): letters, digits, `.`, `_`, `-`; a GUID is one. */
const TOKEN = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,79}$/u;
/** Teams' bot-scoped ids (`29:` people, `28:` bots) are not Entra object ids. */
const SCOPED = /^\d+:/;

interface MentionEntity {
  readonly type?: unknown;
  readonly text?: unknown;
  readonly mentioned?: { readonly id?: unknown; readonly aadObjectId?: unknown; readonly name?: unknown };
}

export function mentionedPeople(activity: unknown, botId: string | undefined): MentionedPeople {
  const tokens = new Map<string, string>();
  const mentions = new Map<string, { platformUserId: string; displayName: string; timeZone: null }>();
  const entities = (activity as { entities?: unknown } | null)?.entities;
  for (const entity of Array.isArray(entities) ? (entities as MentionEntity[]) : []) {
    const aad = entityAad(entity, botId);
    const text = typeof entity.text === 'string' ? entity.text.replace(/<\/?at>/gi, '') : '';
    const name = mentionName(text) || (typeof entity.mentioned?.name === 'string' ? mentionName(entity.mentioned.name) : '');
    if (!aad || !name) continue;
    tokens.set(name.toLowerCase(), aad);
    mentions.set(aad, { platformUserId: aad, displayName: name.replace(/[\p{Cc}\p{Cs}]/gu, '').slice(0, 80) || aad, timeZone: null });
  }
  return { tokens, mentions };
}

function entityAad(entity: MentionEntity, botId: string | undefined): string | null {
  if (entity.type !== 'mention' || !entity.mentioned) return null;
  const { id, aadObjectId } = entity.mentioned;
  if (typeof id === 'string' && id === botId) return null;
  const aad = typeof aadObjectId === 'string' ? aadObjectId : typeof id === 'string' && !SCOPED.test(id) ? id : '';
  return TOKEN.test(aad) ? aad : null;
}
