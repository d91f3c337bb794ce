import type { IsoDate } from '../../domain/dates.ts';
import type { Actor } from '../../domain/people.ts';
import type { RosterChange } from '../../domain/roster.ts';
import { MAX_TEAM_NAME, teamName } from '../../domain/team-name.ts';
import { ensureTeam, findTeamByName, membershipsOf, addTeamMembers, removeTeamMembers } from '../../db/repositories/teams.ts';
import { inTransaction } from '../../db/transaction.ts';
import { RecertError } from '../../errors.ts';
import type { Reply } from '../../replies.ts';
import { authorize } from '../access.ts';
import type { CoreDeps } from '../deps.ts';
import { recordFeeFor, type FeeInput } from '../record-fee.ts';
import { saveCredentialFor, type CredentialInput } from '../save-credential.ts';
import { nowOf, recordChange } from '../shared.ts';
import type { Subject } from '../subjects.ts';
import { mayUseTeam } from './membership.ts';

/** Longest team name (characters), as for `team … add`. */

/** What `roster set @ana …` sets. */
export type RosterSetting =
  | { readonly field: 'certificate'; readonly certificate: CredentialInput }
  | { readonly field: 'fee'; readonly fee: FeeInput }
  | { readonly field: 'teams'; readonly teams: readonly string[] };

/**
 * `roster set @ana cert CMSS-123 issued 2026-02-01`, `… fee paid $85 on 2026-03-01`, `… team "Night
 * shift"`: a manager (within their teams) or an admin changes a person's records on their behalf,
 * by the same use cases the person uses for their own (same rules, same audit events, naming both).
 */
export async function setOnRosterFor(deps: CoreDeps, actor: Actor, subject: Subject, setting: RosterSetting): Promise<Reply> {
  await authorize(deps, actor, 'manage-roster', subject);
  return { kind: 'roster-changed', change: await applySetting(deps, actor, subject, setting) };
}

/** The change itself, for a subject already allowed (the import calls it inside its transaction). */
export async function applySetting(deps: CoreDeps, actor: Actor, subject: Subject, setting: RosterSetting): Promise<RosterChange> {
  const person = subject.displayName;
  switch (setting.field) {
    case 'certificate': {
      const saved = await saveCredentialFor(deps, actor, subject, setting.certificate);
      if (saved.kind !== 'credential-saved') throw new Error(`saveCredential answered ${saved.kind}`);
      return { what: 'certificate', person, mode: saved.mode, number: saved.number, issuedOn: saved.issuedOn, expiresOn: saved.expiresOn };
    }
    case 'fee': {
      const fee = await recordFeeFor(deps, actor, subject, setting.fee);
      if (fee.kind !== 'fee-recorded') throw new Error(`recordFeePayment answered ${fee.kind}`);
      return { what: 'fee', person, amountCents: fee.amountCents, currency: fee.currency, paidOn: fee.paidOn as IsoDate };
    }
    case 'teams':
      return setTeams(deps, actor, subject, setting.teams);
  }
}

/** Put the person in exactly these teams (created if new; a team-limited manager names only theirs). */
async function setTeams(deps: CoreDeps, actor: Actor, subject: Subject, names: readonly string[]): Promise<RosterChange> {
  const read = names.map(teamName);
  const clean = read.filter((n): n is string => n !== null);
  if (clean.length < read.length) throw new RecertError('team-name-invalid', { max: MAX_TEAM_NAME });
  const access = await authorize(deps, actor, 'manage-roster', subject);
  for (const name of clean) {
    const team = await findTeamByName(deps.db, actor.organisationId, name);
    // A manager limited to teams may move people only between those (refused and audited otherwise).
    if (!mayUseTeam(access, team?.id ?? null)) await authorize(deps, actor, 'manage-teams');
  }
  return inTransaction(deps.db, async (trx) => {
    const previous = (await membershipsOf(trx, actor.organisationId)).get(subject.id) ?? [];
    const teams = [];
    for (const name of clean) teams.push((await ensureTeam(trx, actor.organisationId, name, nowOf(deps))).team);
    const keep = new Set(teams.map((t) => t.id));
    for (const old of previous) if (!keep.has(old.id)) await removeTeamMembers(trx, actor.organisationId, old.id, [subject.id]);
    for (const team of teams) await addTeamMembers(trx, actor.organisationId, team.id, [subject.id], nowOf(deps));
    const change = { what: 'team' as const, person: subject.displayName, teams: teams.map((t) => t.name), previous: previous.map((t) => t.name) };
    if (!sameNames(change.teams, change.previous)) {
      await recordChange(trx, deps, actor, { action: 'roster.teams-set', entity: 'person', entityId: subject.id, before: { teams: change.previous }, after: { teams: change.teams, name: subject.displayName, by: actor.displayName } });
    }
    return change;
  });
}

export function sameNames(a: readonly string[], b: readonly string[]): boolean {
  const norm = (xs: readonly string[]) => xs.map((x) => x.toLowerCase()).sort().join('\u0000');
  return norm(a) === norm(b);
}
