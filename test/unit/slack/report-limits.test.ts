import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/index.ts';
import { renderMessage } from '../../../adapters/slack/render/message.ts';
import { ONE_OF_EACH } from '../../builders/replies.ts';
import { limitViolations } from './limit-check.ts';

/**
 * Review of issue 7: "long lists paginate within the platform's limits; the summary is always
 * first" — a full report page in Slack (15 people with long names and every reason, their Details
 * buttons and the page buttons) is a message Slack accepts, headed by the summary, on every page.
 * Found here: every Details button had the same action id in one actions block, which Slack refuses
 * (as it would an audit request with two entries); each now carries its id as a suffix.
 */
const base = ONE_OF_EACH['compliance-report'];
const row = base.rows[0];

function pageOf(page: number): Extract<Reply, { kind: 'compliance-report' }> {
  if (!row) throw new Error('the fixture report has a row');
  const rows = Array.from({ length: 15 }, (_, i) => ({
    ...row,
    personId: `22222222-2222-4222-8222-${String(i).padStart(12, '0')}`,
    displayName: `${'Maria-José Fernández de la Cruz '.repeat(3)}${page}-${i}`,
    reasons: [
      ...row.reasons,
      { code: 'fee-unpaid' as const, feeCents: 8500, currency: 'USD' },
      { code: 'proof-missing' as const, entries: Array.from({ length: 30 }, (_, n) => ({ seq: n + 1, title: `Course ${n} `.repeat(10) })) },
    ],
  }));
  return { ...base, counts: { compliant: 10, atRisk: 200, outOfCompliance: 90, total: 300 }, rows, offset: (page - 1) * 15, listed: 290, page, pageCount: 20 };
}

describe('the report page in Slack', () => {
  it.each([1, 2, 20])('page %i of 20: within Block Kit limits, summary first, a Details button per person and the page buttons', (page) => {
    const message = renderMessage(pageOf(page));
    expect(limitViolations(message.blocks, 50)).toEqual([]);
    expect(JSON.stringify(message.blocks[0])).toContain('10 compliant · 200 at risk · 90 out of compliance, of 300 people');
    const buttons = message.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
    expect(buttons.filter((e) => 'action_id' in e && String(e.action_id).startsWith('ceu_report_details:'))).toHaveLength(15);
    const pages = buttons.filter((e) => 'action_id' in e && String(e.action_id).startsWith('ceu_report_page'));
    expect(pages.length).toBe(page === 1 || page === 20 ? 1 : 2);
  });

  it('an audit request with an Attach certificate button per entry (30 entries) is accepted too: one action id each', () => {
    const request = ONE_OF_EACH['audit-request'];
    const item = request.items[0];
    if (!item) throw new Error('the fixture request has an item');
    const items = Array.from({ length: 30 }, (_, n) => ({ ...item, itemId: `44444444-4444-4444-8444-${String(n).padStart(12, '0')}`, seq: n + 1 }));
    const message = renderMessage({ ...request, items });
    expect(limitViolations(message.blocks, 50)).toEqual([]);
    const ids = message.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.map((e) => ('action_id' in e ? e.action_id : '')) : []));
    expect(ids).toHaveLength(30);
    expect(ids.every((id) => String(id).startsWith('ceu_audit_attach:'))).toBe(true);
  });

  it('several previews waiting: each Confirm (same action id, the draft in its value) is in a row of its own', () => {
    const waiting = ONE_OF_EACH['drafts-waiting'];
    const draft = waiting.drafts[0];
    if (!draft) throw new Error('the fixture has a draft');
    const drafts = [1, 2, 3].map((number) => ({ ...draft, number, ready: true, draftId: `11111111-1111-4111-8111-00000000000${number}` }));
    const message = renderMessage({ ...waiting, reason: 'which', answer: 'confirm', drafts });
    expect(limitViolations(message.blocks, 50)).toEqual([]);
    const confirms = message.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.filter((e) => 'action_id' in e && e.action_id === 'ceu_confirm').map((e) => ('value' in e ? e.value : '')) : []));
    expect(confirms).toEqual(drafts.map((d) => d.draftId));
  });
});
