import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { present } from '../../../adapters/common/present.ts';
import { reminderCard } from '../../../adapters/teams/outbound/card.ts';
import { toAdaptiveCard } from '../../../adapters/teams/render/adaptive-card.ts';
import { logFormCard } from '../../../adapters/teams/render/log-form-card.ts';
import { noteCard } from '../../../adapters/teams/render/note-card.ts';
import { withTeamsActions } from '../../../adapters/teams/render/teams-actions.ts';
import { TEAMS_WORDING } from '../../../adapters/teams/runtime.ts';
import { checkTrainingForm } from '../../../src/index.ts';
import { EVERY_REMINDER } from '../../builders/reminders.ts';
import { ONE_OF_EACH } from '../../builders/replies.ts';

/** The part of Microsoft's Adaptive Cards library (3.x, the renderer Teams' clients build on) used here. */
interface ParseEvent {
  readonly event: number;
  readonly message: string;
}
interface AdaptiveCardsLib {
  readonly Versions: { readonly v1_5: unknown };
  readonly SerializationContext: new (version: unknown) => { readonly eventCount: number; getEventAt(i: number): ParseEvent };
  readonly AdaptiveCard: new () => { parse(json: unknown, context: unknown): void; validateProperties(): { readonly validationEvents: readonly ParseEvent[] } };
}
// The UMD bundle: the package's ESM build imports files without extensions, which Node does not resolve.
const AC = createRequire(import.meta.url)('adaptivecards3/dist/adaptivecards.js') as AdaptiveCardsLib;

/** What the library says of a card read as version 1.5: unknown elements, invalid values, missing required properties. */
function problemsOf(card: unknown): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  return [...events, ...parsed.validateProperties().validationEvents.map((e) => e.message)];
}

let n = 0;
const context = { tenantId: 'tenant-a', newNonce: () => `n${(n += 1)}` };

/**
 * Every card the Teams adapter sends, parsed and validated by Microsoft's own Adaptive Cards
 * library against schema 1.5 (what Teams renders; Action.Execute needs 1.4+). The hand-written
 * checks in adaptive-card.test.ts stay: they pin our choices (TextRuns, escaping, the bar).
 */
describe('Teams cards against the Adaptive Card 1.5 schema (adaptivecards 3.x)', () => {
  it('finds problems when there are some (so an empty list below means something)', () => {
    expect(problemsOf({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Foo' }, { type: 'TextBlock', text: 'x', color: 'Purple' }] })).toHaveLength(2);
  });

  it.each(Object.values(ONE_OF_EACH).map((r) => [r.kind, r] as const))('reply %s', (_kind, reply) => {
    expect(problemsOf(toAdaptiveCard(withTeamsActions(reply, present(reply, TEAMS_WORDING)), context))).toEqual([]);
  });

  it.each(EVERY_REMINDER.map(([name, message]) => [name, message] as const))('reminder %s', (_name, message) => {
    expect(problemsOf(reminderCard(message, { ...context, chartPng: null }))).toEqual([]);
  });

  it('the "Log a training" form, empty and shown again with problems; a note card', () => {
    expect(problemsOf(logFormCard({ today: '2026-12-03' }, context))).toEqual([]);
    const typed = { title: '', completedOn: '2026-12-09', minutes: 'x', kind: '' };
    const problems = checkTrainingForm(typed, '2026-12-03');
    expect(problems.length).toBeGreaterThan(0);
    const again = logFormCard({ today: '2026-12-03', values: typed, problems }, context);
    expect(problemsOf(again)).toEqual([]);
    expect(problemsOf(noteCard('Declined: nothing was saved.', 'Warning'))).toEqual([]);
  });
});
