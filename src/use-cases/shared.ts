import { complianceOf, type ComplianceStatus } from '../domain/compliance.ts';
import { CMSS_RULES, type CredentialRules } from '../domain/credential-rules.ts';
import { localDate, type IsoDate } from '../domain/dates.ts';
import type { Actor } from '../domain/people.ts';
import type { Training } from '../domain/training.ts';
import type { Db } from '../db/connection.ts';
import { appendAudit } from '../db/repositories/audit.ts';
import { findCredentialRules } from '../db/repositories/credential-types.ts';
import { findCurrentCredential, type Credential } from '../db/repositories/credentials.ts';
import { RecertError } from '../errors.ts';
import type { Progress, TrainingView } from '../replies.ts';
import type { CoreDeps } from './deps.ts';
import { ledgersOf } from './ledgers.ts';

export function todayFor(deps: CoreDeps, actor: Actor): IsoDate {
  return localDate(deps.clock.now(), actor.timeZone);
}

export function nowOf(deps: CoreDeps): Date {
  return deps.clock.now().toJSDate();
}

export interface Standing {
  readonly credential: Credential | null;
  readonly rules: CredentialRules;
  /** The person's live entries for this credential type. */
  readonly trainings: readonly Training[];
  /** Every live entry of the person (other credential types included), newest completion first. */
  readonly allTrainings: readonly Training[];
  readonly compliance: ComplianceStatus;
}

/** Whose records: the asker's own, or (for a manager) the subject's. */
export type LedgerOwner = Pick<Actor, 'organisationId' | 'personId'>;

/**
 * The person's current certificate, its rules, their entries and what they add up to today — by
 * the same loading and rules as an organisation's report (ledgersOf), so the two always agree.
 */
export async function standingOf(db: Db, owner: LedgerOwner, today: IsoDate): Promise<Standing> {
  const found = (await ledgersOf(db, owner.organisationId, [owner.personId])).get(owner.personId);
  if (!found) throw new Error(`no ledger for ${owner.personId}`);
  const { credential, rules, trainings, allTrainings, ledger } = found;
  return { credential, rules, trainings, allTrainings, compliance: complianceOf(ledger, today) };
}

/** The person's current certificate and the rules it is held under (CMSS when there is none yet). */
export async function currentRules(db: Db, actor: LedgerOwner): Promise<{ credential: Credential | null; rules: CredentialRules }> {
  const credential = (await findCurrentCredential(db, actor.organisationId, actor.personId)) ?? null;
  return { credential, rules: await rulesFor(db, actor, credential) };
}

export async function rulesFor(db: Db, actor: LedgerOwner, credential: Credential | null): Promise<CredentialRules> {
  if (!credential) return CMSS_RULES;
  const rules = await findCredentialRules(db, actor.organisationId, credential.typeCode);
  if (!rules) throw new RecertError('credential-type-unknown', { code: credential.typeCode });
  return rules;
}

export function progressOf(standing: Standing): Progress {
  return {
    state: standing.compliance.state,
    earned: standing.compliance.earnedCredit,
    required: standing.compliance.requiredCredit,
    credentialCode: standing.rules.code,
    hasCredential: standing.credential !== null,
  };
}

/** An entry as adapters show it; with the person's standing, also whether it counts toward the cycle. */
export function viewOf(training: Training, standing?: Standing): TrainingView {
  const { id, seq, title, kind, completedOn, minutes, credit, indexNumber, howComputed, reviewReason, registered, proofCount, cmsConfirmed } = training;
  const notCounted = standing?.compliance.excluded.find((e) => e.training.id === id)?.why ?? null;
  return { id, seq, title, kind, completedOn, minutes, credit, indexNumber, howComputed, reviewReason, registered, proofCount, notCounted, ...(cmsConfirmed ? { cmsConfirmed } : {}) };
}

export interface Change {
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly undoesEventId?: string;
}

/** Record a change made by `actor`; call inside the transaction that makes the change. */
export async function recordChange(db: Db, deps: CoreDeps, actor: Actor, change: Change): Promise<string> {
  return appendAudit(db, {
    organisationId: actor.organisationId,
    actorPersonId: actor.operator ? null : actor.personId,
    action: change.action,
    entity: change.entity,
    entityId: change.entityId,
    before: change.before ?? null,
    after: change.after ?? null,
    source: actor.source,
    requestId: actor.requestId ?? null,
    undoesEventId: change.undoesEventId ?? null,
    occurredAt: nowOf(deps),
  });
}
