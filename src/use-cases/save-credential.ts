import { defaultExpiry } from '../domain/cycle.ts';
import type { CredentialRules } from '../domain/credential-rules.ts';
import { addMonths, isIsoDate, localDate, type IsoDate } from '../domain/dates.ts';
import { OLDEST_DATE_YEARS, oldestAcceptedDate } from '../domain/limits.ts';
import type { Actor } from '../domain/people.ts';
import { findCredentialRules } from '../db/repositories/credential-types.ts';
import { findCurrentCredential, findNumberHeldByOther, insertCredential, isNumberSharedMeant, NUMBER_HELD_BY_OTHER, updateCredential, type Credential } from '../db/repositories/credentials.ts';
import { sqlState } from '../db/errors.ts';
import { checkTyped, orRefuse } from '../domain/training-field-rules.ts';
import { RecertError } from '../errors.ts';
import type { Reply } from '../replies.ts';
import type { CoreDeps } from './deps.ts';
import { nowOf, recordChange } from './shared.ts';
import { inTransaction } from '../db/transaction.ts';
import { subjectFor, type About } from './about.ts';
import { onBehalfOf } from './on-behalf.ts';
import type { Subject } from './subjects.ts';

export interface CredentialInput {
  readonly number: string;
  readonly issuedOn: IsoDate;
  /** Defaults to the issue date plus the credential's cycle (12 months for CMSS). */
  readonly expiresOn?: IsoDate;
  /** Defaults to the current certificate's type, else CMSS. */
  readonly typeCode?: string;
  /** The person confirmed a number someone else in the organisation holds ("cert … anyway", or the button). */
  readonly sharedNumberMeant?: boolean;
}

const NUMBER = /^[A-Za-z0-9][A-Za-z0-9\-/.]{1,39}$/;

/**
 * Set up or renew the person's certificate — the asker's own, or (for a manager or admin) the one
 * `about` names. A later issue date starts a new cycle (the old certificate stays as history); the
 * same or an earlier one corrects the current certificate.
 */
export async function saveCredential(deps: CoreDeps, actor: Actor, input: CredentialInput, about?: About): Promise<Reply> {
  return saveCredentialFor(deps, actor, await subjectFor(deps, actor, about, 'change-records'), input);
}

/** saveCredential for a subject the caller has already been allowed to change (the roster import). */
export async function saveCredentialFor(deps: CoreDeps, actor: Actor, subject: Subject, input: CredentialInput): Promise<Reply> {
  const number = orRefuse(checkTyped(input.number.trim(), 'certificate-number'));
  if (!NUMBER.test(number)) throw new RecertError('credential-number-invalid', { number: number.slice(0, 40) });
  const current = (await findCurrentCredential(deps.db, actor.organisationId, subject.id)) ?? null;
  const typeCode = (input.typeCode ?? current?.typeCode ?? 'CMSS').toUpperCase();
  const rules = await findCredentialRules(deps.db, actor.organisationId, typeCode);
  if (!rules) throw new RecertError('credential-type-unknown', { code: typeCode });
  const expiresOn = input.expiresOn ?? (isIsoDate(input.issuedOn) ? defaultExpiry(rules, input.issuedOn) : '');
  checkDates(rules, input.issuedOn, expiresOn, localDate(deps.clock.now(), subject.zone));
  const certificate = { number, issuedOn: input.issuedOn, expiresOn };
  const mode = modeOf(current, certificate);
  const numberSharedMeant = input.sharedNumberMeant === true;
  if (!numberSharedMeant) await refuseSharedNumber(deps, actor, subject, certificate);
  // What a correction replaces, for its undo: the number and whether its sharing was confirmed.
  const replaced = mode === 'corrected' && current ? { number: current.number, issuedOn: current.issuedOn, expiresOn: current.expiresOn, numberSharedMeant: await isNumberSharedMeant(deps.db, actor.organisationId, current.id) } : null;
  // The check above answers most sends; two at once both pass it, and the database's trigger refuses the later one.
  const id = await inTransaction(deps.db, async (trx) => {
    const saved = await numberSaved(certificate, whoseOf(actor, subject), () =>
      mode === 'corrected' && current ? correct(trx, actor, current, { ...certificate, numberSharedMeant }) : insertCredential(trx, actor.organisationId, { personId: subject.id, typeCode: rules.code, ...certificate, numberSharedMeant }, nowOf(deps)),
    );
    await recordChange(trx, deps, actor, {
      action: 'credential.saved',
      entity: 'credential',
      entityId: saved.id,
      before: replaced,
      after: { mode, ...certificate, ...onBehalfOf(actor, subject) },
    });
    return saved.id;
  });
  deps.log.debug('credential saved', { credentialId: id, mode });
  return { kind: 'credential-saved', mode, credentialCode: rules.code, ...certificate, requiredCredit: rules.requiredCredit };
}

/**
 * A later issue date is a renewal. The same issue date, or the same certificate number with another
 * date, corrects the current certificate. An older certificate with another number would silently
 * replace the current one, so it is refused.
 */
function modeOf(current: Credential | null, certificate: { number: string; issuedOn: string }): 'created' | 'renewed' | 'corrected' {
  if (!current) return 'created';
  if (certificate.issuedOn > current.issuedOn) return 'renewed';
  if (certificate.issuedOn === current.issuedOn || certificate.number.toLowerCase() === current.number.toLowerCase()) return 'corrected';
  throw new RecertError('credential-older', { number: current.number, issuedOn: current.issuedOn });
}

/** `save()`, with the database's refusal of a number another person holds (a concurrent send) told as the same question. */
async function numberSaved<T>(certificate: { number: string; issuedOn: string; expiresOn: string }, whose: { personId?: string }, save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (sqlState(error) !== NUMBER_HELD_BY_OTHER) throw error;
    throw numberTaken(certificate, whose);
  }
}

/** Whose certificate the question is about: nothing for the asker's own, else the person's id (the answer's button acts for them). */
function whoseOf(actor: Actor, subject: Subject): { personId?: string } {
  return subject.id === actor.personId ? {} : { personId: subject.id };
}

function numberTaken(certificate: { number: string; issuedOn: string; expiresOn: string }, whose: { personId?: string }): RecertError {
  return new RecertError('credential-number-taken', { number: certificate.number, issuedOn: certificate.issuedOn, ...(certificate.expiresOn ? { expiresOn: certificate.expiresOn } : {}), ...whose });
}

/** A number another person holds is usually a typo or a copied form: asked about before anything is stored. */
async function refuseSharedNumber(deps: CoreDeps, actor: Actor, subject: Subject, certificate: { number: string; issuedOn: string; expiresOn: string }): Promise<void> {
  const other = await findNumberHeldByOther(deps.db, actor.organisationId, subject.id, certificate.number);
  if (other) throw numberTaken(certificate, whoseOf(actor, subject));
}

function checkDates(rules: CredentialRules, issuedOn: string, expiresOn: string, today: IsoDate): void {
  if (!isIsoDate(issuedOn)) throw new RecertError('invalid-date', { text: issuedOn });
  if (!isIsoDate(expiresOn)) throw new RecertError('invalid-date', { text: expiresOn });
  if (issuedOn > today) throw new RecertError('future-date', { date: issuedOn, today, what: 'certificate' });
  if (issuedOn < oldestAcceptedDate(today)) throw new RecertError('date-before-range', { date: issuedOn, years: OLDEST_DATE_YEARS });
  if (expiresOn <= issuedOn) throw new RecertError('credential-dates-invalid', { issuedOn, expiresOn });
  // A certificate runs one cycle; an expiry beyond two is a typo (e.g. 2099).
  if (expiresOn > addMonths(issuedOn, 2 * rules.cycleMonths)) throw new RecertError('credential-dates-invalid', { issuedOn, expiresOn, tooLong: true, months: rules.cycleMonths });
}

async function correct(trx: CoreDeps['db'], actor: Actor, current: Credential, certificate: { number: string; issuedOn: string; expiresOn: string; numberSharedMeant: boolean }) {
  await updateCredential(trx, actor.organisationId, current.id, certificate);
  return current;
}
