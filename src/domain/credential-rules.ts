import type { ActivityKind } from './activity-kind.ts';

/** One row of a credit table: lengths over `overMinutes` and up to `upToMinutes` (inclusive) earn `credit`. */
export interface CreditBucket {
  readonly overMinutes: number;
  readonly upToMinutes: number;
  /** In the credential's own CE unit (ACMSS calls it CEU/CME hours). */
  readonly credit: number;
  readonly indexNumber: string;
}

export interface CredentialRules {
  /** Stable code stored on credentials, e.g. `CMSS`. */
  readonly code: string;
  readonly name: string;
  readonly issuer: string;
  /** CE credit needed per cycle, in the same unit as the buckets' `credit`. */
  readonly requiredCredit: number;
  readonly cycleMonths: number;
  /** Renewal fee per cycle in the currency's minor unit (cents); null when the credential has none. */
  readonly feeCents: number | null;
  readonly currency: string;
  /** Sorted, non-overlapping buckets. Lengths outside every bucket get no automatic credit. */
  readonly creditTable: readonly CreditBucket[];
  readonly acceptedKinds: readonly ActivityKind[];
  /** Kinds that earn credit only with a registration (ACMSS: National Provider Calls through MLN). */
  readonly registrationRequiredKinds: readonly ActivityKind[];
  /** A certificate expiring within this many days is reported as expiring. */
  readonly expiringSoonDays: number;
  /** Entries shorter than this (minutes) still earn credit but should be confirmed by their certificate. */
  readonly shortActivityMinutes: number;
}

/** ACMSS Certified Medical Scribe Specialist, per acmss.org/learning-modules and the 2017 press release. */
export const CMSS_RULES: CredentialRules = {
  code: 'CMSS',
  name: 'Certified Medical Scribe Specialist',
  issuer: 'ACMSS',
  requiredCredit: 3,
  cycleMonths: 12,
  feeCents: 8500,
  currency: 'USD',
  creditTable: [
    { overMinutes: 0, upToMinutes: 30, credit: 0.5, indexNumber: 'CMS06140727A' },
    { overMinutes: 30, upToMinutes: 60, credit: 1, indexNumber: 'CMS06140728A' },
    { overMinutes: 60, upToMinutes: 90, credit: 1.5, indexNumber: 'CMS06140729A' },
    { overMinutes: 90, upToMinutes: 120, credit: 2, indexNumber: 'CMS06140730A' },
  ],
  acceptedKinds: ['wbt', 'npc', 'webinar', 'event', 'other'],
  registrationRequiredKinds: ['npc'],
  expiringSoonDays: 30,
  shortActivityMinutes: 15,
};

export const BUILT_IN_RULES: readonly CredentialRules[] = [CMSS_RULES];
