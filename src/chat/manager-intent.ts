import type { Role } from '../domain/people.ts';
import type { ReportFilters } from '../domain/report.ts';
import type { PaperworkRequest } from '../domain/paperwork.ts';
import type { PersonRef } from '../use-cases/subjects.ts';

/** What a manager's (or admin's) message asks for. The core checks who may, whatever the words. */
export type ManagerIntent =
  /** "who is out of compliance?", `report [expiring 30d] [missing-proof] [unpaid] [team "…"]`. */
  | { readonly kind: 'report'; readonly filters: ReportFilters; readonly page: number; readonly expiringThisMonth?: boolean }
  | { readonly kind: 'status-of'; readonly who: PersonRef }
  | { readonly kind: 'history-of'; readonly who: PersonRef; readonly page: number }
  | { readonly kind: 'role'; readonly who: PersonRef; readonly role: Role; readonly teams: readonly string[] }
  | { readonly kind: 'roles' }
  | { readonly kind: 'team'; readonly team: string; readonly op: 'add' | 'remove'; readonly people: readonly PersonRef[] }
  | { readonly kind: 'teams' }
  /** Renewal paperwork: the asker's own (`who` null), or — for managers and admins — someone's. */
  | { readonly kind: 'export'; readonly request: PaperworkRequest; readonly who: PersonRef | null };
