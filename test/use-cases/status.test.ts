import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/people.ts';
import { attachProof } from '../../src/use-cases/attach-proof.ts';
import { getHistory } from '../../src/use-cases/get-history.ts';
import { getStatus } from '../../src/use-cases/get-status.ts';
import { recordFeePayment } from '../../src/use-cases/record-fee.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';
import { givenActor } from '../builders/actor.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { pdfBytes } from '../builders/files.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { expectKind, logged } from './helpers.ts';

const database = useTestDatabase();

describe('status and history', () => {
  let deps: TestDeps;
  let actor: Actor;

  beforeEach(async () => {
    deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    actor = await givenActor(deps, { timeZone: 'Pacific/Auckland' });
  });

  it('is out of compliance without a certificate', async () => {
    const { status } = expectKind(await getStatus(deps, actor), 'status');
    expect(status).toMatchObject({ state: 'out_of_compliance', earned: 0, required: 3, certificate: null, reasons: [{ code: 'no-credential' }], timeZone: 'Pacific/Auckland', today: '2026-11-28' });
  });

  it('lists every reason with its numbers while at risk, then turns compliant', async () => {
    await saveCredential(deps, actor, { number: 'CMSS-7', issuedOn: '2026-01-05' });
    await logged(deps, actor, 'MLN course "Alpha Billing" 90 min on Nov 1');
    await logged(deps, actor, 'MLN course "alpha billing" 90 min on Nov 2');
    let { status } = expectKind(await getStatus(deps, actor), 'status');
    expect(status.state).toBe('at_risk');
    expect(status.reasons).toEqual([
      { code: 'credit-short', earned: 1.5, required: 3, missing: 1.5 },
      { code: 'fee-unpaid', feeCents: 8500, currency: 'USD' },
      { code: 'proof-missing', entries: [{ seq: 1, title: 'Alpha Billing' }] },
      { code: 'duplicate-course', title: 'Alpha Billing', seqs: [1, 2] },
    ]);
    await attachProof(deps, actor, { fileName: 'a.pdf', bytes: pdfBytes('A'), seq: 1 });
    await logged(deps, actor, 'MLN course "Beta Coding" 1.5 hours on Nov 3');
    await attachProof(deps, actor, { fileName: 'b.pdf', bytes: pdfBytes('B') });
    await recordFeePayment(deps, actor);
    ({ status } = expectKind(await getStatus(deps, actor), 'status'));
    expect(status).toMatchObject({ state: 'compliant', earned: 3, countedEntries: 2, countedMinutes: 180 });
    expect(status.reasons.map((r) => r.code)).toEqual(['duplicate-course']);
    deps.clock.set('2026-12-20T15:00:00Z');
    ({ status } = expectKind(await getStatus(deps, actor), 'status'));
    expect(status.state).toBe('compliant');
    expect(status.reasons[0]).toEqual({ code: 'certificate-expiring', expiresOn: '2027-01-05', daysLeft: 15 }); // Dec 21 in Auckland
  });

  it('is out of compliance the day the certificate expires (no grace period)', async () => {
    deps.clock.set('2026-01-04T12:00:00Z'); // Jan 5 in Auckland
    await saveCredential(deps, actor, { number: 'CMSS-8', issuedOn: '2025-01-05' });
    const { status } = expectKind(await getStatus(deps, actor), 'status');
    expect(status.state).toBe('out_of_compliance');
    expect(status.reasons[0]).toEqual({ code: 'certificate-expired', expiredOn: '2026-01-05', daysAgo: 0 });
  });

  it('pages the history, newest completion first', async () => {
    for (let day = 1; day <= 12; day += 1) await logged(deps, actor, `MLN course "Course ${day}" 30 min on Nov ${day}`);
    const first = expectKind(await getHistory(deps, actor), 'history');
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: 12 });
    expect(first.entries.map((e) => e.seq)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
    const second = expectKind(await getHistory(deps, actor, 5), 'history');
    expect(second.page).toBe(2);
    expect(second.entries.map((e) => e.seq)).toEqual([2, 1]);
  });
});
