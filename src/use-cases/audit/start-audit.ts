import { randomInt } from 'node:crypto';
import { drawSample, MAX_SEED, countAudit, type AuditFilters } from '../../domain/audit.ts';
import { isIsoDate } from '../../domain/dates.ts';
import type { Actor } from '../../domain/people.ts';
import { findOpenAuditByScope, insertAudit, insertAuditItems, type NewAuditItem } from '../../db/repositories/audits.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { inTransaction } from '../../db/transaction.ts';
import { RecertError } from '../../errors.ts';
import type { Reply } from '../../replies.ts';
import type { CoreDeps } from '../deps.ts';
import { ledgersOf } from '../ledgers.ts';
import { currentStandings, type PersonStanding } from '../report/standings.ts';
import { nowOf, recordChange } from '../shared.ts';
import { visibleTo } from '../subjects.ts';
import { loadAuditView } from './audit-view.ts';
import { auditScope, headOf, type AuditScope } from './scope.ts';
import { requestNotices } from './notices.ts';

export interface StartAudit {
  readonly percent: number;
  readonly expiringBefore?: string;
  readonly team?: string;
  /** The PRNG seed; none: a random one (recorded either way). */
  readonly seed?: number;
}

/**
 * `audit start 25% [expiring before …] [team …] [seed …]`: draw a seeded sample of the people in
 * scope who hold a certificate, and ask each for the documentation of their current cycle's
 * entries. One item per counted entry: those with proof on file are answered from the start, the
 * others requested (the sampled person's DM lists them, a button each).
 */
export async function startAudit(deps: CoreDeps, actor: Actor, input: StartAudit): Promise<Reply> {
  checkInput(input);
  const scope = await auditScope(deps, actor, input.team);
  await refuseIfOpen(deps, actor, scope);
  const candidates = (await currentStandings(deps, actor.organisationId)).filter((s) => qualifies(s, scope, input));
  if (candidates.length === 0) throw new RecertError('audit-nobody', { scope: scope.team?.name ?? '' });
  const seed = input.seed ?? randomInt(0, MAX_SEED);
  const sample = drawSample(candidates.map((c) => ({ id: c.person.personId, standing: c })), input.percent, seed);
  const ledgers = await ledgersOf(deps.db, actor.organisationId, sample.map((s) => s.id));
  const items: NewAuditItem[] = sample.flatMap((s) => (ledgers.get(s.id)?.ledger.counted ?? []).map((t) => ({ personId: s.id, trainingId: t.id, status: t.proofCount > 0 ? ('answered' as const) : ('requested' as const) })));
  const filters: AuditFilters = { ...(input.expiringBefore ? { expiringBefore: input.expiringBefore } : {}), ...(scope.team ? { team: scope.team.name } : {}) };
  const now = nowOf(deps);
  const auditId = await inTransaction(deps.db, async (trx) => {
    const id = await insertAudit(trx, actor.organisationId, { scopeKey: scope.key, teamId: scope.team?.id ?? null, seed, percent: input.percent, filters, sample: sample.map((s) => s.id), candidates: candidates.length, startedBy: actor.operator ? null : actor.personId }, now);
    await insertAuditItems(trx, actor.organisationId, id, items, now);
    const counts = countAudit(sample.map((s) => s.id), items);
    await recordChange(trx, deps, actor, { action: 'audit.started', entity: 'audit', entityId: id, after: { seed, percent: input.percent, filters, candidates: candidates.length, sample: sample.map((s) => s.standing.person.displayName), counts } });
    return id;
  }).catch(async (error: unknown) => {
    if (isUniqueViolation(error)) await refuseIfOpen(deps, actor, scope);
    throw error;
  });
  const view = await loadAuditView(deps, actor, auditId);
  const notices = await requestNotices(deps, actor, view, { reminder: false });
  return { kind: 'audit-started', audit: await headOf(deps, actor, view.audit), counts: view.counts, people: view.people, notices };
}

function checkInput(input: StartAudit): void {
  if (!Number.isInteger(input.percent) || input.percent < 1 || input.percent > 100) throw new RecertError('audit-percent-invalid', { percent: String(input.percent) });
  if (input.seed !== undefined && (!Number.isInteger(input.seed) || input.seed < 0 || input.seed > MAX_SEED)) throw new RecertError('audit-seed-invalid', { seed: String(input.seed), max: MAX_SEED });
  if (input.expiringBefore !== undefined && !isIsoDate(input.expiringBefore)) throw new RecertError('invalid-date', { text: input.expiringBefore });
}

/** A second open audit in the same scope is refused, saying when the first started and how to close it. */
async function refuseIfOpen(deps: CoreDeps, actor: Actor, scope: AuditScope): Promise<void> {
  const open = await findOpenAuditByScope(deps.db, actor.organisationId, scope.key);
  if (!open) return;
  const head = await headOf(deps, actor, open);
  throw new RecertError('audit-open', { scope: scope.team?.name ?? '', startedOn: head.startedOn, startedBy: head.startedBy });
}

/** In the scope (and visible to the asker), holding a certificate, and expiring before the day asked (if asked). */
function qualifies(s: PersonStanding, scope: AuditScope, input: StartAudit): boolean {
  const teamIds = s.teams.map((t) => t.id);
  if (!visibleTo(scope.access, { id: s.person.personId, teamIds })) return false;
  if (scope.team && !teamIds.includes(scope.team.id)) return false;
  const certificate = s.summary.certificate;
  if (!certificate) return false;
  return input.expiringBefore === undefined || certificate.expiresOn < input.expiringBefore;
}
