import { claimInbound, identify, type CoreDeps, type Identified, type Logger, type Paperwork, type Reply } from '../../src/index.ts';
import type { PaperworkFile } from '../common/paperwork/files.ts';
import { present } from '../common/present.ts';
import type { PresentContext } from '../common/presentation.ts';
import type { TeamsPerson } from './activity.ts';
import type { TeamsFileOptions } from './file-download.ts';
import type { TeamsConnector } from './outbound/connector.ts';
import { withTeamsActions } from './render/teams-actions.ts';
import { ADAPTIVE_CARD_CONTENT_TYPE, toAdaptiveCard, type AdaptiveCard } from './render/adaptive-card.ts';

/** Teams reads the same words as the terminal (no slash command); answers are cards in a chat; files come in personal chat. */
export const TEAMS_WORDING: PresentContext = { commandPrefix: '', surface: 'chat', fileDrop: 'personal-chat' };

/** What every Teams turn handler needs; built once by app.ts. */
export interface TeamsRuntime {
  readonly core: CoreDeps;
  readonly log: Logger;
  /** A fresh nonce for each card button. */
  readonly newNonce: () => string;
  /** A short reference for "something went wrong" replies. */
  readonly newReference: () => string;
  /** Certificate downloads: extra hosts (tests, a proxy), the timeout (ms). */
  readonly files: TeamsFileOptions;
  /** Makes an export's files (the PDF, the evidence pack): run by the export worker, after the turn answered. */
  readonly makeFiles: PaperworkMaker;
  /** Something was queued for the export worker: look now rather than at its next poll. */
  readonly exportsQueued: () => void;
  /** Proactive posts from a stored reference (its own service URL: the recipient's region, not the turn's). */
  readonly connector: TeamsConnector;
}

export type PaperworkMaker = (deps: Pick<CoreDeps, 'db'>, paperwork: Paperwork) => Promise<PaperworkFile[]>;

/** The Recert person behind a Teams person: each Entra tenant is its own organisation. */
export function actorFor(deps: CoreDeps, person: TeamsPerson, requestId: string | undefined): Promise<Identified> {
  return identify(deps, {
    platform: 'teams',
    organisationExternalId: person.tenantId,
    organisationName: person.tenantId,
    organisationTimeZone: 'UTC',
    userExternalId: person.aadObjectId,
    displayName: person.name,
    timeZone: person.timeZone,
    source: 'teams',
    ...(requestId ? { requestId } : {}),
  });
}

/** True the first time `id` is seen under `source`, across processes (inside the turn's transaction). */
export async function firstSeen(rt: TeamsRuntime, deps: CoreDeps, source: string, id: string | undefined): Promise<boolean> {
  if (!id) return true;
  const first = await claimInbound(deps.db, source, id, null, deps.clock.now().toJSDate());
  if (!first) rt.log.info('teams duplicate ignored', { source, id });
  return first;
}

/**
 * The dedupe key of a card button pressed by `person`: a card in a channel is pressed by anyone
 * there, and a colleague's (refused) press must not use up the author's button; Teams' resends of
 * one person's press share it.
 */
export function pressKey(person: TeamsPerson, nonce: string): string {
  return `${person.tenantId}:${person.aadObjectId}:${nonce}`;
}

/** A reply as a card for `tenantId`. */
export function cardOf(rt: TeamsRuntime, reply: Reply, tenantId: string): AdaptiveCard {
  return toAdaptiveCard(withTeamsActions(reply, present(reply, TEAMS_WORDING)), { tenantId, newNonce: rt.newNonce });
}

/** Several replies in one card (a card action answers with one card). */
export function mergedCard(rt: TeamsRuntime, replies: readonly Reply[], tenantId: string): AdaptiveCard {
  const cards = replies.map((r) => cardOf(rt, r, tenantId));
  const [first] = cards;
  if (!first || cards.length === 1) return first ?? cardOf(rt, { kind: 'error', code: 'processing-failed', details: { reference: rt.newReference() } }, tenantId);
  return { ...first, body: cards.flatMap((c, i) => (i === 0 ? c.body : [{ type: 'Container', separator: true, items: c.body }])), actions: cards.flatMap((c) => c.actions ?? []) };
}

export function attachmentOf(card: AdaptiveCard): { contentType: string; content: AdaptiveCard } {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}

/** Run `work` in one transaction of the core's database (the duplicate claim commits with what it did). */
export function inOneTransaction<T>(rt: TeamsRuntime, work: (deps: CoreDeps) => Promise<T>): Promise<T> {
  if (rt.core.db.isTransaction) return work(rt.core);
  return rt.core.db.transaction().execute((trx) => work({ ...rt.core, db: trx }));
}

/** An unexpected failure as a reply with a reference, logged with the same reference. */
export function failureReply(rt: TeamsRuntime, what: string, error: unknown): Reply {
  const reference = rt.newReference();
  rt.log.error(`teams ${what} failed`, { reference, error: error instanceof Error ? error.message : String(error) });
  return { kind: 'error', code: 'processing-failed', details: { reference } };
}
