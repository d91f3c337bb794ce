import type { KnownBlock } from '@slack/types';
import { awardCredit, CMSS_RULES, type DraftPreview, type Progress, type Reply, type StatusView, type TrainingView } from '../../../src/index.ts';
import { wording } from '../../../adapters/common/wording.ts';
import { SLACK_WORDING } from '../../../adapters/slack/render/present-context.ts';
import { mrkdwn } from '../../../adapters/slack/render/rich.ts';

/** A shared wording string (an error message, a reason, a warning) as Slack shows it: escaped, commands as `/ceu …`. */
export function slackWording(text: string): string {
  return mrkdwn(wording(text, SLACK_WORDING));
}

/** Reply fixtures for the Slack renderers: realistic numbers, overridable where a test is about something. */

export function aView(seq: number, overrides: Partial<TrainingView> = {}): TrainingView {
  const minutes = overrides.minutes ?? 75;
  const award = awardCredit(CMSS_RULES, minutes);
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    seq,
    title: 'Medicare Billing: 837P and Form CMS-1500',
    kind: 'wbt',
    completedOn: '2026-11-02',
    minutes,
    credit: award.kind === 'awarded' ? award.credit : null,
    indexNumber: award.kind === 'awarded' ? award.indexNumber : null,
    howComputed: `1 hr 15 min = 60 + 15 = 75 minutes; ${award.explanation}`,
    reviewReason: award.kind === 'review' ? award.reason : null,
    registered: null,
    proofCount: 0,
    notCounted: null,
    ...overrides,
  };
}

export const PROGRESS: Progress = { state: 'at_risk', earned: 1.5, required: 3, credentialCode: 'CMSS', hasCredential: true };

export function aPreview(overrides: Partial<DraftPreview> = {}): DraftPreview {
  return {
    title: 'Medicare Billing: 837P and Form CMS-1500',
    kind: 'wbt',
    kindStated: true,
    completedOn: '2026-11-26',
    dateStated: true,
    minutes: 75,
    durationText: '1 hr 15 min',
    durationHow: '1 hr 15 min = 60 + 15 = 75 minutes',
    award: awardCredit(CMSS_RULES, overrides.minutes ?? 75),
    credentialCode: 'CMSS',
    asksRegistration: false,
    warnings: [],
    ...overrides,
  };
}

export function aStatus(overrides: Partial<StatusView> = {}): StatusView {
  return {
    displayName: 'Dana Scribe',
    timeZone: 'America/Chicago',
    today: '2026-11-27',
    state: 'at_risk',
    credentialCode: 'CMSS',
    credentialName: 'Certified Medical Scribe Specialist',
    certificate: { number: 'CMSS-12345', issuedOn: '2026-01-15', expiresOn: '2027-01-15', daysLeft: 49 },
    earned: 1.5,
    required: 3,
    countedMinutes: 75,
    countedEntries: 1,
    fee: { required: true, paid: false, amountCents: 8500, currency: 'USD' },
    reasons: [
      { code: 'credit-short', earned: 1.5, required: 3, missing: 1.5 },
      { code: 'fee-unpaid', feeCents: 8500, currency: 'USD' },
      { code: 'proof-missing', entries: [{ seq: 1, title: 'Medicare Billing: 837P and Form CMS-1500' }] },
    ],
    ...overrides,
  };
}

export type HistoryReply = Extract<Reply, { kind: 'history' }>;

export function aHistory(count: number, page = 1, pageSize = 10): HistoryReply {
  const first = (page - 1) * pageSize + 1;
  const onPage = Math.max(0, Math.min(pageSize, count - first + 1));
  const entries = Array.from({ length: onPage }, (_, i) => aView(first + i, { title: `Course ${first + i}`, proofCount: i % 2 }));
  return { kind: 'history', entries, page, pageCount: Math.max(1, Math.ceil(count / pageSize)), total: count };
}

export const DRAFT_ID = '11111111-1111-4111-8111-111111111111';

/** One reply of every kind; typed so a new Reply kind without a fixture fails to compile. */
export const ONE_OF_EACH: { readonly [K in Reply['kind']]: Extract<Reply, { kind: K }> } = {
  welcome: { kind: 'welcome', displayName: 'Dana Scribe', hasCredential: false },
  help: { kind: 'help', topic: 'all' },
  'not-understood': { kind: 'not-understood', text: 'hello there' },
  'training-preview': { kind: 'training-preview', draftId: DRAFT_ID, preview: aPreview() },
  question: { kind: 'question', draftId: DRAFT_ID, ask: 'length', title: 'Telehealth Billing', candidates: [] },
  'training-logged': { kind: 'training-logged', training: aView(3), progress: PROGRESS, alreadyLogged: false },
  'draft-cancelled': { kind: 'draft-cancelled', title: 'Telehealth Billing' },
  undone: { kind: 'undone', change: { action: 'training.logged', training: aView(3) } },
  status: { kind: 'status', status: aStatus() },
  history: aHistory(3),
  'training-updated': { kind: 'training-updated', training: aView(3, { minutes: 45 }), changed: ['minutes'], progress: PROGRESS },
  'training-deleted': { kind: 'training-deleted', training: aView(3), progress: PROGRESS },
  'proof-attached': {
    kind: 'proof-attached',
    training: aView(3),
    file: { name: 'certificate.pdf', mediaType: 'application/pdf', sizeBytes: 48_213, sha256: 'ab'.repeat(32) },
    reusedStoredFile: false,
    alreadyAttached: false,
    alsoAttachedTo: [],
  },
  'credential-saved': { kind: 'credential-saved', mode: 'created', credentialCode: 'CMSS', number: 'CMSS-12345', issuedOn: '2026-01-15', expiresOn: '2027-01-15', requiredCredit: 3 },
  'fee-recorded': { kind: 'fee-recorded', amountCents: 8500, currency: 'USD', paidOn: '2026-01-10', credentialNumber: 'CMSS-12345' },
  error: { kind: 'error', code: 'training-not-found', details: { seq: 9 } },
};

/** Every piece of text in a block list (mrkdwn and plain), for "the fact is somewhere" assertions. */
export function textsOf(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) textsOf(item, out);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'text' && typeof value === 'string') out.push(value);
      else textsOf(value, out);
    }
  }
  return out;
}

export function allText(blocks: readonly KnownBlock[]): string {
  return textsOf(blocks).join('\n');
}

export interface ButtonInfo {
  readonly text: string;
  readonly actionId: string | undefined;
  readonly value: string | undefined;
  readonly style: string | undefined;
}

export function buttonsOf(blocks: readonly KnownBlock[]): ButtonInfo[] {
  return blocks.flatMap((b) =>
    b.type === 'actions' ? b.elements.flatMap((e) => (e.type === 'button' ? [{ text: e.text.text, actionId: e.action_id, value: e.value, style: e.style }] : [])) : [],
  );
}
