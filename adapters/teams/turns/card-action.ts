import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { answerQuestion, asReply, cancelDraft, chooseAuditItem, confirmDraft, getComplianceReport, getHistory, getStatus, snoozeReminders, SNOOZE_DAYS, undoLast, type Actor, type CoreDeps, type QuestionAnswerKind, type ReportFilters, type Reply } from '../../../src/index.ts';
import { personOf } from '../activity.ts';
import type { AdaptiveCard } from '../render/adaptive-card.ts';
import { LOG_FORM_SUBMIT } from '../render/log-form-card.ts';
import { actorFor, failureReply, firstSeen, inOneTransaction, mergedCard, pressKey, type TeamsRuntime } from '../runtime.ts';
import { noteCard } from '../render/note-card.ts';
import { editLogForm, emptyLogForm, onLogFormSubmit } from './log-form.ts';
import { answerAgain, type AgainAnswer } from './pressed-again.ts';

const dataSchema = z.object({
  action: z.string().max(40),
  ids: z.record(z.union([z.string().max(200), z.number()])).default({}),
  tenant: z.string().max(100),
  nonce: z.string().min(1).max(100),
  filters: z
    .object({ expiringWithinDays: z.number().int().min(0).max(9999).optional(), expiringBy: z.string().max(10).optional(), missingProof: z.boolean().optional(), unpaid: z.boolean().optional(), team: z.string().max(60).optional() })
    .optional(),
});

type CardData = z.infer<typeof dataSchema>;

/** What a card action answers: the card that replaces it for the person who acted, or null (keep the card). */
export type CardAnswer = AdaptiveCard | null;

/**
 * An Action.Execute (`adaptiveCard/action` invoke): the same core use cases as Slack's buttons.
 * Refused when the card was made for another tenant; a resend (same activity id, or same nonce,
 * in Postgres across processes) changes nothing and says what happened (pressed-again.ts).
 */
export async function onCardAction(rt: TeamsRuntime, ctx: TurnContext, raw: unknown): Promise<CardAnswer> {
  const activity = ctx.activity;
  const person = personOf(activity);
  const parsed = dataSchema.safeParse(raw);
  if (!person || !parsed.success) {
    rt.log.warn('teams card action refused: unreadable', { id: activity.id });
    return mergedCard(rt, [{ kind: 'error', code: 'draft-not-found', details: {} }], person?.tenantId ?? '');
  }
  const data = parsed.data;
  if (data.tenant !== person.tenantId) {
    rt.log.warn('teams card action from another tenant refused', { id: activity.id, cardTenant: data.tenant, tenant: person.tenantId });
    return mergedCard(rt, [{ kind: 'error', code: 'forbidden', details: { permission: 'card-of-another-organisation' } }], person.tenantId);
  }
  // The "Log a training" form: shown for the button, and its own answer when submitted.
  if (data.action === 'log-training') return emptyLogForm(rt, person);
  // Edit on a preview: the same form, filled with the draft; submitting it logs that draft.
  if (data.action === 'edit-draft') return editLogForm(rt, person, String(data.ids.draftId ?? ''));
  if (data.action === LOG_FORM_SUBMIT) return onLogFormSubmit(rt, ctx, person, { nonce: data.nonce, ...(data.ids.draftId === undefined ? {} : { draftId: String(data.ids.draftId) }) }, raw);
  const answer = await inOneTransaction(rt, async (deps): Promise<AgainAnswer> => {
    // Both claims are tried (the nonce's too when the activity is a resend), so a repeat is known as such.
    const firstActivity = await firstSeen(rt, deps, 'teams-activity', activity.id);
    const firstPress = (await firstSeen(rt, deps, 'teams-card-nonce', pressKey(person, data.nonce))) && firstActivity;
    const { actor } = await actorFor(deps, person, activity.id);
    if (!firstPress) return answerAgain(deps, actor, data.action, data.ids, () => pressed(deps, actor, data));
    return { replies: await pressed(deps, actor, data) };
  }).catch((error: unknown): AgainAnswer => ({ replies: [failureReply(rt, 'card action', error)] }));
  // Pressed again (a resent card, or Teams resending the press): a sentence saying what happened, never an empty answer.
  return 'text' in answer ? noteCard(answer.text) : mergedCard(rt, forTheActor(rt, answer.replies), person.tenantId);
}

/** A card action answers the person who acted alone: a message for someone else (`notify`) is never shown here. */
function forTheActor(rt: TeamsRuntime, replies: readonly Reply[]): Reply[] {
  const own = replies.filter((r) => r.kind !== 'notify');
  if (own.length < replies.length) rt.log.warn('teams card action: notices dropped (only typed commands send them)', { dropped: replies.length - own.length });
  return own;
}

const str = (data: CardData, key: string): string => String(data.ids[key] ?? '');

function pressed(deps: CoreDeps, actor: Actor, data: CardData): Promise<Reply[]> {
  const one = async (work: () => Promise<Reply>) => [await asReply(work)];
  const page = Math.max(1, Math.min(10_000, Math.trunc(Number(data.ids.page)) || 1));
  switch (data.action) {
    case 'confirm':
      return one(() => confirmDraft(deps, actor, { draftId: str(data, 'draftId') }));
    case 'confirm-unregistered':
      return one(() => confirmDraft(deps, actor, { draftId: str(data, 'draftId'), registered: false }));
    case 'cancel-draft':
      return one(() => cancelDraft(deps, actor, { draftId: str(data, 'draftId') }));
    case 'undo':
      return one(() => undoLast(deps, actor, str(data, 'trainingId') ? { trainingId: str(data, 'trainingId') } : {}));
    case 'history-page':
      return one(() => getHistory(deps, actor, page));
    case 'report-page':
      return one(() => getComplianceReport(deps, actor, stripUndefined(data.filters ?? {}), page));
    case 'person-details':
      return details(deps, actor, str(data, 'personId'));
    case 'snooze':
      // A reminder DM's Snooze: recorded by the core (and shown to managers); the answer replaces the DM.
      return one(() => snoozeReminders(deps, actor, { days: Math.trunc(Number(data.ids.days)) || SNOOZE_DAYS }));
    case 'see-status':
      return one(() => getStatus(deps, actor));
    case 'attach-certificate':
      return one(async () => ({ kind: 'help', topic: 'proof' }));
    case 'audit-attach':
      // Recorded by the core, so the next file sent in personal chat goes to this entry.
      return one(() => chooseAuditItem(deps, actor, str(data, 'itemId')));
    case 'fee-anyway':
    case 'cert-anyway':
    case 'fix-typed':
      return one(() => answerQuestion(deps, actor, data.action as QuestionAnswerKind, data.ids));
    default:
      return one(async () => ({ kind: 'help', topic: 'log' }));
  }
}

/** A person's status and latest entries, from a Details action of the report (the core checks the asker may see them). */
async function details(deps: CoreDeps, actor: Actor, personId: string): Promise<Reply[]> {
  const about = { ref: { personId } };
  const status = await asReply(() => getStatus(deps, actor, about));
  return status.kind === 'error' ? [status] : [status, await asReply(() => getHistory(deps, actor, 1, about))];
}

function stripUndefined(filters: NonNullable<CardData['filters']>): ReportFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as ReportFilters;
}

