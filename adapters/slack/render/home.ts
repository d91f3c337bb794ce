import type { HomeView, KnownBlock } from '@slack/types';
import type { ComplianceReason, EntryRef, Reply, StatusView } from '../../../src/index.ts';
import { entryLine } from '../../common/present/entries.ts';
import { reasonItems, standingParagraph, STATE_TONES, statusByline, statusHeading, statusProgress } from '../../common/present/status.ts';
import { list, note, paragraph, rich, strong, type Action, type Part } from '../../common/presentation.ts';
import { countsLine, shortReason, STATE_LABELS } from '../../common/compliance-phrases.ts';
import { cmd } from '../../common/wording.ts';
import { context, divider, section } from './blocks.ts';
import { actionBlocks, headingBlock, partBlocks } from './block-kit.ts';
import { fitBlocks, LIMITS } from './limits.ts';
import { SLACK_WORDING } from './present-context.ts';

export interface HomeInput {
  readonly status: StatusView;
  readonly history: Extract<Reply, { kind: 'history' }>;
  /** For managers and admins: their team's report (summary and most urgent people). */
  readonly team?: Extract<Reply, { kind: 'compliance-report' }>;
}

/** Shown at most (people) on Home; the rest are in `/ceu report`. */
const HOME_TEAM_ROWS = 5;

/**
 * App Home is Slack's own page, so its arrangement lives here; its sentences are the model's
 * (present/status.ts, present/entries.ts) wherever the status and history replies say the same.
 */

const HOME_ACTIONS: readonly Action[] = [
  { id: { kind: 'log-training' }, label: 'Log a training', primary: true },
  { id: { kind: 'attach-certificate' }, label: 'Attach a certificate', primary: false },
];

/** Entries missing proof get their own list on Home (it is the thing a scribe can fix right there). */
function proofMissing(reasons: readonly ComplianceReason[]): readonly EntryRef[] {
  return reasons.flatMap((r) => (r.code === 'proof-missing' ? r.entries : []));
}

const ATTACH_HINT = context(":paperclip: Share the certificate in the entry's thread, or in our DM for your latest entry.");

function standingBlocks(status: StatusView): KnownBlock[] {
  const missing = proofMissing(status.reasons);
  const others = reasonItems(
    status.reasons.filter((r) => r.code !== 'proof-missing'),
    SLACK_WORDING,
  );
  const parts: Part[] = [statusByline(status), statusProgress(status), standingParagraph(status, SLACK_WORDING)];
  return [
    ...parts.flatMap((part) => partBlocks(part)),
    ...(missing.length ? [...partBlocks(list('Entries without proof', missing.map((e) => rich(`#${e.seq} `, e.title)))), ATTACH_HINT] : []),
    ...(others.length ? partBlocks(list('To do', others)) : []),
  ];
}

function teamBlocks(team: HomeInput['team']): KnownBlock[] {
  if (!team) return [];
  const scope = team.filters.team ? ` — ${team.filters.team}` : team.limitedTo ? ` — ${team.limitedTo.join(', ')}` : '';
  const rows = team.rows.slice(0, HOME_TEAM_ROWS).map((r) => rich(strong(r.displayName), ` — ${r.reasons.map(shortReason).join('; ') || STATE_LABELS[r.state]}`));
  const more = team.listed > rows.length ? [note(rich(`${team.listed} people with a gap in all: `, cmd('report', SLACK_WORDING), ' for the list.'))] : [];
  const parts: Part[] = [paragraph(rich(strong(`Your team${scope}`)), rich(countsLine(team.counts))), ...(rows.length ? [list(null, rows)] : []), ...more];
  return [...parts.flatMap((part) => partBlocks(part)), divider()];
}

function recentBlocks(history: HomeInput['history']): KnownBlock[] {
  if (history.total === 0) return [section('*Recent entries*\nNo entries yet. Tell me about a training in our DM, or press *Log a training*.')];
  const more = history.pageCount > 1 ? [note(rich(`${history.total} entries in all: `, cmd('history 2', SLACK_WORDING), ' for older ones.'))] : [];
  return [paragraph(rich(strong('Recent entries')), ...history.entries.map(entryLine)), ...more].flatMap((part) => partBlocks(part));
}

/** App Home: where the person stands, what to fix, what they logged lately, and the two things to do next. */
export function renderHome({ status, history, team }: HomeInput): HomeView {
  const blocks: KnownBlock[] = [
    ...teamBlocks(team),
    headingBlock(statusHeading(status), STATE_TONES[status.state]),
    ...standingBlocks(status),
    divider(),
    ...recentBlocks(history),
    ...actionBlocks(HOME_ACTIONS),
  ];
  return { type: 'home', blocks: fitBlocks(blocks, LIMITS.viewBlocks) };
}
