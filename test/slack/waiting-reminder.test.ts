import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { interceptSlack, startTestSlack, textOf, waitFor, type TestSlack } from '../support/slack/harness.ts';
import { commandFields, dmMessage, eventEnvelope } from '../support/slack/payloads.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

const REMINDER = 'Before I forget: this preview is still waiting for you.';

// Issue 10: a preview pending when the bot restarts is still there, and the person is reminded of it
// the next time they speak — in a DM or with `/ceu`, through Slack's signed entry point.
describe('Slack: a waiting preview is mentioned the next time the person speaks, across a restart', () => {
  let app: TestSlack;
  let slack: ReturnType<typeof interceptSlack>;

  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterAll(() => nock.enableNetConnect());
  beforeEach(async () => {
    slack = interceptSlack();
    app = await startTestSlack(database.current.db);
  });
  afterEach(async () => {
    await app.stop();
    nock.cleanAll();
  });

  /** Stop this instance and start another on the same database (a restart). */
  async function restart(): Promise<void> {
    await app.stop();
    app = await startTestSlack(database.current.db);
  }

  const posted = () => slack.callsTo('chat.postMessage').map((c) => textOf(c.body));
  const responded = () => slack.callsTo('response_url').map((c) => textOf(c.body));

  it.each([
    ['a DM', 'dm'],
    ['`/ceu`', 'command'],
  ] as const)('in %s: reminded once with its Confirm button, and the preview can still be logged', async (_where, how) => {
    const user = how === 'dm' ? 'U0DMREMIND' : 'U0CMDREMIND';
    const say = async (text: string): Promise<void> => {
      if (how === 'dm') await app.slack.event(eventEnvelope(dmMessage(text, { user })));
      else await app.slack.command(commandFields(text, { user_id: user }));
    };
    const sent = how === 'dm' ? posted : responded;
    await say('log "MLN Course A" 45 min yesterday');
    await waitFor(() => sent().some((t) => t.includes('ceu_confirm') && t.includes('MLN Course A')));
    // Shown with its preview: no reminder yet.
    expect(sent().some((t) => t.includes(REMINDER))).toBe(false);
    await restart();
    const before = sent().length;
    await say('hi');
    await waitFor(() => sent().slice(before).some((t) => t.includes(REMINDER)));
    const reminder = sent().slice(before).find((t) => t.includes(REMINDER)) ?? '';
    expect(reminder).toContain('MLN Course A');
    expect(reminder).toContain('ceu_confirm');
    // Once: the next message is answered on its own.
    const later = sent().length;
    await say('status');
    await waitFor(() => sent().length > later);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sent().slice(later).some((t) => t.includes(REMINDER))).toBe(false);
    const beforeYes = sent().length;
    await say('yes');
    await waitFor(() => sent().slice(beforeYes).some((t) => t.includes('Logged')));
    expect(sent().slice(beforeYes).join(' ')).toContain('MLN Course A');
  });
});
