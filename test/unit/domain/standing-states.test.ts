import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/dates.ts';
import { lineOn, type ReasonCode, type StandingLine } from '../../../src/domain/standing-line.ts';
import { stateOnDay, statesOf } from '../../../src/domain/standing-states.ts';

/** Lines with and without a certificate, every kind of ledger reason, short and leap-day certificates, and issue = expiry. */
const CERTIFICATES: StandingLine['certificate'][] = [
  null,
  { number: 'A1', issuedOn: '2026-01-15', expiresOn: '2027-01-15' },
  { number: 'A2', issuedOn: '2028-02-29', expiresOn: '2029-02-28' },
  { number: 'A3', issuedOn: '2026-03-01', expiresOn: '2026-03-03' },
  { number: 'A4', issuedOn: '2026-05-05', expiresOn: '2026-05-05' },
];
const CODES: ReasonCode[][] = [[], ['credit-short'], ['fee-unpaid', 'proof-missing'], ['duplicate-course'], ['no-credential', 'credit-short']];

describe('a line’s state on any day is one of its three stored states', () => {
  it('agrees with lineOn on every day from 40 days before the issue day to 40 days after the expiry', () => {
    let checked = 0;
    const wrong: string[] = [];
    for (const certificate of CERTIFICATES) {
      for (const ledgerCodes of CODES) {
        for (const expiringSoonDays of [0, 30]) {
          const line: StandingLine = { certificate, expiringSoonDays, earned: 3, required: 12, feePaid: null, ledgerCodes };
          const states = statesOf(line);
          const from = addDays(certificate?.issuedOn ?? '2026-06-01', -40);
          const to = addDays(certificate?.expiresOn ?? '2026-06-01', 40);
          for (let day = from; day <= to; day = nextDay(day)) {
            if (stateOnDay(states, certificate, day) !== lineOn(line, day).state) wrong.push(`${JSON.stringify(line)} on ${day}`);
            checked += 1;
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  });
});

/** The next ISO day (plain UTC arithmetic: luxon for 20,000 days is slow under load). */
function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
