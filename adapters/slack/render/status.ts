import type { KnownBlock } from '@slack/types';
import type { StatusView } from '../../../src/index.ts';
import { reasonText, STATE_LABELS } from '../../common/compliance-phrases.ts';
import { formatDate, formatMoney, plural, relativeDays } from '../../common/format.ts';
import { context, header, packedSections, section, type SlackMessage } from './blocks.ts';
import { commonText, escapeMrkdwn } from './escape.ts';
import { CERT_COMMAND, creditOf, progressBar, STATE_EMOJI } from './phrases.ts';

/** ":warning: CMSS: At risk" — plain text, so no user text goes in. */
export function stateHeader(s: Pick<StatusView, 'state' | 'credentialCode'>): KnownBlock {
  return header(`${STATE_EMOJI[s.state]} ${s.credentialCode}: ${STATE_LABELS[s.state]}`);
}

/** "▰▰▰▰▰▱▱▱▱▱ *1.5 of 3 CE*". */
export function progressSection(s: Pick<StatusView, 'earned' | 'required' | 'countedEntries' | 'countedMinutes'>): KnownBlock {
  const counted = `${plural(s.countedEntries, 'entry', 'entries')}, ${s.countedMinutes} min counted`;
  return section(`${progressBar(s.earned, s.required)}  *${creditOf(s.earned, s.required)}*  (${counted})`);
}

export function certificateLine(s: Pick<StatusView, 'certificate'>): string {
  const c = s.certificate;
  if (!c) return `No certificate on file — add it with ${CERT_COMMAND}.`;
  const when = c.daysLeft > 0 ? `expires ${formatDate(c.expiresOn)} (${relativeDays(c.daysLeft)})` : `*expired* ${formatDate(c.expiresOn)}`;
  return `Certificate ${escapeMrkdwn(c.number)}: issued ${formatDate(c.issuedOn)}, ${when}`;
}

/** Only when there is a certificate (a cycle to pay for) and the credential charges a fee. */
export function feeLine(s: Pick<StatusView, 'certificate' | 'fee'>): string | null {
  if (!s.certificate || !s.fee.required) return null;
  const amount = s.fee.amountCents === null ? 'Renewal fee' : `Renewal fee ${formatMoney(s.fee.amountCents, s.fee.currency)}`;
  return `${amount}: ${s.fee.paid ? 'paid :white_check_mark:' : 'not recorded as paid'}`;
}

/** "No certificate on file" is already the certificate line, so that reason is not repeated here. */
export function reasonLines(reasons: StatusView['reasons']): string[] {
  return reasons.filter((r) => r.code !== 'no-credential').map((r) => `• ${commonText(reasonText(r))}`);
}

export function renderStatus(s: StatusView): SlackMessage {
  const fee = feeLine(s);
  const facts = [certificateLine(s), ...(fee ? [fee] : [])];
  const reasons = reasonLines(s.reasons);
  const blocks: KnownBlock[] = [
    stateHeader(s),
    context(`${escapeMrkdwn(s.displayName)} · ${s.credentialCode} (${escapeMrkdwn(s.credentialName)})`),
    progressSection(s),
    section(facts.join('\n')),
    ...(reasons.length ? packedSections(['*To do*', ...reasons]) : []),
    context(`Dates in ${escapeMrkdwn(s.timeZone)}; today is ${formatDate(s.today)}.`),
  ];
  const text = `${STATE_LABELS[s.state]}: ${creditOf(s.earned, s.required)}. ${facts.join('. ')}.`;
  return { text, blocks };
}
