import type { AuditIntent } from './audit-intent.ts';
import type { ActivityKind } from '../domain/activity-kind.ts';

import type { ManagerIntent } from './manager-intent.ts';
import type { RemindIntent } from './remind-intent.ts';
import type { RosterIntent } from './roster-intent.ts';

export type HelpTopic = 'all' | 'log' | 'cert' | 'fee' | 'proof' | 'edit' | 'report' | 'manage' | 'remind' | 'export' | 'roster' | 'audit';

export type EditField =
  | { readonly field: 'minutes'; readonly text: string }
  | { readonly field: 'title'; readonly text: string }
  | { readonly field: 'date'; readonly text: string }
  | { readonly field: 'kind'; readonly kind: ActivityKind | null; readonly text: string }
  | { readonly field: 'registered'; readonly registered: boolean };

/** What a chat message asks for, before anything is looked up. Platform-free: every adapter sends text here. */
export type Intent =
  | { readonly kind: 'help'; readonly topic: HelpTopic }
  | { readonly kind: 'status' }
  | { readonly kind: 'history'; readonly page: number }
  | { readonly kind: 'undo' }
  /** `which`: the preview named when several wait ("yes 1", "yes to Course A"). */
  | { readonly kind: 'confirm'; readonly registered?: boolean; readonly which?: string }
  | { readonly kind: 'cancel'; readonly which?: string }
  /** `thanks`: "thanks!" rather than "hi". */
  | { readonly kind: 'greeting'; readonly thanks?: boolean }
  | { readonly kind: 'log'; readonly text: string; readonly explicit: boolean }
  | { readonly kind: 'cert'; readonly number: string; readonly issued: string; readonly expires: string | null; readonly anyway?: boolean }
  | { readonly kind: 'fee'; readonly amountText: string | null; readonly dateText: string | null; readonly reference: string | null; readonly anyway?: boolean }
  | { readonly kind: 'attach-local'; readonly path: string; readonly seq: number | null }
  | { readonly kind: 'edit'; readonly seq: number; readonly change: EditField }
  | { readonly kind: 'delete'; readonly seq: number }
  | { readonly kind: 'unknown'; readonly text: string; readonly reason: 'empty' | 'unrecognised' | 'usage'; readonly topic?: HelpTopic }
  | ManagerIntent
  | RemindIntent
  | RosterIntent
  | AuditIntent;
