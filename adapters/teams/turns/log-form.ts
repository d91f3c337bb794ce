import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { asReply, checkTrainingForm, localDate, previewTrainingForm, type TrainingForm } from '../../../src/index.ts';
import type { TeamsPerson } from '../activity.ts';
import type { AdaptiveCard } from '../render/adaptive-card.ts';
import { logFormCard } from '../render/log-form-card.ts';
import { actorFor, cardOf, failureReply, firstSeen, inOneTransaction, mergedCard, pressKey, type TeamsRuntime } from '../runtime.ts';

/** Typed `log` alone (or `log a training`): the form card instead of a usage hint. */
export function asksForForm(text: string): boolean {
  return /^\s*(log|log a training|new training)\s*[.!]?\s*$/i.test(text);
}

/** An empty form, for today in the person's zone (the client's `localTimezone`; UTC when it sent none). */
export function emptyLogForm(rt: TeamsRuntime, person: TeamsPerson): AdaptiveCard {
  const today = localDate(rt.core.clock.now(), person.timeZone ?? 'UTC');
  return logFormCard({ today }, { tenantId: person.tenantId, newNonce: rt.newNonce });
}

// Action.Execute puts the inputs beside the card's data; a cleared Input.Number arrives as "" (or not at all).
const text = (max: number) => z.union([z.string(), z.number()]).transform(String).pipe(z.string().max(max)).catch('');
const formSchema = z.object({ title: text(2000), completedOn: text(40), minutes: text(40), kind: text(40) });

/**
 * The form card submitted: its fields checked with the same rules as Slack's modal and chat; a bad
 * field shows the card again with what was typed and the message under the field (nothing stored);
 * a good one opens a draft and answers with its preview card, as a typed training does. A resend
 * (same activity id or nonce) keeps the card.
 */
export async function onLogFormSubmit(rt: TeamsRuntime, ctx: TurnContext, person: TeamsPerson, nonce: string, raw: unknown): Promise<AdaptiveCard | null> {
  const activity = ctx.activity;
  const form: TrainingForm = formSchema.parse(typeof raw === 'object' && raw !== null ? raw : {});
  return inOneTransaction(rt, async (deps): Promise<AdaptiveCard | null> => {
    if (!(await firstSeen(rt, deps, 'teams-activity', activity.id))) return null;
    if (!(await firstSeen(rt, deps, 'teams-card-nonce', pressKey(person, nonce)))) return null;
    const { actor } = await actorFor(deps, person, activity.id);
    const today = localDate(deps.clock.now(), actor.timeZone);
    const problems = checkTrainingForm(form, today);
    if (problems.length) return logFormCard({ today, values: form, problems }, { tenantId: person.tenantId, newNonce: rt.newNonce });
    const reply = await asReply(() => previewTrainingForm(deps, actor, form, { anchor: `teams:${activity.conversation.id}` }));
    return cardOf(rt, reply, person.tenantId);
  }).catch((error: unknown) => mergedCard(rt, [failureReply(rt, 'log form', error)], person.tenantId));
}
