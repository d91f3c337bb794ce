import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/people.ts';
import type { Reply } from '../../src/replies.ts';
import { present } from '../../adapters/common/present.ts';
import type { PresentContext } from '../../adapters/common/presentation.ts';
import { renderText } from '../../adapters/shell/render-text.ts';
import { TERMINAL_WORDING } from '../../adapters/shell/render.ts';
import { toSlackMessage } from '../../adapters/slack/render/block-kit.ts';
import { SLACK_WORDING } from '../../adapters/slack/render/present-context.ts';
import { toAdaptiveCard } from '../../adapters/teams/render/adaptive-card.ts';
import { withTeamsActions } from '../../adapters/teams/render/teams-actions.ts';
import { TEAMS_WORDING } from '../../adapters/teams/runtime.ts';
import { attachProof } from '../../src/use-cases/attach-proof.ts';
import { getStatus } from '../../src/use-cases/get-status.ts';
import { pdfBytes } from '../builders/files.ts';
import { givenOrganisation } from '../builders/organisation.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { expectKind, logged, say } from './helpers.ts';

/**
 * Review of issue 7: the report agrees, person for person, with what each person's `status` says —
 * in the data, and in each adapter's rendering of it (terminal text, Slack Block Kit, Teams card):
 * the state a report line gives a person is the state their status heads with, on every platform.
 * An organisation with every kind of gap (no certificate, expired, expiring, short, fee unpaid,
 * entries without proof, a course twice, a call without registration, an entry to review) and one
 * compliant person.
 */
const database = useTestDatabase();

const STATE_WORDS = { compliant: 'Compliant', at_risk: 'At risk', out_of_compliance: 'Out of compliance' } as const;

const RENDERERS: readonly (readonly [string, PresentContext, (reply: Reply, context: PresentContext) => string])[] = [
  ['terminal', TERMINAL_WORDING, (reply, context) => renderText(present(reply, context))],
  ['Slack', SLACK_WORDING, (reply, context) => JSON.stringify(toSlackMessage(present(reply, context)).blocks).replace(/[*_]/g, '')],
  ['Teams', TEAMS_WORDING, (reply, context) => cardText(toAdaptiveCard(withTeamsActions(reply, present(reply, context)), { tenantId: 't', newNonce: () => 'n' }))],
];

/** A card's words: each block's text runs joined as the reader sees them, one block a line. */
function cardText(card: { readonly body: readonly unknown[] }): string {
  const runs = (block: unknown): string => {
    if (typeof block !== 'object' || block === null) return '';
    if ('inlines' in block && Array.isArray(block.inlines)) return block.inlines.map((i: unknown) => (typeof i === 'object' && i !== null && 'text' in i ? String(i.text) : '')).join('');
    return JSON.stringify(block);
  };
  return card.body.map(runs).join('\n');
}

async function everyKindOfGap(deps: TestDeps): Promise<{ admin: Actor; people: Actor[] }> {
  const org = await givenOrganisation(deps);
  const people: Actor[] = [];
  const join = async (name: string, lines: readonly string[]) => {
    const actor = await org.join(name);
    for (const line of lines) await say(deps, actor, line);
    people.push(actor);
    return actor;
  };
  await join('Nocert', ['log MLN webinar "A" 60 min 2026-03-01', 'yes']);
  await join('Expired', ['cert CMSS-1 issued 2025-06-01', 'fee paid $85 on 2025-06-02']);
  await join('Expiring', ['cert CMSS-2 issued 2025-12-10', 'fee paid $85 on 2025-12-11']);
  await join('Messy', ['cert CMSS-3 issued 2026-02-01', 'log MLN webinar "Twice" 45 min 2026-03-01', 'yes', 'log MLN webinar "Twice" 45 min 2026-04-01', 'yes', 'log National Provider Call "Quality" 60 min 2026-05-01', 'not registered', 'log MLN webinar "Long" 150 min 2026-05-02', 'yes']);
  const done = await join('Done', ['cert CMSS-4 issued 2026-02-01', 'fee paid $85 on 2026-02-02']);
  for (const [i, title] of ['One', 'Two', 'Three'].entries()) await attachProof(deps, done, { fileName: `${title}.pdf`, bytes: pdfBytes(title), seq: await logged(deps, done, `MLN webinar "${title}" 60 min 2026-0${i + 3}-01`) });
  return { admin: org.admin, people };
}

describe('the report agrees with each person\'s status, in every adapter', () => {
  let deps: TestDeps;
  let report: Extract<Reply, { kind: 'compliance-report' }>;
  let statuses: Map<string, Extract<Reply, { kind: 'status' }>>;

  beforeAll(async () => {
    deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    const { admin, people } = await everyKindOfGap(deps);
    report = expectKind(await say(deps, admin, 'who is out of compliance?'), 'compliance-report');
    statuses = new Map();
    for (const person of people) statuses.set(person.displayName, expectKind(await getStatus(deps, admin, { ref: { personId: person.personId } }), 'status'));
  });

  it('in the data: the same state and the same reasons for everyone listed; the compliant person is counted, not listed', () => {
    expect(report.counts).toMatchObject({ compliant: 1, total: 6 });
    expect(report.rows.map((r) => r.displayName)).not.toContain('Done');
    for (const row of report.rows.filter((r) => r.displayName !== 'Dana Admin')) {
      const status = statuses.get(row.displayName)?.status;
      expect(row.state, row.displayName).toBe(status?.state);
      expect(row.reasons, row.displayName).toEqual(status?.reasons);
    }
    expect(statuses.get('Done')?.status.state).toBe('compliant');
    const codes = new Set(report.rows.flatMap((r) => r.reasons.map((reason) => reason.code)));
    expect(codes.size).toBeGreaterThanOrEqual(7);
  });

  it.each(RENDERERS)('as %s renders them: each line\'s state is the state the person\'s status shows', (_name, context, render) => {
    const shownReport = render(report, context);
    for (const row of report.rows.filter((r) => r.displayName !== 'Dana Admin')) {
      const word = STATE_WORDS[row.state];
      expect(shownReport, row.displayName).toMatch(new RegExp(`${row.displayName} — ${word}`));
      const status = statuses.get(row.displayName);
      const shownStatus = status ? render(status, context) : '';
      expect(shownStatus, row.displayName).toContain(word);
      for (const other of Object.values(STATE_WORDS).filter((w) => w !== word && !word.includes(w))) expect(shownStatus.includes(`: ${other}`), `${row.displayName} ${other}`).toBe(false);
    }
  });
});
