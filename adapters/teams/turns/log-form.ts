import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { asReply, checkTrainingForm, draftFields, isRecertError, isValidZone, knownTimeZone, localDate, previewTrainingForm, submitDraftForm, type Reply, type TrainingForm } from '../../../src/index.ts';
import type { TeamsPerson } from '../activity.ts';
import type { AdaptiveCard } from '../render/adaptive-card.ts';
import { logFormCard } from '../render/log-form-card.ts';
import { noteCard } from '../render/note-card.ts';
import { actorFor, cardOf, failureReply, firstSeen, inOneTransaction, mergedCard, pressKey, type TeamsRuntime } from '../runtime.ts';

/** Typed `log` alone (or `log a training`): the form card instead of a usage hint. */
export function asksForForm(text: string): boolean {
  return /^\s*(log|log a training|new training)\s*[.!]?\s*$/i.test(text);
}

/** An empty form, for today in the person's zone (the client's, else the one stored for them; UTC for someone new without one). */
export async function emptyLogForm(rt: TeamsRuntime, person: TeamsPerson): Promise<AdaptiveCard> {
  return logFormCard({ today: await todayOf(rt, person) }, { tenantId: person.tenantId, newNonce: rt.newNonce });
}

async function todayOf(rt: TeamsRuntime, person: TeamsPerson): Promise<string> {
  const sent = person.timeZone && isValidZone(person.timeZone) ? person.timeZone : null;
  const zone = sent ?? (await knownTimeZone(rt.core, { platform: 'teams', organisationExternalId: person.tenantId, userExternalId: person.aadObjectId })) ?? 'UTC';
  return localDate(rt.core.clock.now(), zone);
}

/**
 * Edit on a preview: the form filled with what the draft holds so far (the core's draftFields, read
 * only, as Slack's Edit modal). A draft already logged, dropped, or not the person's answers why.
 */
export async function editLogForm(rt: TeamsRuntime, person: TeamsPerson, draftId: string): Promise<AdaptiveCard> {
  const refused = (reply: Reply) => mergedCard(rt, [reply], person.tenantId);
  try {
    const fields = await draftFields(rt.core, { platform: 'teams', organisationExternalId: person.tenantId, userExternalId: person.aadObjectId }, draftId);
    if (fields.status !== 'open') return refused({ kind: 'error', code: fields.status === 'confirmed' ? 'draft-already-logged' : 'draft-not-found', details: { status: fields.status } });
    const { title, completedOn, minutes, kind, registered } = fields;
    // A call's unanswered registration question is prefilled as "registered", as Confirm would read it.
    const values: Partial<TrainingForm> = { title: title ?? '', completedOn, minutes: minutes === null ? '' : String(minutes), kind, registered: registered ?? kind === 'npc' };
    return logFormCard({ today: await todayOf(rt, person), values, draftId }, { tenantId: person.tenantId, newNonce: rt.newNonce });
  } catch (error) {
    if (isRecertError(error)) return refused({ kind: 'error', code: error.code, details: error.details });
    return refused(failureReply(rt, 'edit form', error));
  }
}

// Action.Execute puts the inputs beside the card's data; a cleared Input.Number arrives as "" (or not at all).
const text = (max: number) => z.union([z.string(), z.number()]).transform(String).pipe(z.string().max(max)).catch('');
// Input.Toggle sends its valueOn / valueOff ("true" / "false"); absent on a new training's form.
const toggle = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional().catch(undefined);
const formSchema = z.object({ title: text(2000), completedOn: text(40), minutes: text(40), kind: text(40), registered: toggle });

/**
 * The form card submitted: its fields checked with the same rules as Slack's modal and chat; a bad
 * field shows the card again with what was typed and the message under the field (nothing stored).
 * A good new one opens a draft and answers with its preview card, as a typed training does; a good
 * edited one logs that draft (core submitDraftForm: at most one entry per draft, whichever of
 * Confirm and the form comes first; the later is answered "Already logged as entry #N"). A resend
 * (same activity id or nonce) opens nothing more and says what happened.
 */
export const FORM_SENT_AGAIN_TEXT = 'You sent this form already, and I answered with its preview: press Confirm on that card (or type "log" for a new form).';

export async function onLogFormSubmit(rt: TeamsRuntime, ctx: TurnContext, person: TeamsPerson, submitted: { readonly nonce: string; readonly draftId?: string }, raw: unknown): Promise<AdaptiveCard | null> {
  const activity = ctx.activity;
  const { registered, ...fields } = formSchema.parse(typeof raw === 'object' && raw !== null ? raw : {});
  const { draftId } = submitted;
  const form: TrainingForm = draftId !== undefined && registered !== undefined ? { ...fields, registered } : fields;
  return inOneTransaction(rt, async (deps): Promise<AdaptiveCard | null> => {
    const firstActivity = await firstSeen(rt, deps, 'teams-activity', activity.id);
    const firstPress = (await firstSeen(rt, deps, 'teams-card-nonce', pressKey(person, submitted.nonce))) && firstActivity;
    // Sent again: a new form's first submit opened a draft (say so, open no other); an edit form
    // goes through again, as the core's submitDraftForm logs a draft at most once ("Already logged as entry #N").
    if (!firstPress && draftId === undefined) return noteCard(FORM_SENT_AGAIN_TEXT);
    const { actor } = await actorFor(deps, person, activity.id);
    const today = localDate(deps.clock.now(), actor.timeZone);
    const problems = checkTrainingForm(form, today);
    if (problems.length) return logFormCard({ today, values: form, problems, ...(draftId === undefined ? {} : { draftId }) }, { tenantId: person.tenantId, newNonce: rt.newNonce });
    const reply = await asReply(() => (draftId === undefined ? previewTrainingForm(deps, actor, form, { anchor: `teams:${activity.conversation.id}` }) : submitDraftForm(deps, actor, draftId, form)));
    return cardOf(rt, reply, person.tenantId);
  }).catch((error: unknown) => mergedCard(rt, [failureReply(rt, 'log form', error)], person.tenantId));
}
