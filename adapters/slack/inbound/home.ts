import type { WebClient } from '@slack/web-api';
import { asReply, getComplianceReport, getHistory, getStatus, type CoreDeps, type Reply } from '../../../src/index.ts';
import type { SlackAuth } from '../clients.ts';
import { callSlack } from '../deliver.ts';
import { renderHome } from '../render/home.ts';
import { actorFor, type SlackRuntime } from '../runtime.ts';
import type { SlackOutcome } from './outcome.ts';
import type { PayloadOf } from './payloads.ts';

/** App Home: progress, certificate expiry, fee, entries without proof, recent entries. Refreshed on every open. */
export async function applyHome(rt: SlackRuntime, deps: CoreDeps, auth: SlackAuth, p: PayloadOf<'home'>, requestId: string): Promise<SlackOutcome> {
  const { actor, firstContact } = await actorFor(rt, deps, auth.client, { teamId: p.teamId, userId: p.userId, requestId });
  const [status, history] = await Promise.all([getStatus(deps, actor), getHistory(deps, actor, 1)]);
  // A manager's Home starts with their team: the report's summary and its most urgent people.
  const team = actor.role === 'scribe' ? null : await asReply(() => getComplianceReport(deps, actor, {}, 1));
  // Someone who meets the bot on its Home tab first still gets the welcome, in the DM.
  const welcome: Reply[] = firstContact ? [{ kind: 'welcome', displayName: actor.displayName, hasCredential: false }] : [];
  if (status.kind !== 'status' || history.kind !== 'history') return { surface: { kind: 'dm', userId: p.userId }, replies: welcome };
  const teamPart = team?.kind === 'compliance-report' ? { team } : {};
  return { surface: { kind: 'dm', userId: p.userId }, replies: welcome, home: { userId: p.userId, status: status.status, history, ...teamPart } };
}

export async function publishHome(rt: SlackRuntime, client: WebClient, home: NonNullable<SlackOutcome['home']>): Promise<void> {
  const view = renderHome({ status: home.status, history: home.history, ...(home.team ? { team: home.team } : {}) });
  await callSlack(rt.log, 'views.publish', () => client.views.publish({ user_id: home.userId, view }), rt.sleep);
}
