/** Where a request came from; recorded on every change. */
export type Source = 'shell' | 'slack' | 'teams' | 'cli' | 'scheduler';

export type Role = 'scribe' | 'manager' | 'admin';

export interface Organisation {
  readonly id: string;
  readonly platform: string;
  readonly externalId: string;
  readonly name: string;
  /** IANA zone used for people whose own zone is unknown. */
  readonly timeZone: string;
}

export interface Person {
  readonly id: string;
  readonly organisationId: string;
  readonly platformUserId: string;
  readonly displayName: string;
  /** The person's IANA zone; null when the platform has not told us (the organisation's applies). */
  readonly timeZone: string | null;
  /** The role granted in Recert (see `effectiveRole`). */
  readonly role: Role;
  readonly greeted: boolean;
  /** An owner or admin of the workspace on the platform (or who installed the app). */
  readonly platformAdmin: boolean;
  /** False once removed from the roster: the records stay, reminders stop. */
  readonly active: boolean;
}

/** Platform admins (workspace owners and admins, whoever installed Recert) are Recert admins. */
export function effectiveRole(person: Pick<Person, 'role' | 'platformAdmin'>): Role {
  return person.platformAdmin ? 'admin' : person.role;
}

/** Who is asking, resolved once per request by the adapter through `identify`. */
export interface Actor {
  readonly organisationId: string;
  readonly personId: string;
  readonly displayName: string;
  /** The effective role when the request arrived; permission checks read it again from the database. */
  readonly role: Role;
  /** Effective IANA zone: the person's, else the organisation's. */
  readonly timeZone: string;
  readonly source: Source;
  /** The platform's id for the inbound request (event id, trigger id), for the audit trail. */
  readonly requestId?: string;
  /**
   * The operator at the command line (`recert export …`, `recert roster import …`): not a person of
   * the organisation (personId is empty), with an admin's rights, audited as such.
   */
  readonly operator?: true;
}
