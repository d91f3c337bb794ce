import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReply } from '../../adapters/shell/render.ts';
import { ShellSession } from '../../adapters/shell/session.ts';
import { testDeps } from '../builders/deps.ts';
import { ISSUE_10_EXAMPLES, plain, type Example } from '../support/issue-10-examples.ts';
import { interceptSlack, startTestSlack } from '../support/slack/harness.ts';
import { dmMessage, eventEnvelope } from '../support/slack/payloads.ts';
import { cardText, interceptConnector, messageActivity, postActivity, startTestTeams } from '../support/teams/harness.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

function check(example: Example, answer: string, surface: 'terminal' | 'chat'): void {
  const text = plain(answer);
  const wanted = [...example.expect, ...((surface === 'terminal' ? example.terminal : example.chat) ?? [])];
  const missing = wanted.filter((w) => !text.includes(plain(w)));
  const unwanted = (example.not ?? []).filter((w) => text.includes(plain(w)));
  // On a miss, name the message and show the whole answer.
  expect({ say: example.say, missing, unwanted, ...(missing.length || unwanted.length ? { answer: text } : {}) }).toEqual({ say: example.say, missing: [], unwanted: [] });
}

describe('issue 10’s examples in the terminal session', () => {
  it('every example answers as the issue says, a restart included', async () => {
    const organisation = { externalId: 'issue-10-terminal', name: 'Clinic', timeZone: 'America/Chicago' };
    let deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    const open = () =>
      new ShellSession({ deps, organisation, readFile: async (path) => ({ kind: 'missing', path }), newReference: () => 'R-1', deliverPaperwork: async (reply) => reply });
    let session = open();
    await session.speakAs('Sam');
    for (const [step, example] of ISSUE_10_EXAMPLES.entries()) {
      if (example.restart) {
        deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
        session = open();
        await session.speakAs('Sam');
      }
      deps.clock.advance({ seconds: 5 * (example.restart ? step + 1 : 1) });
      const outcome = await session.handle(example.say);
      check(example, [...outcome.replies.map(renderReply), outcome.notice ?? ''].join('\n'), 'terminal');
    }
  }, 120_000);
});

/** Every text a Slack message shows (its fallback and each block's), in order. */
function slackText(body: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'text' && typeof value === 'string') out.push(value);
      else walk(value);
    }
  };
  walk(body);
  return out.join('\n');
}

/** Until `count()` has not changed for a while (all the replies to one message are sent), at most `ms`. */
async function settled(count: () => number, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  let last = -1;
  let stableSince = Date.now();
  while (Date.now() < until) {
    const now = count();
    if (now !== last) [last, stableSince] = [now, Date.now()];
    else if (now > 0 && Date.now() - stableSince > 400) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('issue 10’s examples through Slack’s signed DM event (nock at the Web API) and Teams’ message activity', () => {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('Slack: every example answers as the issue says, a restart included', async () => {
    const slack = interceptSlack();
    let app = await startTestSlack(database.current.db);
    try {
      const posts = () => slack.callsTo('chat.postMessage');
      for (const [step, example] of ISSUE_10_EXAMPLES.entries()) {
        if (example.restart) {
          await app.stop();
          app = await startTestSlack(database.current.db);
        }
        // A few seconds between messages, as a person types (a restarted app's clock goes on, not back).
        app.deps.clock.advance({ seconds: 5 * (example.restart ? step + 1 : 1) });
        const before = posts().length;
        expect((await app.slack.event(eventEnvelope(dmMessage(example.say)))).status).toBe(200);
        await settled(() => posts().length - before);
        check(example, posts().slice(before).map((c) => slackText(c.body)).join('\n'), 'chat');
      }
    } finally {
      await app.stop();
    }
  }, 240_000);

  it('Teams: every example answers as the issue says, a restart included', async () => {
    const sent = interceptConnector();
    let teams = await startTestTeams(database.current.db);
    const who = { aad: 'aad-issue-10', name: 'Sam Scribe' };
    try {
      for (const [step, example] of ISSUE_10_EXAMPLES.entries()) {
        if (example.restart) {
          await teams.stop();
          teams = await startTestTeams(database.current.db);
        }
        teams.deps.clock.advance({ seconds: 5 * (example.restart ? step + 1 : 1) });
        const before = sent.length;
        // Teams answers within the request: the replies are sent when the POST returns.
        expect((await postActivity(teams.port, messageActivity(example.say, who))).status).toBe(200);
        check(example, sent.slice(before).map((a) => [a.body.text ?? '', ...(a.body.attachments ?? []).map((c) => cardText(c.content))].join('\n')).join('\n'), 'chat');
      }
    } finally {
      await teams.stop();
    }
  }, 240_000);
});
