import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/people.ts';
import { recordFeePayment } from '../../src/use-cases/record-fee.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';
import { getStatus } from '../../src/use-cases/get-status.ts';
import { givenActor } from '../builders/actor.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { expectKind } from './helpers.ts';

const database = useTestDatabase();

describe('certificate and fee', () => {
  let deps: TestDeps;
  let actor: Actor;

  beforeEach(async () => {
    deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    actor = await givenActor(deps);
  });

  it('sets up a certificate that expires 12 months after issue', async () => {
    const saved = expectKind(await saveCredential(deps, actor, { number: 'CMSS-3003', issuedOn: '2026-02-10' }), 'credential-saved');
    expect(saved).toEqual({ kind: 'credential-saved', mode: 'created', credentialCode: 'CMSS', number: 'CMSS-3003', issuedOn: '2026-02-10', expiresOn: '2027-02-10', requiredCredit: 3 });
  });

  it('clamps a leap-day issue date to Feb 28 of the next year', async () => {
    deps.clock.set('2024-03-01T12:00:00Z');
    const saved = expectKind(await saveCredential(deps, actor, { number: 'CMSS-LEAP', issuedOn: '2024-02-29' }), 'credential-saved');
    expect(saved.expiresOn).toBe('2025-02-28');
  });

  it('renews with a later issue date and corrects with the same one', async () => {
    await saveCredential(deps, actor, { number: 'CMSS-1', issuedOn: '2025-11-01' });
    expect(expectKind(await saveCredential(deps, actor, { number: 'CMSS-1B', issuedOn: '2025-11-01' }), 'credential-saved').mode).toBe('corrected');
    expect(expectKind(await saveCredential(deps, actor, { number: 'CMSS-2', issuedOn: '2026-11-01' }), 'credential-saved').mode).toBe('renewed');
    const status = expectKind(await getStatus(deps, actor), 'status').status;
    expect(status.certificate).toEqual({ number: 'CMSS-2', issuedOn: '2026-11-01', expiresOn: '2027-11-01', daysLeft: 339 });
  });

  it.each([
    [{ number: 'x', issuedOn: '2026-01-01' }, 'credential-number-invalid'],
    [{ number: 'CMSS-9', issuedOn: '2026-13-01' }, 'invalid-date'],
    [{ number: 'CMSS-9', issuedOn: '2026-12-01' }, 'future-date'],
    [{ number: 'CMSS-9', issuedOn: '2026-01-01', expiresOn: '2025-12-31' }, 'credential-dates-invalid'],
    [{ number: 'CMSS-9', issuedOn: '2026-01-01', typeCode: 'NOPE' }, 'credential-type-unknown'],
  ])('refuses %j with %s', async (input, code) => {
    await expect(saveCredential(deps, actor, input)).rejects.toMatchObject({ code });
    expect(expectKind(await getStatus(deps, actor), 'status').status.certificate).toBeNull();
  });

  it('records the standard fee for the current cycle', async () => {
    await expect(recordFeePayment(deps, actor)).rejects.toMatchObject({ code: 'credential-missing' });
    await saveCredential(deps, actor, { number: 'CMSS-4', issuedOn: '2026-06-01' });
    expect(expectKind(await recordFeePayment(deps, actor), 'fee-recorded')).toEqual({ kind: 'fee-recorded', amountCents: 8500, currency: 'USD', paidOn: '2026-11-27', credentialNumber: 'CMSS-4' });
    expect(expectKind(await getStatus(deps, actor), 'status').status.fee).toEqual({ required: true, paid: true, amountCents: 8500, currency: 'USD', payment: { amountCents: 8500, paidOn: '2026-11-27' } });
  });

  it.each([
    [{ amountCents: 0 }, 'fee-amount-invalid'],
    [{ amountCents: 10_000_000 }, 'fee-amount-invalid'],
    [{ paidOn: '2026-12-24' }, 'future-date'],
    [{ paidOn: 'soon' }, 'invalid-date'],
  ])('refuses fee %j', async (input, code) => {
    await saveCredential(deps, actor, { number: 'CMSS-5', issuedOn: '2026-06-01' });
    await expect(recordFeePayment(deps, actor, input)).rejects.toMatchObject({ code });
    expect(expectKind(await getStatus(deps, actor), 'status').status.fee.paid).toBe(false);
  });
});
