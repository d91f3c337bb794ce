import type { PersonRef } from '../use-cases/subjects.ts';

/** `cert …` and `fee paid …` as read (the same shapes as those intents; intent.ts imports this file). */
type CertText = { readonly kind: 'cert'; readonly number: string; readonly issued: string; readonly expires: string | null; readonly anyway?: boolean };
type FeeText = { readonly kind: 'fee'; readonly amountText: string | null; readonly dateText: string | null; readonly reference: string | null; readonly anyway?: boolean };

/** What `roster …` asks for. Who may is checked in the use cases. */
export type RosterIntent =
  | { readonly kind: 'roster'; readonly page: number }
  | { readonly kind: 'roster-add'; readonly people: readonly PersonRef[] }
  | { readonly kind: 'roster-remove'; readonly who: PersonRef; readonly restore: boolean }
  | { readonly kind: 'roster-set'; readonly who: PersonRef; readonly setting: RosterSetText }
  /** `roster import [skip-bad] [./people.csv]`: with a path (the terminal), or for the file sent with it. */
  | { readonly kind: 'roster-import'; readonly path: string | null; readonly skipBad: boolean };

/** What `roster set @ana …` sets, as typed (dates are read when it runs, in the person's zone). */
export type RosterSetText =
  | { readonly field: 'certificate'; readonly cert: CertText }
  | { readonly field: 'fee'; readonly fee: FeeText }
  | { readonly field: 'teams'; readonly teams: readonly string[] };

export const ROSTER_KINDS: ReadonlySet<string> = new Set(['roster', 'roster-add', 'roster-remove', 'roster-set', 'roster-import']);
