import { z } from 'zod';
import { answerQuestion, asReply, cancelDraft, chooseAuditItem, confirmDraft, getComplianceReport, getHistory, getStatus, snoozeReminders, SNOOZE_DAYS, MAX_SNOOZE_DAYS, undoLast, type Actor, type CoreDeps, type ReportFilters, type Reply } from '../../../src/index.ts';
import type { SlackAuth } from '../clients.ts';
import { actorFor, type SlackRuntime } from '../runtime.ts';
import type { Surface } from '../send.ts';
import type { SlackOutcome } from './outcome.ts';
import type { PayloadOf } from './payloads.ts';

/** A button's answer replaces the message it was on (its response_url), or goes to the DM (App Home has none). */
export function buttonSurface(p: PayloadOf<'button'>): Surface {
  if (p.button === 'home-attach') return { kind: 'dm', userId: p.userId };
  // A person's details open beside the report; the other buttons answer in place of their message.
  // An audit request keeps its list (and its other buttons) in place.
  const replaceOriginal = p.button !== 'report-details' && p.button !== 'audit-attach';
  return p.responseUrl ? { kind: 'respond', responseUrl: p.responseUrl, replaceOriginal, userId: p.userId } : { kind: 'dm', userId: p.userId };
}

export async function applyButton(rt: SlackRuntime, deps: CoreDeps, auth: SlackAuth, p: PayloadOf<'button'>, requestId: string): Promise<SlackOutcome> {
  const { actor } = await actorFor(rt, deps, auth.client, { teamId: p.teamId, userId: p.userId, requestId, installerUserId: auth.installerUserId });
  return { surface: buttonSurface(p), replies: await pressed(deps, actor, p) };
}

function pressed(deps: CoreDeps, actor: Actor, p: PayloadOf<'button'>): Promise<Reply[]> {
  const one = async (work: () => Promise<Reply>) => [await asReply(work)];
  switch (p.button) {
    case 'confirm':
      return one(() => confirmDraft(deps, actor, { draftId: p.value }));
    case 'confirm-unregistered':
      return one(() => confirmDraft(deps, actor, { draftId: p.value, registered: false }));
    case 'cancel':
      return one(() => cancelDraft(deps, actor, { draftId: p.value }));
    case 'undo':
      return one(() => undoLast(deps, actor, p.value ? { trainingId: p.value } : {}));
    case 'history-page': {
      const page = Number.parseInt(p.value, 10);
      return one(() => getHistory(deps, actor, Number.isFinite(page) ? page : 1));
    }
    case 'home-attach':
      return one(async () => ({ kind: 'help', topic: 'proof' }));
    case 'report-page': {
      const { page, filters } = reportPage(p.value);
      return one(() => getComplianceReport(deps, actor, filters, page));
    }
    case 'report-details':
      return details(deps, actor, p.value);
    case 'audit-attach':
      return one(() => chooseAuditItem(deps, actor, p.value));
    case 'snooze':
      return one(() => snoozeReminders(deps, actor, { days: snoozeDays(p.value) }));
    case 'reminder-status':
      return one(() => getStatus(deps, actor));
    case 'fee-anyway':
    case 'cert-anyway':
    case 'fix-typed': {
      const kind = p.button;
      return one(() => answerQuestion(deps, actor, kind, questionIds(p.value)));
    }
  }
}

/** A person's status and latest entries, from a Details button of the report (the core checks the asker may see them). */
async function details(deps: CoreDeps, actor: Actor, personId: string): Promise<Reply[]> {
  const about = { ref: { personId } };
  const status = await asReply(() => getStatus(deps, actor, about));
  return status.kind === 'error' ? [status] : [status, await asReply(() => getHistory(deps, actor, 1, about))];
}

/** A snooze button's value: its days (1 to the most a snooze may last), else the DM's usual 3. */
function snoozeDays(value: string): number {
  const days = Number.parseInt(value, 10);
  return Number.isInteger(days) && days >= 1 && days <= MAX_SNOOZE_DAYS ? days : SNOOZE_DAYS;
}

const reportPageSchema = z.object({
  page: z.number().int().min(1).max(10_000),
  filters: z.object({ expiringWithinDays: z.number().int().min(0).max(9999).optional(), expiringBy: z.string().max(10).optional(), missingProof: z.boolean().optional(), unpaid: z.boolean().optional(), team: z.string().max(60).optional() }),
});

/** A report page button's value, as reportPageValue wrote it; anything else is page 1 of everyone with a gap. */
function reportPage(value: string): { page: number; filters: ReportFilters } {
  try {
    const parsed = reportPageSchema.safeParse(JSON.parse(value));
    if (parsed.success) return { page: parsed.data.page, filters: stripUndefined(parsed.data.filters) };
  } catch {
    // fall through: not JSON
  }
  return { page: 1, filters: {} };
}

function stripUndefined(filters: z.infer<typeof reportPageSchema>['filters']): ReportFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as ReportFilters;
}

/** A question button's value (JSON of flat ids, see question-actions.ts); anything else is none, which the core refuses. */
function questionIds(value: string): Record<string, string | number> {
  try {
    const parsed = z.record(z.union([z.string().max(200), z.number()])).safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
