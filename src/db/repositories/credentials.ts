import type { Certificate } from '../../domain/cycle.ts';
import type { Db } from '../connection.ts';
import type { CredentialRow } from '../schema.ts';
import { scopeOperator, scopeValue, type TenantScope } from './tenant-scope.ts';

export interface Credential extends Certificate {
  readonly id: string;
  readonly personId: string;
  readonly typeCode: string;
}

export interface NewCredential {
  readonly personId: string;
  readonly typeCode: string;
  readonly number: string;
  readonly issuedOn: string;
  readonly expiresOn: string;
  /** The person confirmed a number someone else in the organisation holds (else the database refuses it: RC409). */
  readonly numberSharedMeant?: boolean;
}

/** SQLSTATE the credentials trigger raises for a number another person holds (migration 20261204T131700Z). */
export const NUMBER_HELD_BY_OTHER = 'RC409';

export async function insertCredential(db: Db, organisationId: string, credential: NewCredential, now: Date): Promise<Credential> {
  const row = await db
    .insertInto('credentials')
    .values({
      organisation_id: organisationId,
      person_id: credential.personId,
      type_code: credential.typeCode,
      number: credential.number,
      issued_on: credential.issuedOn,
      expires_on: credential.expiresOn,
      number_shared_meant: credential.numberSharedMeant === true,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCredential(row);
}

/** The person's current certificate: the live one with the latest issue date. */
export async function findCurrentCredential(db: Db, organisationId: string, personId: string): Promise<Credential | undefined> {
  const row = await db
    .selectFrom('credentials')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('person_id', '=', personId)
    .where('deleted_at', 'is', null)
    .orderBy('issued_on', 'desc')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row && toCredential(row);
}

/** A live certificate with this number (any case) held by someone other than `personId`, or undefined. */
export async function findNumberHeldByOther(db: Db, organisationId: string, personId: string, number: string): Promise<Credential | undefined> {
  const row = await db
    .selectFrom('credentials')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('person_id', '<>', personId)
    .where('deleted_at', 'is', null)
    .where((eb) => eb(eb.fn('lower', ['number']), '=', number.toLowerCase()))
    .orderBy('issued_on', 'desc')
    .executeTakeFirst();
  return row && toCredential(row);
}

export async function setCredentialDeleted(db: Db, organisationId: string, id: string, deletedAt: Date | null): Promise<void> {
  await db
    .updateTable('credentials')
    .set({ deleted_at: deletedAt })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

/** Whether the person confirmed sharing this certificate's number ("cert … anyway"): kept with a correction, for its undo. */
export async function isNumberSharedMeant(db: Db, organisationId: string, id: string): Promise<boolean> {
  const row = await db.selectFrom('credentials').select('number_shared_meant').where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
  return row?.number_shared_meant === true;
}

function toCredential(row: CredentialRow): Credential {
  return {
    id: row.id,
    personId: row.person_id,
    typeCode: row.type_code,
    number: row.number,
    issuedOn: row.issued_on,
    expiresOn: row.expires_on,
  };
}

export async function updateCredential(
  db: Db,
  organisationId: string,
  id: string,
  fields: { readonly number: string; readonly issuedOn: string; readonly expiresOn: string; readonly numberSharedMeant?: boolean },
): Promise<void> {
  await db
    .updateTable('credentials')
    .set({ number: fields.number, issued_on: fields.issuedOn, expires_on: fields.expiresOn, number_shared_meant: fields.numberSharedMeant === true })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}


/** A current certificate with what assessing it needs: its type's own rules (if the organisation has some) and whether its fee is paid. */
export interface CredentialTerms {
  readonly credential: Credential;
  /** The organisation's own rules for the certificate's type (unparsed), or null for a built-in type. */
  readonly rules: unknown;
  readonly feePaid: boolean;
}

/**
 * The current certificate of each of `personIds`, with its type's rules and fee, in one query — the
 * request path's status needs exactly this (and its entries) and nothing more. `scope` may name
 * several organisations (the scheduler's people due a nudge); each row's type and fee are then
 * matched in the certificate's own organisation.
 */
export async function findCurrentTerms(db: Db, scope: TenantScope, personIds: readonly string[]): Promise<Map<string, CredentialTerms>> {
  const byPerson = new Map<string, CredentialTerms>();
  if (personIds.length === 0) return byPerson;
  const rows = await db
    .selectFrom('credentials')
    .leftJoin('credential_types', (join) => {
      const onType = join.onRef('credential_types.code', '=', 'credentials.type_code');
      return typeof scope === 'string' ? onType.on('credential_types.organisation_id', '=', scope) : onType.onRef('credential_types.organisation_id', '=', 'credentials.organisation_id');
    })
    .selectAll('credentials')
    .select('credential_types.rules')
    .select((eb) => {
      const fees = eb.selectFrom('fee_payments').select('fee_payments.id').whereRef('fee_payments.credential_id', '=', 'credentials.id');
      const scoped = typeof scope === 'string' ? fees.where('fee_payments.organisation_id', '=', scope) : fees.whereRef('fee_payments.organisation_id', '=', 'credentials.organisation_id');
      return eb.exists(scoped.where('fee_payments.deleted_at', 'is', null)).as('fee_paid');
    })
    .distinctOn('credentials.person_id')
    .where('credentials.organisation_id', scopeOperator(scope), scopeValue(scope))
    .where('credentials.person_id', 'in', [...personIds])
    .where('credentials.deleted_at', 'is', null)
    .orderBy('credentials.person_id')
    .orderBy('credentials.issued_on', 'desc')
    .orderBy('credentials.created_at', 'desc')
    .execute();
  for (const row of rows) byPerson.set(row.person_id, { credential: toCredential(row), rules: row.rules, feePaid: row.fee_paid === true });
  return byPerson;
}
