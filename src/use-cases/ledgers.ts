import { assessLedger, type Ledger } from '../domain/compliance.ts';
import { CMSS_RULES, type CredentialRules } from '../domain/credential-rules.ts';
import type { Training } from '../domain/training.ts';
import type { Db } from '../db/connection.ts';
import { listCredentialRules } from '../db/repositories/credential-types.ts';
import { findCurrentCredentials, type Credential } from '../db/repositories/credentials.ts';
import { paidCredentials } from '../db/repositories/fees.ts';
import { listTrainingsOfPeople } from '../db/repositories/trainings.ts';
import { RecertError } from '../errors.ts';

/** One person's records and what they add up to, whatever the day. */
export interface PersonLedger {
  readonly credential: Credential | null;
  readonly rules: CredentialRules;
  /** Every live entry (all credential types), newest completion first. */
  readonly allTrainings: readonly Training[];
  /** The live entries held under the current certificate's rules. */
  readonly trainings: readonly Training[];
  readonly ledger: Ledger;
}

/** People per query: well inside PostgreSQL's 65,535 parameters, small enough to keep rows streaming. */
const CHUNK = 2_000;

/**
 * The ledgers of many people in a few set-based queries (certificates, rules, entries with proof
 * counts, fee payments), each assessed by the same rules as one person's own status.
 */
export async function ledgersOf(db: Db, organisationId: string, personIds: readonly string[]): Promise<Map<string, PersonLedger>> {
  const rules = await listCredentialRules(db, organisationId);
  const out = new Map<string, PersonLedger>();
  for (let i = 0; i < personIds.length; i += CHUNK) {
    const chunk = personIds.slice(i, i + CHUNK);
    const credentials = await findCurrentCredentials(db, organisationId, chunk);
    const trainings = await listTrainingsOfPeople(db, organisationId, chunk);
    const paid = await paidCredentials(db, organisationId, [...credentials.values()].map((c) => c.id));
    for (const personId of chunk) {
      const credential = credentials.get(personId) ?? null;
      out.set(personId, personLedger(rules, credential, trainings.get(personId) ?? [], credential !== null && paid.has(credential.id)));
    }
  }
  return out;
}

function personLedger(rules: ReadonlyMap<string, CredentialRules>, credential: Credential | null, all: readonly Training[], feePaid: boolean): PersonLedger {
  const held = credential ? rules.get(credential.typeCode) : CMSS_RULES;
  if (!held) throw new RecertError('credential-type-unknown', { code: credential?.typeCode ?? '' });
  const trainings = all.filter((t) => t.credentialCode === held.code);
  return { credential, rules: held, allTrainings: all, trainings, ledger: assessLedger({ rules: held, certificate: credential, trainings, feePaid }) };
}
