import type { Role } from './people.ts';

/**
 * What a use case asks permission for. Everyone may see and change their own records; the rest is
 * for managers (within their teams, when they are limited to some) and admins.
 */
export type Permission =
  /** A person's status, history and entries. */
  | 'see-records'
  /** Changes to a person's records on their behalf: certificate, fee, entries. */
  | 'change-records'
  /** Someone's transcript and evidence pack. */
  | 'export-paperwork'
  /** The organisation's (or a team's) compliance report and roster. */
  | 'see-report'
  | 'manage-roster'
  | 'run-audits'
  | 'configure-reminders'
  | 'manage-teams'
  | 'manage-roles';

/** Who is asking, with the role and scope read fresh for this request (never cached). */
export interface Access {
  readonly personId: string;
  /** Effective role: a platform admin (workspace owner, installer) is an admin whatever was granted. */
  readonly role: Role;
  /** The teams a manager is limited to; null for the whole organisation. */
  readonly managedTeams: readonly string[] | null;
}

/** The person a request is about: who they are and which teams they are in. */
export interface SubjectScope {
  readonly personId: string;
  readonly teamIds: readonly string[];
}

const OWN_RECORDS: ReadonlySet<Permission> = new Set(['see-records', 'change-records', 'export-paperwork']);

export function can(access: Access, permission: Permission, subject?: SubjectScope): boolean {
  if (subject?.personId === access.personId && OWN_RECORDS.has(permission)) return true;
  if (access.role === 'admin') return true;
  if (access.role !== 'manager') return false;
  if (permission === 'manage-roles') return false;
  // Teams are the organisation's structure: only a manager of the whole organisation changes them.
  if (permission === 'manage-teams') return access.managedTeams === null;
  return subject === undefined || inScope(access, subject);
}

/** Whether `subject` is someone this person may see: themselves, and (for managers) their teams' members. */
export function inScope(access: Access, subject: SubjectScope): boolean {
  return subject.personId === access.personId || manages(access, subject);
}

/**
 * Whether `subject` is in the part of the organisation this person answers for: everyone for admins
 * and unlimited managers, their teams' members for a team manager (themselves only if a member).
 */
export function manages(access: Access, subject: SubjectScope): boolean {
  if (access.role === 'admin') return true;
  if (access.role !== 'manager') return false;
  return access.managedTeams === null || subject.teamIds.some((team) => access.managedTeams?.includes(team));
}
