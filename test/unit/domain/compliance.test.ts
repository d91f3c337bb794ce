import { describe, expect, it } from 'vitest';
import { assessCompliance, type ComplianceInput } from '../../../src/domain/compliance.ts';
import { CMSS_RULES, type CredentialRules } from '../../../src/domain/credential-rules.ts';
import type { Training } from '../../../src/domain/training.ts';
import { aCertificate, aTraining } from '../../builders/training.ts';

/** Cycle 2026-01-15 up to 2027-01-15; today well inside it; fee paid; no entries. Tests override what they are about. */
function input(overrides: Partial<ComplianceInput> = {}): ComplianceInput {
  return { rules: CMSS_RULES, certificate: aCertificate(), trainings: [], feePaid: true, today: '2026-11-27', ...overrides };
}

const seqs = (trainings: readonly Training[]): number[] => trainings.map((t) => t.seq);
const codes = (status: ReturnType<typeof assessCompliance>): string[] => status.reasons.map((r) => r.code);

/** Three hours' worth: 1 + 1 + 1 CE, each 60 minutes, with proof. */
const THREE_HOURS = [
  aTraining(1, { title: 'Hospice Benefit', minutes: 60, completedOn: '2026-02-01' }),
  aTraining(2, { title: 'Evaluation and Management Services', minutes: 60, completedOn: '2026-03-01' }),
  aTraining(3, { title: 'Medicare Billing: 837P and Form CMS-1500', minutes: 60, completedOn: '2026-04-01' }),
];

describe('assessCompliance: compliant', () => {
  it('is compliant with exactly 3.0 CE, the fee paid and proof for every entry', () => {
    const status = assessCompliance(input({ trainings: THREE_HOURS }));
    expect(status.state).toBe('compliant');
    expect(status.reasons).toEqual([]);
    expect(status.earnedCredit).toBe(3);
    expect(status.requiredCredit).toBe(3);
    expect(status.countedMinutes).toBe(180);
    expect(seqs(status.counted)).toEqual([1, 2, 3]);
    expect(status.excluded).toEqual([]);
    expect(status.feePaid).toBe(true);
    expect(status.rules).toBe(CMSS_RULES);
    expect(status.certificate).toEqual(aCertificate());
  });

  it('counts awarded units, not real minutes (B5): 0.5 + 1 + 1.5 = 3.0 from 140 minutes', () => {
    const status = assessCompliance(
      input({
        trainings: [
          aTraining(1, { minutes: 20, completedOn: '2026-02-01' }),
          aTraining(2, { minutes: 45, completedOn: '2026-02-02' }),
          aTraining(3, { minutes: 75, completedOn: '2026-02-03' }),
        ],
      }),
    );
    expect(status.state).toBe('compliant');
    expect(status.earnedCredit).toBe(3);
    expect(status.countedMinutes).toBe(140);
  });

  it('reaches 3.0 exactly from six half credits', () => {
    const halves = [1, 2, 3, 4, 5, 6].map((seq) => aTraining(seq, { minutes: 25, completedOn: `2026-02-0${seq}` }));
    const status = assessCompliance(input({ trainings: halves }));
    expect(status.earnedCredit).toBe(3);
    expect(status.state).toBe('compliant');
  });

  it('stays compliant while the certificate is expiring, with the warning first', () => {
    const status = assessCompliance(input({ trainings: THREE_HOURS, today: '2026-12-20' }));
    expect(status.state).toBe('compliant');
    expect(status.reasons).toEqual([{ code: 'certificate-expiring', expiresOn: '2027-01-15', daysLeft: 26 }]);
  });

  it('does not depend on the order of the entries', () => {
    const shuffled = [THREE_HOURS[2], THREE_HOURS[0], THREE_HOURS[1]].filter((t) => t !== undefined);
    const status = assessCompliance(input({ trainings: shuffled }));
    expect(seqs(status.counted)).toEqual([1, 2, 3]);
    expect(status.state).toBe('compliant');
  });
});

describe('assessCompliance: at risk', () => {
  it.each([
    [[], 0, 3],
    [[60], 1, 2],
    [[60, 60], 2, 1],
    [[60, 60, 25], 2.5, 0.5],
    [[120, 45], 3, null],
  ])('entries of %j minutes → earned %s, missing %s', (lengths, earned, missing) => {
    const trainings = lengths.map((minutes, i) => aTraining(i + 1, { minutes, completedOn: '2026-05-01' }));
    const status = assessCompliance(input({ trainings }));
    expect(status.earnedCredit).toBe(earned);
    if (missing === null) {
      expect(status.reasons).toEqual([]);
      expect(status.state).toBe('compliant');
    } else {
      expect(status.reasons).toEqual([{ code: 'credit-short', earned, required: 3, missing }]);
      expect(status.state).toBe('at_risk');
    }
  });

  it('reports the unpaid fee with its amount', () => {
    const status = assessCompliance(input({ trainings: THREE_HOURS, feePaid: false }));
    expect(status.state).toBe('at_risk');
    expect(status.reasons).toEqual([{ code: 'fee-unpaid', feeCents: 8500, currency: 'USD' }]);
  });

  it('lists every counted entry without proof', () => {
    const trainings = [
      aTraining(1, { title: 'Hospice Benefit', completedOn: '2026-02-01', proofCount: 0 }),
      aTraining(2, { title: 'E/M Services', completedOn: '2026-03-01', proofCount: 2 }),
      aTraining(3, { title: 'Telehealth Billing', completedOn: '2026-04-01', proofCount: 0 }),
    ];
    const status = assessCompliance(input({ trainings }));
    expect(status.state).toBe('at_risk');
    expect(status.reasons).toEqual([
      {
        code: 'proof-missing',
        entries: [
          { seq: 1, title: 'Hospice Benefit' },
          { seq: 3, title: 'Telehealth Billing' },
        ],
      },
    ]);
  });

  it('does not ask for proof of entries that do not count', () => {
    const status = assessCompliance(
      input({
        trainings: [
          ...THREE_HOURS,
          aTraining(4, { title: 'Old course', completedOn: '2025-12-01', proofCount: 0 }),
          aTraining(5, { title: 'Hospice Benefit (60 minutes)', completedOn: '2026-06-01', proofCount: 0 }),
        ],
      }),
    );
    expect(codes(status)).toEqual(['duplicate-course']);
    expect(status.state).toBe('compliant');
  });
});

describe('assessCompliance: out of compliance', () => {
  it('has only the no-credential reason when there is no certificate, counting entries provisionally', () => {
    const status = assessCompliance(input({ certificate: null, trainings: THREE_HOURS, feePaid: false }));
    expect(status.state).toBe('out_of_compliance');
    expect(status.reasons).toEqual([{ code: 'no-credential' }]);
    expect(status.earnedCredit).toBe(3);
    expect(status.counted.map((t) => t.seq)).toEqual([1, 2, 3]);
    expect(status.excluded).toEqual([]);
  });

  it.each([
    ['2027-01-15', 0],
    ['2027-01-16', 1],
    ['2027-03-01', 45],
  ])('is expired on %s (%s days ago), even with everything else done: no grace', (today, daysAgo) => {
    const status = assessCompliance(input({ trainings: THREE_HOURS, today }));
    expect(status.state).toBe('out_of_compliance');
    expect(status.reasons).toEqual([{ code: 'certificate-expired', expiredOn: '2027-01-15', daysAgo }]);
    expect(status.earnedCredit).toBe(3);
  });

  it('is not yet valid before the issue date', () => {
    const status = assessCompliance(input({ today: '2026-01-10' }));
    expect(status.state).toBe('out_of_compliance');
    expect(status.reasons).toEqual([
      { code: 'certificate-not-yet-valid', issuedOn: '2026-01-15', daysUntil: 5 },
      { code: 'credit-short', earned: 0, required: 3, missing: 3 },
    ]);
  });

  it('puts the lapse first and still lists what else is missing', () => {
    const status = assessCompliance(input({ trainings: [aTraining(1, { minutes: 60, proofCount: 0 })], feePaid: false, today: '2027-01-20' }));
    expect(status.state).toBe('out_of_compliance');
    expect(status.reasons).toEqual([
      { code: 'certificate-expired', expiredOn: '2027-01-15', daysAgo: 5 },
      { code: 'credit-short', earned: 1, required: 3, missing: 2 },
      { code: 'fee-unpaid', feeCents: 8500, currency: 'USD' },
      { code: 'proof-missing', entries: [{ seq: 1, title: 'Course 1' }] },
    ]);
  });
});

describe('assessCompliance: which entries count', () => {
  it('counts only entries from the issue day up to the day before expiry (B16)', () => {
    const trainings = [
      aTraining(1, { completedOn: '2026-01-14', minutes: 60 }),
      aTraining(2, { completedOn: '2026-01-15', minutes: 60 }),
      aTraining(3, { completedOn: '2027-01-14', minutes: 60 }),
      aTraining(4, { completedOn: '2027-01-15', minutes: 60 }),
      aTraining(5, { completedOn: '2025-06-01', minutes: 120 }),
    ];
    const status = assessCompliance(input({ trainings }));
    expect(seqs(status.counted)).toEqual([2, 3]);
    expect(status.excluded.map((e) => [e.training.seq, e.why])).toEqual([
      [5, 'outside-cycle'],
      [1, 'outside-cycle'],
      [4, 'outside-cycle'],
    ]);
    expect(status.earnedCredit).toBe(2);
    expect(status.countedMinutes).toBe(120);
    expect(status.reasons).toEqual([{ code: 'credit-short', earned: 2, required: 3, missing: 1 }]);
  });

  it('counts the same course once per cycle and lists every logging of it, earliest first (B17)', () => {
    const trainings = [
      aTraining(7, { title: 'HOSPICE BENEFIT', minutes: 60, completedOn: '2026-09-01' }),
      aTraining(4, { title: 'Hospice Benefit (60 minutes)', minutes: 60, completedOn: '2026-03-01' }),
      aTraining(2, { title: 'The Hospice Benefit course', minutes: 60, completedOn: '2026-03-01' }),
      aTraining(3, { title: 'Hospice benefit', minutes: 60, completedOn: '2025-12-01' }), // previous cycle
      aTraining(9, { title: 'Telehealth Billing', minutes: 120, completedOn: '2026-10-01' }),
    ];
    const status = assessCompliance(input({ trainings }));
    expect(seqs(status.counted)).toEqual([2, 9]);
    expect(status.earnedCredit).toBe(3);
    expect(status.excluded.map((e) => [e.training.seq, e.why])).toEqual([
      [3, 'outside-cycle'],
      [4, 'duplicate'],
      [7, 'duplicate'],
    ]);
    expect(status.state).toBe('compliant');
    expect(status.reasons).toEqual([{ code: 'duplicate-course', title: 'The Hospice Benefit course', seqs: [2, 4, 7] }]);
  });

  it('treats the same MLN product number as the same course whatever the title says', () => {
    const trainings = [
      aTraining(1, { title: 'Medicare Parts C and D General Compliance Training (MLN006976)', minutes: 30, completedOn: '2026-02-01' }),
      aTraining(2, { title: 'Parts C & D compliance, ICN MLN006976', minutes: 30, completedOn: '2026-08-01' }),
    ];
    const status = assessCompliance(input({ trainings }));
    expect(status.earnedCredit).toBe(0.5);
    expect(status.reasons).toContainEqual({ code: 'duplicate-course', title: 'Medicare Parts C and D General Compliance Training (MLN006976)', seqs: [1, 2] });
  });

  it('reports one duplicate reason per course', () => {
    const trainings = [
      aTraining(1, { title: 'A course', completedOn: '2026-02-01' }),
      aTraining(2, { title: 'B course', completedOn: '2026-02-02' }),
      aTraining(3, { title: 'B Course', completedOn: '2026-02-03' }),
      aTraining(4, { title: 'A Course', completedOn: '2026-02-04' }),
    ];
    const status = assessCompliance(input({ trainings }));
    expect(status.reasons.filter((r) => r.code === 'duplicate-course')).toEqual([
      { code: 'duplicate-course', title: 'A course', seqs: [1, 4] },
      { code: 'duplicate-course', title: 'B course', seqs: [2, 3] },
    ]);
  });

  it.each([
    [0, 'zero-length'],
    [150, 'over-maximum'],
  ])('sets aside a %s-minute entry for review (%s) and earns nothing for it', (minutes, reviewReason) => {
    const review = aTraining(4, { title: 'Long event', minutes, completedOn: '2026-05-01' });
    expect(review.reviewReason).toBe(reviewReason);
    const status = assessCompliance(input({ trainings: [...THREE_HOURS, review] }));
    expect(status.earnedCredit).toBe(3);
    expect(status.countedMinutes).toBe(180);
    expect(status.excluded).toEqual([{ training: review, why: 'needs-review' }]);
    expect(status.reasons).toEqual([{ code: 'needs-review', entries: [{ seq: 4, title: 'Long event' }] }]);
    expect(status.state).toBe('compliant');
  });

  it('counts a National Provider Call only when registered (B18); registered false and unknown both lack it', () => {
    const trainings = [
      aTraining(1, { title: 'NPC: Hospice', kind: 'npc', registered: true, minutes: 60, completedOn: '2026-02-01' }),
      aTraining(2, { title: 'NPC: Telehealth', kind: 'npc', registered: false, minutes: 60, completedOn: '2026-02-02' }),
      aTraining(3, { title: 'NPC: Value-Based Purchasing', kind: 'npc', registered: null, minutes: 90, completedOn: '2026-02-03' }),
      aTraining(4, { title: 'Webinar: E/M', kind: 'webinar', registered: null, minutes: 60, completedOn: '2026-02-04' }),
      aTraining(5, { title: 'WBT: CMS-1500', kind: 'wbt', registered: false, minutes: 60, completedOn: '2026-02-05' }),
    ];
    const status = assessCompliance(input({ trainings }));
    expect(seqs(status.counted)).toEqual([1, 4, 5]);
    expect(status.earnedCredit).toBe(3);
    expect(status.excluded.map((e) => [e.training.seq, e.why])).toEqual([
      [2, 'registration-missing'],
      [3, 'registration-missing'],
    ]);
    expect(status.reasons).toEqual([
      {
        code: 'registration-missing',
        entries: [
          { seq: 2, title: 'NPC: Telehealth' },
          { seq: 3, title: 'NPC: Value-Based Purchasing' },
        ],
      },
    ]);
    expect(status.state).toBe('compliant');
  });

  it('counts a course at its first creditable entry: an earlier entry awaiting review does not use it up', () => {
    const status = assessCompliance({
      rules: CMSS_RULES,
      certificate: aCertificate(),
      trainings: [aTraining(1, { title: 'Same Course', minutes: 150, completedOn: '2026-03-01' }), aTraining(2, { title: 'Same Course', minutes: 90, completedOn: '2026-03-02' })],
      feePaid: true,
      today: '2026-06-01',
    });
    expect(status.earnedCredit).toBe(1.5);
    expect(status.counted.map((t) => t.seq)).toEqual([2]);
    expect(status.excluded.map((e) => [e.training.seq, e.why])).toEqual([[1, 'needs-review']]);
    expect(status.reasons).toContainEqual({ code: 'duplicate-course', title: 'Same Course', seqs: [1, 2] });
  });
});

describe('assessCompliance: a leap-day certificate (issued 2024-02-29, expires 2025-02-28)', () => {
  const leap = aCertificate({ issuedOn: '2024-02-29', expiresOn: '2025-02-28' });
  const trainings = [
    aTraining(1, { minutes: 120, completedOn: '2024-02-29' }),
    aTraining(2, { minutes: 60, completedOn: '2025-02-27' }),
    aTraining(3, { minutes: 60, completedOn: '2025-02-28' }),
  ];

  it('counts the issue day and the day before expiry, not the expiry day', () => {
    const status = assessCompliance(input({ certificate: leap, trainings, today: '2025-02-27' }));
    expect(seqs(status.counted)).toEqual([1, 2]);
    expect(status.earnedCredit).toBe(3);
    expect(status.state).toBe('compliant');
    expect(status.reasons).toEqual([{ code: 'certificate-expiring', expiresOn: '2025-02-28', daysLeft: 1 }]);
  });

  it('is expired on 2025-02-28', () => {
    const status = assessCompliance(input({ certificate: leap, trainings, today: '2025-02-28' }));
    expect(status.state).toBe('out_of_compliance');
    expect(status.reasons).toEqual([{ code: 'certificate-expired', expiredOn: '2025-02-28', daysAgo: 0 }]);
  });
});

describe('assessCompliance: reasons in the order to act on them', () => {
  it('certificate, credit, fee, proof, duplicates, review, registration', () => {
    const trainings = [
      aTraining(1, { title: 'Hospice Benefit', minutes: 60, completedOn: '2026-02-01', proofCount: 0 }),
      aTraining(2, { title: 'Hospice Benefit', minutes: 60, completedOn: '2026-02-02' }),
      aTraining(3, { title: 'Three-hour workshop', kind: 'event', minutes: 180, completedOn: '2026-02-03' }),
      aTraining(4, { title: 'NPC: Telehealth', kind: 'npc', registered: false, minutes: 60, completedOn: '2026-02-04' }),
    ];
    const status = assessCompliance(input({ trainings, feePaid: false, today: '2027-01-01' }));
    expect(status.state).toBe('at_risk');
    expect(status.reasons).toEqual([
      { code: 'certificate-expiring', expiresOn: '2027-01-15', daysLeft: 14 },
      { code: 'credit-short', earned: 1, required: 3, missing: 2 },
      { code: 'fee-unpaid', feeCents: 8500, currency: 'USD' },
      { code: 'proof-missing', entries: [{ seq: 1, title: 'Hospice Benefit' }] },
      { code: 'duplicate-course', title: 'Hospice Benefit', seqs: [1, 2] },
      { code: 'needs-review', entries: [{ seq: 3, title: 'Three-hour workshop' }] },
      { code: 'registration-missing', entries: [{ seq: 4, title: 'NPC: Telehealth' }] },
    ]);
  });
});

describe('assessCompliance: another credential’s rules', () => {
  const RULES: CredentialRules = {
    ...CMSS_RULES,
    code: 'TWO',
    requiredCredit: 2,
    cycleMonths: 24,
    feeCents: null,
    registrationRequiredKinds: [],
    expiringSoonDays: 90,
  };
  const cert = aCertificate({ issuedOn: '2026-01-15', expiresOn: '2028-01-15' });

  it('needs 2.0, asks no fee, requires no registration and warns 90 days ahead', () => {
    const trainings = [
      aTraining(1, { rules: RULES, kind: 'npc', registered: null, minutes: 60, completedOn: '2027-06-01' }),
      aTraining(2, { rules: RULES, minutes: 45, completedOn: '2027-09-01' }),
    ];
    const status = assessCompliance(input({ rules: RULES, certificate: cert, trainings, feePaid: false, today: '2027-11-01' }));
    expect(status.requiredCredit).toBe(2);
    expect(status.earnedCredit).toBe(2);
    expect(status.state).toBe('compliant');
    expect(status.reasons).toEqual([{ code: 'certificate-expiring', expiresOn: '2028-01-15', daysLeft: 75 }]);
  });

  it('reports the shortfall against its own requirement', () => {
    const trainings = [aTraining(1, { rules: RULES, minutes: 25, completedOn: '2027-06-01' })];
    const status = assessCompliance(input({ rules: RULES, certificate: cert, trainings, today: '2026-06-01' }));
    expect(status.reasons).toEqual([{ code: 'credit-short', earned: 0.5, required: 2, missing: 1.5 }]);
  });
});
