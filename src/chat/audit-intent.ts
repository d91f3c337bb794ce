import type { AuditOutcome } from '../domain/audit.ts';

/** An audit command (`audit start 25% …`, `audit status`, `audit remind`, `audit close …`). The core checks who may. */
export type AuditIntent =
  | { readonly kind: 'audit-start'; readonly percent: number; readonly expiringBefore?: string; readonly team?: string; readonly seed?: number }
  | { readonly kind: 'audit-status'; readonly team?: string }
  | { readonly kind: 'audit-remind'; readonly team?: string }
  | { readonly kind: 'audit-close'; readonly outcome?: AuditOutcome; readonly note?: string; readonly team?: string };

export const AUDIT_KINDS: ReadonlySet<string> = new Set(['audit-start', 'audit-status', 'audit-remind', 'audit-close']);
