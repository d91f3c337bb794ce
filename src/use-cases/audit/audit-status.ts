import type { Actor } from '../../domain/people.ts';
import type { Reply } from '../../replies.ts';
import type { CoreDeps } from '../deps.ts';
import { recordChange } from '../shared.ts';
import { viewOfAudit } from './audit-view.ts';
import { headOf, openAuditFor } from './scope.ts';

/** `audit status [team …]`: counts first (people and entries answered, outstanding), then each person. */
export async function auditStatus(deps: CoreDeps, actor: Actor, team?: string): Promise<Reply> {
  const { audit } = await openAuditFor(deps, actor, team);
  const view = await viewOfAudit(deps, actor, audit);
  await recordChange(deps.db, deps, actor, { action: 'audit.viewed', entity: 'audit', entityId: audit.id, after: { counts: view.counts } });
  return { kind: 'audit-status', audit: await headOf(deps, actor, audit), counts: view.counts, people: view.people };
}
