import { DateTime } from 'luxon';
import { z } from 'zod';
import type { AuditFilters } from '../../domain/audit.ts';
import { localDate } from '../../domain/dates.ts';
import type { Access } from '../../domain/permissions.ts';
import type { Actor } from '../../domain/people.ts';
import { listOpenAudits, type AuditRecord } from '../../db/repositories/audits.ts';
import { listAdminNames, listPeople } from '../../db/repositories/roster.ts';
import { findTeamByName, listTeams, type Team } from '../../db/repositories/teams.ts';
import { RecertError } from '../../errors.ts';
import type { AuditHead } from '../../replies.ts';
import { authorize, managedTeamNames } from '../access.ts';
import type { CoreDeps } from '../deps.ts';
import { recordChange } from '../shared.ts';

/** Where an audit runs: the whole organisation, or one team. */
export interface AuditScope {
  readonly access: Access;
  readonly team: Team | null;
  readonly key: string;
}

export const scopeKeyOf = (team: Team | null): string => (team ? `team:${team.id}` : 'organisation');

/**
 * The scope a request means, for someone allowed to run audits: the team named, else the one team
 * a team-limited manager manages, else the organisation. A manager never reaches a team not theirs.
 */
export async function auditScope(deps: CoreDeps, actor: Actor, teamName: string | undefined): Promise<AuditScope> {
  const access = await authorize(deps, actor, 'run-audits');
  const named = teamName ? await findTeamByName(deps.db, actor.organisationId, teamName) : null;
  if (teamName && !named) throw new RecertError('team-not-found', { name: teamName });
  const managed = access.managedTeams;
  let team = named ?? null;
  if (!team && managed) {
    const mine = (await listTeams(deps.db, actor.organisationId)).filter((t) => managed.includes(t.id));
    if (mine.length !== 1) throw new RecertError('audit-team-needed', { teams: mine.map((t) => t.name).join(', ') });
    team = mine[0] ?? null;
  }
  if (team && managed && !managed.includes(team.id)) await refuseTeam(deps, actor, access, team);
  return { access, team, key: scopeKeyOf(team) };
}

async function refuseTeam(deps: CoreDeps, actor: Actor, access: Access, team: Team): Promise<never> {
  await recordChange(deps.db, deps, actor, { action: 'access.refused', entity: 'team', entityId: team.id, after: { permission: 'run-audits', role: access.role, team: team.name } });
  const admins = await listAdminNames(deps.db, actor.organisationId);
  throw new RecertError('forbidden', { permission: 'run-audits', role: access.role, admins: admins.join(', '), subject: `Team ${team.name}`, subjectKind: 'team', outOfScope: true, ...(await managedTeamNames(deps, actor, access)) });
}

/**
 * The open audit a status, reminder or close is about: the named team's, else the only open one
 * the asker may run (a team-limited manager: their teams'). Several: they must say which team.
 */
export async function openAuditFor(deps: CoreDeps, actor: Actor, teamName: string | undefined): Promise<{ scope: AuditScope; audit: AuditRecord }> {
  const access = await authorize(deps, actor, 'run-audits');
  const open = await listOpenAudits(deps.db, actor.organisationId);
  if (teamName || access.managedTeams) {
    const scope = teamName ? await auditScope(deps, actor, teamName) : null;
    const mine = open.filter((a) => (scope ? a.scopeKey === scope.key : a.teamId !== null && access.managedTeams?.includes(a.teamId)));
    return pickOne(mine, scope ?? { access, team: null, key: '' }, teamName ?? '');
  }
  return pickOne(open, { access, team: null, key: 'organisation' }, '');
}

function pickOne(audits: readonly AuditRecord[], scope: AuditScope, scopeName: string): { scope: AuditScope; audit: AuditRecord } {
  const [only, ...more] = audits;
  if (!only) throw new RecertError('audit-none-open', { scope: scopeName });
  if (more.length) throw new RecertError('audit-ambiguous', { teams: audits.map((a) => filtersOf(a).team ?? 'the whole organisation').join(', ') });
  const team = only.teamId ? { id: only.teamId, name: filtersOf(only).team ?? '' } : null;
  return { scope: { ...scope, team, key: only.scopeKey }, audit: only };
}

const filtersSchema = z.object({ expiringBefore: z.string().optional(), team: z.string().optional() });

/** An audit's stored filters, read back (only the fields set). */
export function filtersOf(audit: AuditRecord): AuditFilters {
  const parsed = filtersSchema.safeParse(audit.filters);
  if (!parsed.success) return {};
  const { expiringBefore, team } = parsed.data;
  return { ...(expiringBefore ? { expiringBefore } : {}), ...(team ? { team } : {}) };
}

/** An audit's sample (person ids in draw order), read back. */
export function sampleOf(audit: AuditRecord): string[] {
  const parsed = z.array(z.string()).safeParse(audit.sample);
  return parsed.success ? parsed.data : [];
}

/** The audit as every reply shows it. */
export async function headOf(deps: CoreDeps, actor: Actor, audit: AuditRecord): Promise<AuditHead> {
  const people = await listPeople(deps.db, actor.organisationId, { activeOnly: false });
  const starter = people.find((p) => p.id === audit.startedBy);
  return {
    id: audit.id,
    seed: audit.seed,
    percent: audit.percent,
    filters: filtersOf(audit),
    startedBy: starter?.displayName ?? 'the operator',
    startedOn: localDate(DateTime.fromJSDate(audit.startedAt, { zone: 'utc' }), actor.timeZone),
    candidates: audit.candidates,
  };
}
