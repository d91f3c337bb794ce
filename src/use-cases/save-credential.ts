import { defaultExpiry } from '../domain/cycle.ts';
import { isIsoDate, type IsoDate } from '../domain/dates.ts';
import type { Actor } from '../domain/people.ts';
import { findCredentialRules } from '../db/repositories/credential-types.ts';
import { findCurrentCredential, insertCredential, updateCredential, type Credential } from '../db/repositories/credentials.ts';
import { RecertError } from '../errors.ts';
import type { Reply } from '../replies.ts';
import type { CoreDeps } from './deps.ts';
import { nowOf, recordChange, todayFor } from './shared.ts';

export interface CredentialInput {
  readonly number: string;
  readonly issuedOn: IsoDate;
  /** Defaults to the issue date plus the credential's cycle (12 months for CMSS). */
  readonly expiresOn?: IsoDate;
  /** Defaults to the current certificate's type, else CMSS. */
  readonly typeCode?: string;
}

const NUMBER = /^[A-Za-z0-9][A-Za-z0-9\-/.]{1,39}$/;

/**
 * Set up or renew the person's certificate. A later issue date starts a new cycle (the old
 * certificate stays as history); the same or an earlier one corrects the current certificate.
 */
export async function saveCredential(deps: CoreDeps, actor: Actor, input: CredentialInput): Promise<Reply> {
  const number = input.number.trim();
  if (!NUMBER.test(number)) throw new RecertError('credential-number-invalid', { number: number.slice(0, 40) });
  const current = (await findCurrentCredential(deps.db, actor.organisationId, actor.personId)) ?? null;
  const typeCode = (input.typeCode ?? current?.typeCode ?? 'CMSS').toUpperCase();
  const rules = await findCredentialRules(deps.db, actor.organisationId, typeCode);
  if (!rules) throw new RecertError('credential-type-unknown', { code: typeCode });
  const expiresOn = input.expiresOn ?? (isIsoDate(input.issuedOn) ? defaultExpiry(rules, input.issuedOn) : '');
  checkDates(input.issuedOn, expiresOn, todayFor(deps, actor));
  const certificate = { number, issuedOn: input.issuedOn, expiresOn };
  const mode = !current ? 'created' : input.issuedOn > current.issuedOn ? 'renewed' : 'corrected';
  const id = await deps.db.transaction().execute(async (trx) => {
    const saved = mode === 'corrected' && current ? await correct(trx, actor, current, certificate) : await insertCredential(trx, actor.organisationId, { personId: actor.personId, typeCode: rules.code, ...certificate }, nowOf(deps));
    await recordChange(trx, deps, actor, {
      action: 'credential.saved',
      entity: 'credential',
      entityId: saved.id,
      before: mode === 'corrected' && current ? { number: current.number, issuedOn: current.issuedOn, expiresOn: current.expiresOn } : null,
      after: { mode, ...certificate },
    });
    return saved.id;
  });
  deps.log.debug('credential saved', { credentialId: id, mode });
  return { kind: 'credential-saved', mode, credentialCode: rules.code, ...certificate, requiredCredit: rules.requiredCredit };
}

function checkDates(issuedOn: string, expiresOn: string, today: IsoDate): void {
  if (!isIsoDate(issuedOn)) throw new RecertError('invalid-date', { text: issuedOn });
  if (!isIsoDate(expiresOn)) throw new RecertError('invalid-date', { text: expiresOn });
  if (issuedOn > today) throw new RecertError('future-date', { date: issuedOn, today });
  if (expiresOn <= issuedOn) throw new RecertError('credential-dates-invalid', { issuedOn, expiresOn });
}

async function correct(trx: CoreDeps['db'], actor: Actor, current: Credential, certificate: { number: string; issuedOn: string; expiresOn: string }) {
  await updateCredential(trx, actor.organisationId, current.id, certificate);
  return current;
}
