import type { AuditOutcome } from '../../domain/audit.ts';
import { checkTyped, orRefuse } from '../../domain/training-field-rules.ts';
import type { Actor } from '../../domain/people.ts';
import { closeAudit as closeStored } from '../../db/repositories/audits.ts';
import { inTransaction } from '../../db/transaction.ts';
import { RecertError } from '../../errors.ts';
import type { Reply } from '../../replies.ts';
import type { CoreDeps } from '../deps.ts';
import { nowOf, recordChange } from '../shared.ts';
import { viewOfAudit } from './audit-view.ts';
import { headOf, openAuditFor } from './scope.ts';

export interface CloseAudit {
  readonly outcome?: AuditOutcome;
  readonly note?: string;
  readonly team?: string;
}

/** Longest closing note, in characters (a sentence or two, not a report). */
export const MAX_AUDIT_NOTE = 500;

/**
 * `audit close [passed|failed] [note "…"]`: record the outcome and a summary (people and entries
 * answered and outstanding at closing). Closing twice closes once: the second finds no open audit.
 */
export async function closeAudit(deps: CoreDeps, actor: Actor, input: CloseAudit): Promise<Reply> {
  const note = input.note?.trim() || null;
  if (note) orRefuse(checkTyped(note, 'message'));
  if (note && note.length > MAX_AUDIT_NOTE) throw new RecertError('audit-note-too-long', { max: MAX_AUDIT_NOTE, length: note.length });
  const { audit } = await openAuditFor(deps, actor, input.team);
  const view = await viewOfAudit(deps, actor, audit);
  const summary = { ...view.counts, note, outstandingPeople: view.people.filter((p) => p.outstanding > 0).map((p) => p.displayName) };
  const closed = await inTransaction(deps.db, async (trx) => {
    const row = await closeStored(trx, actor.organisationId, audit.id, { closedBy: actor.operator ? null : actor.personId, outcome: input.outcome ?? null, summary }, nowOf(deps));
    if (row) await recordChange(trx, deps, actor, { action: 'audit.closed', entity: 'audit', entityId: audit.id, after: { outcome: input.outcome ?? null, summary } });
    return row;
  });
  if (!closed) throw new RecertError('audit-none-open', { scope: input.team ?? '' });
  return { kind: 'audit-closed', audit: await headOf(deps, actor, audit), outcome: input.outcome ?? null, note, counts: view.counts };
}
