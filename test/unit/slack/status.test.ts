import { describe, expect, it } from 'vitest';
import type { ComplianceReason, StatusView } from '../../../src/index.ts';
import { reasonText } from '../../../adapters/common/compliance-phrases.ts';
import { renderMessage } from '../../../adapters/slack/render/message.ts';
import { progressBar } from '../../../adapters/slack/render/phrases.ts';
import { allText, aStatus, slackWording } from './fixtures.ts';

const render = (status: StatusView) => {
  const m = renderMessage({ kind: 'status', status });
  return { ...m, all: allText(m.blocks) };
};

describe('progressBar', () => {
  it.each([
    [0, 3, '▱▱▱▱▱▱▱▱▱▱'],
    [1.5, 3, '▰▰▰▰▰▱▱▱▱▱'],
    [2.9, 3, '▰▰▰▰▰▰▰▰▰▱'],
    [3, 3, '▰▰▰▰▰▰▰▰▰▰'],
    [4.5, 3, '▰▰▰▰▰▰▰▰▰▰'],
    [0, 0, '▰▰▰▰▰▰▰▰▰▰'],
  ])('%s of %s → %s (full only when met)', (earned, required, bar) => {
    expect(progressBar(earned, required)).toBe(bar);
  });
});

describe('status', () => {
  it('heads with the state and shows the bar with the credit', () => {
    const { blocks, all, text } = render(aStatus());
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: ':warning: CMSS: At risk', emoji: true } });
    expect(all).toContain('▰▰▰▰▰▱▱▱▱▱  *1.5 of 3 CE* (1 entry, 75 min counted)');
    expect(text).toContain('CMSS: At risk\n*1.5 of 3 CE*');
  });

  it.each([
    ['compliant', ':white_check_mark: CMSS: Compliant'],
    ['out_of_compliance', ':x: CMSS: Out of compliance'],
  ] as const)('%s header', (state, header) => {
    expect(allText(render(aStatus({ state })).blocks.slice(0, 1))).toBe(header);
  });

  it('shows the certificate with days left, and the unpaid fee', () => {
    const { all } = render(aStatus());
    expect(all).toContain('Certificate CMSS-12345: issued Jan 15, 2026, expires Jan 15, 2027 (in 49 days)');
    expect(all).toContain('Renewal fee $85: not recorded as paid');
  });

  it('says when the certificate expired', () => {
    const { all } = render(aStatus({ certificate: { number: 'CMSS-1', issuedOn: '2025-01-15', expiresOn: '2026-01-15', daysLeft: -3 } }));
    expect(all).toContain('Certificate CMSS-1: issued Jan 15, 2025, *expired* Jan 15, 2026');
  });

  it('shows a paid fee', () => {
    expect(render(aStatus({ fee: { required: true, paid: true, amountCents: 8500, currency: 'USD' } })).all).toContain('Renewal fee $85: paid');
  });

  it('without a certificate: says how to add one, shows no fee, and does not repeat the reason', () => {
    const reasons: ComplianceReason[] = [{ code: 'no-credential' }];
    const { all } = render(aStatus({ certificate: null, reasons }));
    expect(all).toContain('No certificate on file — add it with `/ceu cert &lt;number&gt; issued &lt;date&gt;`.');
    expect(all).not.toContain('Renewal fee');
    expect(all.match(/No certificate on file/g)).toHaveLength(1);
  });

  it('shows no fee line when the credential has no fee', () => {
    expect(render(aStatus({ fee: { required: false, paid: false, amountCents: null, currency: 'USD' }, reasons: [] })).all).not.toContain('Renewal fee');
  });

  const reasons: ComplianceReason[] = [
    { code: 'certificate-expired', expiredOn: '2026-01-15', daysAgo: 3 },
    { code: 'certificate-not-yet-valid', issuedOn: '2026-12-01', daysUntil: 4 },
    { code: 'certificate-expiring', expiresOn: '2026-12-15', daysLeft: 18 },
    { code: 'credit-short', earned: 1.5, required: 3, missing: 1.5 },
    { code: 'fee-unpaid', feeCents: 8500, currency: 'USD' },
    { code: 'proof-missing', entries: [{ seq: 1, title: 'A' }, { seq: 2, title: 'B' }] },
    { code: 'duplicate-course', title: 'Hospice Benefit', seqs: [1, 3] },
    { code: 'needs-review', entries: [{ seq: 5, title: 'Long course' }] },
    { code: 'registration-missing', entries: [{ seq: 6, title: 'A call' }] },
  ];
  it.each(reasons.map((r) => [r.code, r] as const))('lists the %s reason in the shared wording', (_code, reason) => {
    expect(render(aStatus({ reasons: [reason] })).all).toContain(`• ${slackWording(reasonText(reason))}`);
  });

  it('ends with the dates note', () => {
    expect(render(aStatus()).all).toContain('Dates in America/Chicago; today is Nov 27, 2026.');
  });
});
