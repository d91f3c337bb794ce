import type { ErrorCode, ErrorDetails } from '../../../src/index.ts';
import { formatMoney } from '../format.ts';
import type { Action } from '../presentation.ts';

/**
 * The buttons of the questions the bot asks instead of storing (issue 10): a fee amount that differs
 * from the credential's ("Record $80 anyway" / "Fix the amount") and a certificate number someone
 * else holds ("Save CMSS-1 anyway" / "Fix the number"). Each carries the request the question was
 * about, flat, as the core's answerQuestion reads it; the typed `… anyway` stays in the message.
 */
export function questionActions(code: ErrorCode, d: ErrorDetails): Action[] {
  const text = (key: string) => (typeof d[key] === 'string' ? { [key]: d[key] } : {});
  if (code === 'fee-amount-differs' && typeof d.amountCents === 'number' && typeof d.paidOn === 'string') {
    const ids = { amountCents: d.amountCents, ...text('paidOn'), ...text('reference'), ...text('personId') };
    return [
      { id: { kind: 'fee-anyway', ids }, label: `Record ${formatMoney(d.amountCents, typeof d.currency === 'string' ? d.currency : 'USD')} anyway`, primary: false },
      { id: { kind: 'fix-typed', ids: { topic: 'fee' } }, label: 'Fix the amount', primary: true },
    ];
  }
  if (code === 'credential-number-taken' && typeof d.number === 'string' && typeof d.issuedOn === 'string') {
    const ids = { ...text('number'), ...text('issuedOn'), ...text('expiresOn'), ...text('personId') };
    return [
      { id: { kind: 'cert-anyway', ids }, label: `Save ${d.number} anyway`, primary: false },
      { id: { kind: 'fix-typed', ids: { topic: 'cert' } }, label: 'Fix the number', primary: true },
    ];
  }
  return [];
}
