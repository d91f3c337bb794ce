import type { CreditBucket, CredentialRules } from './credential-rules.ts';

export type CreditAward =
  | {
      readonly kind: 'awarded';
      readonly minutes: number;
      readonly credit: number;
      readonly indexNumber: string;
      readonly bucket: CreditBucket;
      readonly explanation: string;
    }
  | {
      readonly kind: 'review';
      readonly minutes: number;
      readonly reason: 'zero-length' | 'over-maximum';
      readonly explanation: string;
    };

/**
 * Minutes → credit by the credential's table. Buckets are (lower, upper], so a length equal to an
 * upper bound falls in that bucket (30 min → the first one). Fractions of a minute are dropped
 * first, so a length never earns more than it should.
 */
export function awardCredit(rules: CredentialRules, rawMinutes: number): CreditAward {
  const minutes = Math.max(0, Math.floor(rawMinutes));
  const bucket = rules.creditTable.find((b) => minutes > b.overMinutes && minutes <= b.upToMinutes);
  if (bucket) {
    return {
      kind: 'awarded',
      minutes,
      credit: bucket.credit,
      indexNumber: bucket.indexNumber,
      bucket,
      explanation: `${plural(minutes, 'minute')} is over ${bucket.overMinutes} and up to ${bucket.upToMinutes} → ${formatCredit(bucket.credit)} CE, index ${bucket.indexNumber}`,
    };
  }
  const lowest = rules.creditTable[0]?.overMinutes ?? 0;
  const highest = rules.creditTable.at(-1)?.upToMinutes ?? 0;
  if (minutes <= lowest) {
    return {
      kind: 'review',
      minutes,
      reason: 'zero-length',
      explanation: `${plural(minutes, 'minute')} earns no automatic credit (the ${rules.code} table starts above ${lowest} minutes) → flagged for manual review`,
    };
  }
  return {
    kind: 'review',
    minutes,
    reason: 'over-maximum',
    explanation: `${plural(minutes, 'minute')} is over the ${rules.code} table's ${highest}-minute maximum → no automatic credit, flagged for manual review`,
  };
}

/** Credit values are halves and quarters; sum them in hundredths so 0.1-style units stay exact too. */
export function sumCredit(values: readonly number[]): number {
  return values.reduce((total, v) => total + Math.round(v * 100), 0) / 100;
}

export function formatCredit(credit: number): string {
  return Number.isInteger(credit) ? credit.toFixed(0) : String(Math.round(credit * 100) / 100);
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
