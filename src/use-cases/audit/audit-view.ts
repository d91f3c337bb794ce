import { countAudit, type AuditCounts } from '../../domain/audit.ts';
import type { Actor } from '../../domain/people.ts';
import { findAudit, listAuditItems, type AuditItemRow, type AuditRecord } from '../../db/repositories/audits.ts';
import { listPeople } from '../../db/repositories/roster.ts';
import { RecertError } from '../../errors.ts';
import type { AuditItemView, AuditPersonView, Recipient } from '../../replies.ts';
import type { CoreDeps } from '../deps.ts';
import { sampleOf } from './scope.ts';

/** An audit with its sampled people and their items, as status, reminders and close read it. */
export interface AuditView {
  readonly audit: AuditRecord;
  readonly counts: AuditCounts;
  /** Outstanding first (most outstanding first), then by name. */
  readonly people: readonly AuditPersonView[];
  readonly recipients: ReadonlyMap<string, Recipient>;
}

export async function loadAuditView(deps: CoreDeps, actor: Actor, auditId: string): Promise<AuditView> {
  const audit = await findAudit(deps.db, actor.organisationId, auditId);
  if (!audit) throw new RecertError('audit-none-open', { scope: '' });
  return viewOfAudit(deps, actor, audit);
}

export async function viewOfAudit(deps: CoreDeps, actor: Actor, audit: AuditRecord): Promise<AuditView> {
  const [items, people] = await Promise.all([listAuditItems(deps.db, actor.organisationId, audit.id), listPeople(deps.db, actor.organisationId, { activeOnly: false })]);
  const sample = sampleOf(audit);
  const byId = new Map(people.map((p) => [p.id, p]));
  const recipients = new Map<string, Recipient>();
  const views = sample.flatMap((personId): AuditPersonView[] => {
    const person = byId.get(personId);
    if (!person) return [];
    recipients.set(personId, { personId, platformUserId: person.platformUserId, displayName: person.displayName });
    const own = items.filter((i) => i.personId === personId).map(itemView);
    return [{ personId, displayName: person.displayName, outstanding: own.filter((i) => i.status === 'requested').length, items: own }];
  });
  views.sort((a, b) => b.outstanding - a.outstanding || a.displayName.localeCompare(b.displayName) || a.personId.localeCompare(b.personId));
  return { audit, counts: countAudit(sample, items), people: views, recipients };
}

export function itemView(item: AuditItemRow): AuditItemView {
  return { itemId: item.id, seq: item.seq, title: item.title, completedOn: item.completedOn, status: item.status };
}
