import { defaultExpiry } from '../../domain/cycle.ts';
import { addDays } from '../../domain/dates.ts';
import { can, type Access } from '../../domain/permissions.ts';
import type { Actor } from '../../domain/people.ts';
import type { RejectedValue, RosterColumn, RosterRowProblem } from '../../domain/roster.ts';
import { findCredentialRules } from '../../db/repositories/credential-types.ts';
import { findCurrentCredential } from '../../db/repositories/credentials.ts';
import { listFeePayments } from '../../db/repositories/fees.ts';
import { upsertPerson } from '../../db/repositories/people.ts';
import { findPeopleByEmail, findPeopleByName, findPersonByPlatformId, lockPerson, setEmail, setPlatformUserId, type RosterPerson } from '../../db/repositories/roster.ts';
import { managedTeams, teamNamesOf } from '../../db/repositories/teams.ts';
import { isRecertError, type ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../deps.ts';
import { nowOf } from '../shared.ts';
import { withScope, type Subject } from '../subjects.ts';
import type { RosterRow } from './rows.ts';
import { applySetting, sameNames } from './set.ts';

/** How one row left the person: new on the roster, changed, or as it was. */
export type RowOutcome = 'added' | 'updated' | 'unchanged';

/** A row refused while applying it (thrown to undo the row's savepoint). */
export class RowRefused extends Error {
  readonly rejected: RejectedValue;
  constructor(rejected: RejectedValue) {
    super(`line ${rejected.line}: ${rejected.column} ${rejected.problem}`);
    this.rejected = rejected;
  }
}

/** The placeholder platform id of someone a file brought in before the platform knew them. */
const PLACEHOLDER = 'roster:';

/**
 * Bring one checked row onto the roster: find the person (Slack id, else e-mail, else name), or add
 * them; then set what differs from what is on file — certificate, fee, teams — by the same use cases
 * as `roster set`. Nothing that is already so is written again, so a file imported twice changes nothing.
 */
export async function applyRow(deps: CoreDeps, actor: Actor, access: Access, row: RosterRow): Promise<RowOutcome> {
  const refuse = (column: RosterColumn, problem: RosterRowProblem, value?: string) => new RowRefused({ line: row.line, column, value: (value ?? '').slice(0, 80), problem });
  const found = await findPerson(deps, actor.organisationId, row, refuse);
  let changed = false;
  let subject: Subject;
  if (found) {
    await lockPerson(deps.db, actor.organisationId, found.id);
    subject = await withScope(deps, actor.organisationId, found, null);
    if (!can(access, 'manage-roster', { personId: subject.id, teamIds: subject.teamIds })) throw refuse('name', 'out-of-scope', row.name);
    changed = await claimIdentity(deps, actor, found, row);
  } else {
    subject = await addPerson(deps, actor, access, row);
  }
  const steps = [certificateStep(deps, actor, subject, row), feeStep(deps, actor, subject, row), teamStep(deps, actor, subject, row)];
  for (const step of steps) changed = (await mapErrors(step(), row, refuse)) || changed;
  return found ? (changed ? 'updated' : 'unchanged') : 'added';
}

async function findPerson(deps: CoreDeps, organisationId: string, row: RosterRow, refuse: (c: RosterColumn, p: RosterRowProblem, v?: string) => RowRefused): Promise<RosterPerson | null> {
  if (row.slackUserId) {
    const byId = await findPersonByPlatformId(deps.db, organisationId, row.slackUserId);
    if (byId) return byId;
  }
  for (const [column, search] of [['email', row.email], ['name', row.name]] as const) {
    if (!search) continue;
    const matches = column === 'email' ? await findPeopleByEmail(deps.db, organisationId, search) : await findPeopleByName(deps.db, organisationId, search);
    if (matches.length > 1) throw refuse(column, 'ambiguous', search);
    const [match] = matches;
    if (match && !isSomeoneElse(match, row)) return match;
  }
  return null;
}

/**
 * A name or e-mail that belongs to someone with another Slack id is another person; so is a
 * namesake with another e-mail (two people called Ana Ortiz: the second's row changed the first's
 * certificate — final review, finding 10).
 */
function isSomeoneElse(match: RosterPerson, row: RosterRow): boolean {
  const otherSlackId = row.slackUserId !== null && !match.platformUserId.startsWith(PLACEHOLDER) && match.platformUserId !== row.slackUserId;
  const otherEmail = row.email !== null && match.email !== null && match.email.toLowerCase() !== row.email;
  return otherSlackId || otherEmail;
}

/** Fill in what the file knows and the roster did not: the e-mail, the Slack id of a placeholder. */
async function claimIdentity(deps: CoreDeps, actor: Actor, person: RosterPerson, row: RosterRow): Promise<boolean> {
  let changed = false;
  if (row.email && !person.email) {
    await setEmail(deps.db, actor.organisationId, person.id, row.email);
    changed = true;
  }
  if (row.slackUserId && person.platformUserId.startsWith(PLACEHOLDER)) {
    await setPlatformUserId(deps.db, actor.organisationId, person.id, row.slackUserId);
    changed = true;
  }
  return changed;
}

async function addPerson(deps: CoreDeps, actor: Actor, access: Access, row: RosterRow): Promise<Subject> {
  if (!row.slackUserId && !row.email) throw new RowRefused({ line: row.line, column: 'slack user id', value: '', problem: 'required' });
  const platformUserId = row.slackUserId ?? `${PLACEHOLDER}${row.email ?? ''}`;
  const person = await upsertPerson(deps.db, actor.organisationId, { platformUserId, displayName: row.name, timeZone: null, role: 'scribe' }, nowOf(deps));
  if (row.email) await setEmail(deps.db, actor.organisationId, person.id, row.email);
  // A team-limited manager's newcomers go to the row's team, else to the manager's teams: theirs to look after.
  if (access.managedTeams && !row.teams?.length) {
    const teams = (await managedTeams(deps.db, actor.organisationId, access.personId)).map((t) => t.name);
    const subject = await withScope(deps, actor.organisationId, { ...person, email: row.email }, null);
    await applySetting(deps, actor, subject, { field: 'teams', teams });
  }
  return withScope(deps, actor.organisationId, { ...person, email: row.email }, null);
}

type Step = () => Promise<boolean>;

function certificateStep(deps: CoreDeps, actor: Actor, subject: Subject, row: RosterRow): Step {
  return async () => {
    const wanted = row.certificate;
    if (!wanted) return false;
    const current = await findCurrentCredential(deps.db, actor.organisationId, subject.id);
    const rules = current ? await findCredentialRules(deps.db, actor.organisationId, current.typeCode) : null;
    const expiresOn = wanted.expiresOn ?? (rules ? defaultExpiry(rules, wanted.issuedOn) : null);
    if (current && current.number.toLowerCase() === wanted.number.toLowerCase() && current.issuedOn === wanted.issuedOn && current.expiresOn === expiresOn) return false;
    await applySetting(deps, actor, subject, { field: 'certificate', certificate: { number: wanted.number, issuedOn: wanted.issuedOn, ...(wanted.expiresOn ? { expiresOn: wanted.expiresOn } : {}) } });
    return true;
  };
}

/** "Fee paid through" the cycle's last day (or later) means the current certificate's fee is paid. */
function feeStep(deps: CoreDeps, actor: Actor, subject: Subject, row: RosterRow): Step {
  return async () => {
    if (!row.feePaidThrough) return false;
    const credential = await findCurrentCredential(deps.db, actor.organisationId, subject.id);
    if (!credential) throw new RowRefused({ line: row.line, column: 'fee paid through', value: row.feePaidThrough, problem: 'needs-certificate' });
    if (row.feePaidThrough < addDays(credential.expiresOn, -1)) return false;
    if ((await listFeePayments(deps.db, actor.organisationId, credential.id)).length) return false;
    await applySetting(deps, actor, subject, { field: 'fee', fee: { paidOn: credential.issuedOn, reference: 'roster import' } });
    return true;
  };
}

function teamStep(deps: CoreDeps, actor: Actor, subject: Subject, row: RosterRow): Step {
  return async () => {
    if (!row.teams) return false;
    // This person's teams only: reading the organisation's every membership per row made a large file quadratic.
    const current = await teamNamesOf(deps.db, actor.organisationId, subject.id);
    if (sameNames(current, row.teams)) return false;
    await applySetting(deps, actor, subject, { field: 'teams', teams: row.teams });
    return true;
  };
}

/** Which column and problem a use case's refusal is, for the import report. */
const ERROR_COLUMNS: Partial<Record<ErrorCode, readonly [RosterColumn, RosterRowProblem]>> = {
  'credential-number-invalid': ['credential number', 'number-invalid'],
  'credential-older': ['credential number', 'credential-older'],
  'credential-number-taken': ['credential number', 'number-taken'],
  'future-date': ['issued', 'future-date'],
  'date-before-range': ['issued', 'too-old'],
  'invalid-date': ['issued', 'date-invalid'],
  'credential-dates-invalid': ['expires', 'dates-order'],
  'fee-outside-cycle': ['fee paid through', 'fee-outside-cycle'],
  'credential-missing': ['fee paid through', 'needs-certificate'],
  'team-name-invalid': ['team', 'team-invalid'],
  forbidden: ['team', 'out-of-scope'],
};

async function mapErrors(work: Promise<boolean>, row: RosterRow, refuse: (c: RosterColumn, p: RosterRowProblem, v?: string) => RowRefused): Promise<boolean> {
  try {
    return await work;
  } catch (error) {
    const mapped = isRecertError(error) ? ERROR_COLUMNS[error.code] : undefined;
    if (!mapped) throw error;
    const [column, problem] = mapped;
    throw refuse(column, problem, valueOf(row, column));
  }
}

function valueOf(row: RosterRow, column: RosterColumn): string {
  if (column === 'team') return row.teams?.join('; ') ?? '';
  if (column === 'fee paid through') return row.feePaidThrough ?? '';
  if (column === 'expires') return row.certificate?.expiresOn ?? '';
  if (column === 'issued') return row.certificate?.issuedOn ?? '';
  return row.certificate?.number ?? '';
}
