import type { HomeView, KnownBlock } from '@slack/types';
import type { ComplianceReason, EntryRef, Reply, StatusView } from '../../../src/index.ts';
import { countsLine, shortReason, STATE_LABELS } from '../../common/compliance-phrases.ts';
import { ACTIONS } from '../ids.ts';
import { actions, button, context, divider, packedSections, section } from './blocks.ts';
import { escapeMrkdwn } from './escape.ts';
import { historyLines } from './history.ts';
import { fitBlocks, LIMITS } from './limits.ts';
import { cmd } from './phrases.ts';
import { certificateLine, feeLine, progressSection, reasonLines, stateHeader } from './status.ts';

export interface HomeInput {
  readonly status: StatusView;
  readonly history: Extract<Reply, { kind: 'history' }>;
  /** For managers and admins: their team's report (summary and most urgent people). */
  readonly team?: Extract<Reply, { kind: 'compliance-report' }>;
}

/** Shown at most (people) on Home; the rest are in `/ceu report`. */
const HOME_TEAM_ROWS = 5;

function teamBlocks(team: HomeInput['team']): KnownBlock[] {
  if (!team) return [];
  const scope = team.filters.team ? ` — ${escapeMrkdwn(team.filters.team)}` : team.limitedTo ? ` — ${team.limitedTo.map(escapeMrkdwn).join(', ')}` : '';
  const rows = team.rows.slice(0, HOME_TEAM_ROWS).map((r) => `• *${escapeMrkdwn(r.displayName)}* — ${escapeMrkdwn(r.reasons.map(shortReason).join('; ') || STATE_LABELS[r.state])}`);
  const more = team.listed > rows.length ? [context(`${team.listed} people with a gap in all: ${cmd('report')} for the list.`)] : [];
  return [section(`*Your team${scope}*\n${countsLine(team.counts)}`), ...packedSections(rows), ...more, divider()];
}

/** Entries missing proof get their own list on Home (it is the thing a scribe can fix right there). */
function proofMissing(reasons: readonly ComplianceReason[]): readonly EntryRef[] {
  return reasons.flatMap((r) => (r.code === 'proof-missing' ? r.entries : []));
}

function proofBlocks(status: StatusView): KnownBlock[] {
  const missing = proofMissing(status.reasons);
  if (!missing.length) return [];
  return [
    ...packedSections(['*Entries without proof*', ...missing.map((e) => `• #${e.seq} ${escapeMrkdwn(e.title)}`)]),
    context(":paperclip: Share the certificate in the entry's thread, or in our DM for your latest entry."),
  ];
}

function reasonBlocks(status: StatusView): KnownBlock[] {
  const others = reasonLines(status.reasons.filter((r) => r.code !== 'proof-missing'));
  return others.length ? packedSections(['*To do*', ...others]) : [];
}

function recentBlocks(history: HomeInput['history']): KnownBlock[] {
  if (history.total === 0) return [section('*Recent entries*\nNo entries yet. Tell me about a training in our DM, or press *Log a training*.')];
  const more = history.pageCount > 1 ? [context(`${history.total} entries in all: ${cmd('history 2')} for older ones.`)] : [];
  return [...packedSections(['*Recent entries*', ...historyLines(history)]), ...more];
}

/** App Home: where the person stands, what to fix, what they logged lately, and the two things to do next. */
export function renderHome({ status, history, team }: HomeInput): HomeView {
  const fee = feeLine(status);
  const blocks: KnownBlock[] = [
    ...teamBlocks(team),
    stateHeader(status),
    context(`${escapeMrkdwn(status.displayName)} · ${status.credentialCode} (${escapeMrkdwn(status.credentialName)})`),
    progressSection(status),
    section([certificateLine(status), ...(fee ? [fee] : [])].join('\n')),
    ...proofBlocks(status),
    ...reasonBlocks(status),
    divider(),
    ...recentBlocks(history),
    actions(button('Log a training', ACTIONS.homeLog, 'log', 'primary'), button('Attach a certificate', ACTIONS.homeAttach, 'attach')),
  ];
  return { type: 'home', blocks: fitBlocks(blocks, LIMITS.viewBlocks) };
}
