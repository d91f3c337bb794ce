import type { KnownBlock } from '@slack/types';
import type { Reply } from '../../../src/index.ts';
import { countsLine, shortReason, STATE_LABELS } from '../../common/compliance-phrases.ts';
import { ACTIONS } from '../ids.ts';
import { actions, button, context, section, type SlackMessage } from './blocks.ts';
import { escapeMrkdwn } from './escape.ts';
import { STATE_EMOJI } from './phrases.ts';

type ReportReply = Extract<Reply, { kind: 'compliance-report' }>;

/** Previous and Next share one actions block, so their action ids carry a suffix (see history.ts). */
export const REPORT_PAGE_ACTION = new RegExp(`^${ACTIONS.reportPage}(?::prev|:next)?$`);

/** Previous/next page of the report: the page and the filters it was asked with. */
export function reportPageValue(reply: ReportReply, page: number): string {
  return JSON.stringify({ page, filters: reply.filters });
}

/** The manager report: the summary first, then each person with a gap and a Details button, paginated. */
export function renderReport(reply: ReportReply): SlackMessage {
  const scope = reply.filters.team ? ` — team ${escapeMrkdwn(reply.filters.team)}` : reply.limitedTo ? ` — your teams: ${reply.limitedTo.map(escapeMrkdwn).join(', ')}` : '';
  const summary = `*Compliance${scope}*\n${countsLine(reply.counts)}`;
  const blocks: KnownBlock[] = [section(summary)];
  if (reply.listed === 0) blocks.push(section(reply.counts.total === 0 ? 'Nobody is on the roster yet.' : 'Nobody matches: everyone listed is fine on that count.'));
  for (const row of reply.rows) {
    const reasons = row.reasons.map(shortReason).join('; ');
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `${STATE_EMOJI[row.state]} *${escapeMrkdwn(row.displayName)}* — ${STATE_LABELS[row.state]}${reasons ? `\n${escapeMrkdwn(reasons)}` : ''}` },
      accessory: button('Details', ACTIONS.reportDetails, row.personId),
    });
  }
  if (reply.pageCount > 1) {
    blocks.push(context(`${reply.listed} listed · page ${reply.page} of ${reply.pageCount}`));
    const buttons = [...(reply.page > 1 ? [button('Previous', `${ACTIONS.reportPage}:prev`, reportPageValue(reply, reply.page - 1))] : []), ...(reply.page < reply.pageCount ? [button('Next', `${ACTIONS.reportPage}:next`, reportPageValue(reply, reply.page + 1))] : [])];
    blocks.push(actions(...buttons));
  }
  const text = [`Compliance${reply.filters.team ? ` (team ${reply.filters.team})` : ''}: ${countsLine(reply.counts)}`, ...reply.rows.map((r) => `${r.displayName}: ${STATE_LABELS[r.state]}`)].join('\n');
  return { text, blocks };
}
