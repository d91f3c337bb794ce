import type { WebClient } from '@slack/web-api';
import { claimInbound, identify, type CoreDeps, type Db, type Identified, type Logger, type Mentions } from '../../src/index.ts';
import type { SlackClients } from './clients.ts';
import type { AckGauge } from './inbound/ack-gauge.ts';
import type { Sleeper } from './deliver.ts';
import type { PeopleDirectory, SlackPerson } from './people.ts';
import type { RespondFn } from './respond.ts';

/** What every Slack handler needs; built once by app.ts and passed to each handler factory. */
export interface SlackRuntime {
  /** The core over the workers' pool; deliveries are processed with a transaction of it instead. */
  readonly core: CoreDeps;
  /** Where a delivery is stored before it is acknowledged (a small pool of its own: acks never wait for workers). */
  readonly ingress: Db;
  readonly log: Logger;
  readonly people: PeopleDirectory;
  readonly clients: SlackClients;
  readonly respond: RespondFn;
  /** Hosts besides files.slack.com that certificates may be downloaded from (a proxy or a fake Slack). */
  readonly fileHosts: readonly string[];
  readonly sleep: Sleeper;
  readonly newReference: () => string;
  /** A delivery was stored: wake the inbox's workers. */
  readonly kick: () => void;
  /** Acknowledgements in progress (the workers hold back while they queue); absent in tests that call handlers directly. */
  readonly acks?: AckGauge;
}

export interface SlackUserRef {
  readonly teamId: string;
  readonly userId: string;
  /** The inbound id (event id, trigger id) recorded with every change. */
  readonly requestId?: string;
  /** Who installed the app in this workspace (a Recert admin), when the installation says. */
  readonly installerUserId?: string | null;
}

/** The Recert person behind a Slack user (each workspace is its own organisation), within `deps`' transaction. */
export async function actorFor(rt: SlackRuntime, deps: CoreDeps, client: WebClient, ref: SlackUserRef): Promise<Identified> {
  const person = await rt.people.lookup(client, ref.teamId, ref.userId);
  return identify(deps, {
    platform: 'slack',
    organisationExternalId: ref.teamId,
    organisationName: ref.teamId,
    organisationTimeZone: 'UTC',
    userExternalId: ref.userId,
    displayName: person.name,
    timeZone: person.timeZone,
    source: 'slack',
    ...(ref.requestId ? { requestId: ref.requestId } : {}),
    ...platformAdminOf(person, ref),
  });
}

/**
 * Workspace owners and admins, and whoever installed Recert, are its admins. When users.info failed
 * (Slack did not say), the installation still knows its installer: that admin is never lost; anyone
 * else keeps what is stored.
 */
function platformAdminOf(person: SlackPerson, ref: SlackUserRef): { readonly platformAdmin?: boolean } {
  const installer = Boolean(ref.installerUserId) && ref.installerUserId === ref.userId;
  if (person.isAdmin === undefined) return installer ? { platformAdmin: true } : {};
  return { platformAdmin: person.isAdmin || installer };
}

/**
 * The people a message mentions (`<@U0123>`), looked up before the delivery's transaction, keyed by
 * the token the text carries after plainText (`@U0123`).
 */
export async function mentionsOf(rt: SlackRuntime, client: WebClient, teamId: string, text: string): Promise<Mentions> {
  const ids = [...new Set([...text.matchAll(/<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>/g)].map((m) => m[1] ?? ''))].filter(Boolean).slice(0, 50);
  const profiles = await Promise.all(ids.map((id) => rt.people.lookup(client, teamId, id)));
  return new Map(ids.map((id, i) => [id, { platformUserId: id, displayName: profiles[i]?.name ?? id, timeZone: profiles[i]?.timeZone ?? null, email: profiles[i]?.email ?? null }]));
}

/**
 * True the first time `id` is seen, across processes — claimed inside the delivery's transaction,
 * so a failed attempt releases the claim with everything else it did.
 */
export async function firstDelivery(rt: SlackRuntime, deps: CoreDeps, source: string, id: string | null | undefined): Promise<boolean> {
  if (!id) return true;
  const first = await claimInbound(deps.db, source, id, null, deps.clock.now().toJSDate());
  if (!first) rt.log.info('slack duplicate delivery ignored', { source, id });
  return first;
}

/** Where a conversation about a training lives: a channel and the thread's root message. */
export function anchorOf(channelId: string, threadTs: string): string {
  return `slack:${channelId}:${threadTs}`;
}

/**
 * Slack's message markup back to the words a person typed (links, escapes). A mention of someone
 * becomes `@U0123` (the core's mention token); a mention of the bot itself is dropped.
 */
export function plainText(text: string, botUserId?: string): string {
  return text
    .replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, (_all, id: string) => (id === botUserId ? ' ' : ` @${id} `))
    .replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .replace(/<(?:https?|mailto):[^|>]+\|([^>]+)>/g, '$1')
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1')
    .replace(/<[#!][^|>]+\|([^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The workspace a payload belongs to (the first id Slack gave). A payload without one is refused:
 * filing it under an empty id would mix unrelated people into one organisation.
 */
export function teamOf(rt: Pick<SlackRuntime, 'log'>, what: string, ...candidates: readonly (string | null | undefined)[]): string | null {
  const team = candidates.find((c): c is string => typeof c === 'string' && c.length > 0) ?? null;
  if (!team) rt.log.warn('slack payload without a team id ignored', { what });
  return team;
}
