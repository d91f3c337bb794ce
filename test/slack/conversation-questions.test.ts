import { describe, expect, it } from 'vitest';
import { textOf, waitFor, useTestSlack } from '../support/slack/harness.ts';
import { commandFields, USER } from '../support/slack/payloads.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

// Issue 10's examples, verbatim and in order, through Slack's signed slash-command entry point (the
// shared core with Slack's options): each reply must say what the issue asks.
const EXAMPLES: readonly (readonly [string, readonly string[]])[] = [
  ['my certificate number is CMSS-40211, issued March 10, 2026', ['CMSS-40211']],
  ['fee paid $850', ['underpaid, or a typo', 'Nothing is recorded yet']],
  ['fee paid $80', ['underpaid, or a typo', 'fee paid $80 anyway']],
  ['fee paid $80 anyway', ['$80']],
  ['status', ['Renewal fee $85: paid $80 on Nov 27, 2026 — $5 short']],
  ['attended AHIMA coding seminar, 60 min, last week', ['Nothing here says CMS or MLN', 'ceu_confirm']],
  ['yes', ['AHIMA coding seminar']],
];

describe('Slack: issue 10’s questions through the signed HTTP entry point', () => {
  const t = useTestSlack(database);

  it('questions a certificate number someone else holds, and saves it once confirmed with `anyway`', async () => {
    const steps: readonly (readonly [string, string, readonly string[]])[] = [
      [USER, 'cert CMSS-40211 issued March 10, 2026', ['CMSS-40211']],
      ['U0OTHER', 'cert CMSS-40211 issued March 10, 2026', ['Someone else here already has certificate number CMSS-40211', 'Nothing is saved yet']],
      ['U0OTHER', 'cert CMSS-40211 issued March 10, 2026 anyway', ['CMSS-40211']],
    ];
    for (const [user, text, expected] of steps) {
      const before = t.slack.callsTo('response_url').length;
      await t.app.slack.command(commandFields(text, { user_id: user }));
      // A step that saves must not also be questioned.
      const questioned = expected.some((e) => e.startsWith('Someone else'));
      const says = (body: Record<string, unknown>) => expected.every((e) => textOf(body).includes(e)) && (questioned || !textOf(body).includes('Someone else'));
      await waitFor(() => t.slack.callsTo('response_url').slice(before).some((c) => says(c.body)));
    }
  });

  it('questions a fee amount and a training that may not be CMS/MLN, and keeps what was confirmed', async () => {
    for (const [text, expected] of EXAMPLES) {
      const before = t.slack.callsTo('response_url').length;
      const response = await t.app.slack.command(commandFields(text));
      expect(response.status).toBe(200);
      const answered = () => t.slack.callsTo('response_url').slice(before).some((c) => expected.every((e) => textOf(c.body).includes(e)));
      await waitFor(answered).catch(() => undefined);
      // On a miss, name the message and show what Slack was sent.
      expect({ text, answered: answered() ? 'yes' : t.slack.callsTo('response_url').slice(before).map((c) => textOf(c.body)) }).toEqual({ text, answered: 'yes' });
    }
  });
});
