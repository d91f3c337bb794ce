import type { Actor } from '../../domain/people.ts';
import type { Recipient, Reply } from '../../replies.ts';
import type { CoreDeps } from '../deps.ts';
import { recordChange } from '../shared.ts';
import type { AuditView } from './audit-view.ts';

export type Notice = { readonly kind: 'notify'; readonly to: Recipient; readonly message: Reply };

/**
 * A private request to each sampled person with something outstanding: the entries needing their
 * certificate, a button each. Each request sent is an audit event (`audit.requested`, `audit.reminded`).
 */
export async function requestNotices(deps: CoreDeps, actor: Actor, view: AuditView, options: { readonly reminder: boolean }): Promise<Notice[]> {
  const notices: Notice[] = [];
  for (const person of view.people) {
    const to = view.recipients.get(person.personId);
    const items = person.items.filter((i) => i.status === 'requested');
    if (!to || items.length === 0) continue;
    notices.push({ kind: 'notify', to, message: { kind: 'audit-request', auditor: actor.operator ? 'Your organisation' : actor.displayName, reminder: options.reminder, items } });
    await recordChange(deps.db, deps, actor, {
      action: options.reminder ? 'audit.reminded' : 'audit.requested',
      entity: 'audit',
      entityId: view.audit.id,
      after: { person: person.displayName, personId: person.personId, entries: items.map((i) => i.seq) },
    });
  }
  return notices;
}

/** A reply followed by the private messages it carries (an audit's requests), in sending order. */
export function withNotices(reply: Reply): Reply[] {
  return reply.kind === 'audit-started' || reply.kind === 'audit-reminded' ? [reply, ...reply.notices] : [reply];
}
