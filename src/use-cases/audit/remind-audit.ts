import type { Actor } from '../../domain/people.ts';
import { markReminded } from '../../db/repositories/audits.ts';
import type { Reply } from '../../replies.ts';
import type { CoreDeps } from '../deps.ts';
import { nowOf } from '../shared.ts';
import { viewOfAudit } from './audit-view.ts';
import { requestNotices } from './notices.ts';
import { headOf, openAuditFor } from './scope.ts';

/** `audit remind [team …]`: the request again, privately, to each sampled person with something outstanding. */
export async function remindAudit(deps: CoreDeps, actor: Actor, team?: string): Promise<Reply> {
  const { audit } = await openAuditFor(deps, actor, team);
  const view = await viewOfAudit(deps, actor, audit);
  const notices = await requestNotices(deps, actor, view, { reminder: true });
  const itemIds = view.people.flatMap((p) => p.items.filter((i) => i.status === 'requested').map((i) => i.itemId));
  await markReminded(deps.db, actor.organisationId, itemIds, nowOf(deps));
  const reminded = view.people.filter((p) => p.outstanding > 0).map((p) => ({ displayName: p.displayName, outstanding: p.outstanding }));
  return { kind: 'audit-reminded', audit: await headOf(deps, actor, audit), reminded, notices };
}
