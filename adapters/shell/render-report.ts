import type { Reply } from '../../src/index.ts';
import { countsLine, shortReason, STATE_LABELS } from '../common/compliance-phrases.ts';

type ReportReply = Extract<Reply, { kind: 'compliance-report' }>;

/** The manager report in the terminal: the summary first, then one line per person, most urgent first. */
export function renderReport(reply: ReportReply): string {
  const scope = reply.filters.team ? ` (team ${reply.filters.team})` : reply.limitedTo ? ` (your teams: ${reply.limitedTo.join(', ')})` : '';
  const lines = [`Compliance${scope}: ${countsLine(reply.counts)}.`];
  if (reply.listed === 0) return [...lines, nobodyLine(reply)].join('\n');
  lines.push(`${listHeading(reply)} (${reply.listed}${reply.pageCount > 1 ? `; page ${reply.page} of ${reply.pageCount}` : ''}), most urgent first:`);
  reply.rows.forEach((row, i) => {
    const reasons = row.reasons.map(shortReason);
    lines.push(`  ${reply.offset + i + 1}. ${row.displayName} — ${STATE_LABELS[row.state]}${reasons.length ? `: ${reasons.join('; ')}` : ''}`);
  });
  lines.push(`Details: \`status @name\`${reply.page < reply.pageCount ? ` · More: \`report page ${reply.page + 1}\`` : ''}`);
  return lines.join('\n');
}

function listHeading(reply: ReportReply): string {
  const f = reply.filters;
  const parts = [f.expiringWithinDays !== undefined ? `expiring within ${f.expiringWithinDays} days` : null, f.missingProof ? 'entries without proof' : null, f.unpaid ? 'fee unpaid' : null].filter((p): p is string => p !== null);
  return parts.length ? `People with ${parts.join(', ')}` : 'People with a gap';
}

function nobodyLine(reply: ReportReply): string {
  return reply.counts.total === 0 ? 'Nobody is on the roster yet: `roster add @name`.' : 'Nobody matches: everyone listed is fine on that count.';
}
