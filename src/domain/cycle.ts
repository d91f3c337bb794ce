import type { CredentialRules } from './credential-rules.ts';
import { addMonths, daysBetween, type IsoDate } from './dates.ts';

/** A credential's certificate: the cycle runs from its issue date up to (not including) its expiry date. */
export interface Certificate {
  readonly number: string;
  readonly issuedOn: IsoDate;
  readonly expiresOn: IsoDate;
}

/** The default expiry: the issue date plus the credential's cycle (12 months for CMSS). */
export function defaultExpiry(rules: CredentialRules, issuedOn: IsoDate): IsoDate {
  return addMonths(issuedOn, rules.cycleMonths);
}

/** Whether a completion date belongs to the certificate's cycle. No grace period: expiry day is outside. */
export function inCycle(certificate: Certificate, date: IsoDate): boolean {
  return date >= certificate.issuedOn && date < certificate.expiresOn;
}

export type CertificateValidity =
  | { readonly state: 'valid'; readonly daysLeft: number }
  | { readonly state: 'expiring'; readonly daysLeft: number }
  | { readonly state: 'expired'; readonly daysAgo: number }
  | { readonly state: 'not-yet-valid'; readonly daysUntil: number };

export function certificateValidity(rules: Pick<CredentialRules, 'expiringSoonDays'>, certificate: Certificate, today: IsoDate): CertificateValidity {
  if (today < certificate.issuedOn) return { state: 'not-yet-valid', daysUntil: daysBetween(today, certificate.issuedOn) };
  const daysLeft = daysBetween(today, certificate.expiresOn);
  if (daysLeft <= 0) return { state: 'expired', daysAgo: 0 - daysLeft }; // 0 - x, not -x: no negative zero
  return daysLeft <= rules.expiringSoonDays ? { state: 'expiring', daysLeft } : { state: 'valid', daysLeft };
}
