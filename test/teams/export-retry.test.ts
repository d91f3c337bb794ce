import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { cardText, eventually, messageActivity, postActivity, SERVICE_URL, useTestTeams, type SentActivity, type Who } from '../support/teams/harness.ts';
import { useTestDatabase } from '../support/test-database.ts';

/**
 * The export worker's posts (the note, then a file consent card) are each made at most once: a
 * retried delivery resumes after what was sent. Driven through POST /api/messages and the real
 * inbox workers, with the connector in nock.
 */
const database = useTestDatabase();

const CONSENT = 'application/vnd.microsoft.teams.card.file.consent';

interface Connector {
  readonly posts: SentActivity[];
  /** Hold the next proactive post into `conversation` until `release()`. */
  hold(conversation: string): void;
  /** Answer the next proactive post with this file consent card 429 (Teams created nothing). */
  refuseNextConsent(): void;
  held(): boolean;
  release(): void;
}

/** The connector at SERVICE_URL: every post recorded; a proactive post (not a reply) can be held back or refused. */
function connector(): Connector {
  const posts: SentActivity[] = [];
  const state = { holdIn: '', waiting: null as (() => void) | null, refuse: false };
  nock.cleanAll();
  nock(SERVICE_URL.replace(/\/amer\/$/, ''))
    .persist()
    .post(/\/amer\/v3\/conversations\/.*\/activities.*/)
    .reply(async (req: Request) => {
      const path = decodeURIComponent(new URL(req.url).pathname);
      const body = JSON.parse(await req.text()) as SentActivity['body'];
      const proactive = path.endsWith('/activities');
      if (proactive && state.holdIn && path.includes(state.holdIn)) {
        state.holdIn = '';
        await new Promise<void>((resolve) => (state.waiting = resolve));
      }
      if (proactive && state.refuse && body.attachments?.[0]?.contentType === CONSENT) {
        state.refuse = false;
        return [429, { error: { code: 'Throttled', message: 'slow down' } }, { 'retry-after': '1' }];
      }
      posts.push({ path, body });
      return [200, { id: `sent-${posts.length}` }];
    });
  return {
    posts,
    hold: (conversation) => void (state.holdIn = conversation),
    refuseNextConsent: () => void (state.refuse = true),
    held: () => state.waiting !== null,
    release: () => {
      state.waiting?.();
      state.waiting = null;
    },
  };
}

describe('Teams: a retried export delivery resumes, never resends (POST /api/messages, inbox workers)', () => {
  const t = useTestTeams(database);

  async function asked(who: Who): Promise<void> {
    await postActivity(t.teams.port, messageActivity('cert CMSS-6611 issued 2026-01-15', who));
    expect((await postActivity(t.teams.port, messageActivity('export transcript', who))).status).toBe(200);
  }

  const proactiveIn = (c: Connector, chat: string) => c.posts.filter((p) => p.path === `/amer/v3/conversations/${chat}/activities`);
  const notes = (c: Connector, chat: string) => proactiveIn(c, chat).filter((p) => cardText(p.body.attachments?.[0]?.content).includes('press Allow on the file card'));
  const consents = (c: Connector, chat: string) => proactiveIn(c, chat).filter((p) => p.body.attachments?.[0]?.contentType === CONSENT);

  it('a second worker taking the delivery over while the first post is still on its way sends only what is left; each post arrives once (8 times)', async () => {
    for (let round = 0; round < 8; round += 1) {
      const who = { aad: `aad-export-takeover-${round}`, name: `Tess Takeover${round}` };
      const chat = `a:personal-${who.aad}`;
      const c = connector();
      c.hold(chat);
      await asked(who);
      // The first worker's note is on its way; its lease (30 s on the core's clock) runs out, so the other worker takes the delivery.
      await eventually(() => (c.held() ? true : undefined));
      t.teams.deps.clock.advance({ seconds: 31 });
      await eventually(() => (consents(c, chat).length ? true : undefined));
      c.release();
      await eventually(() => (notes(c, chat).length ? true : undefined));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(notes(c, chat)).toHaveLength(1);
      expect(consents(c, chat)).toHaveLength(1);
      expect(proactiveIn(c, chat)).toHaveLength(2);
    }
  }, 180_000);

  it('a file card refused with 429 is sent again by the retry, and the note before it is not', async () => {
    const who = { aad: 'aad-export-429', name: 'Rory Retry' };
    const chat = `a:personal-${who.aad}`;
    const c = connector();
    c.refuseNextConsent();
    await asked(who);
    await eventually(() => t.teams.deps.log.lines.find((l) => l.message === 'inbox: could not send the reply; will retry'));
    expect(notes(c, chat)).toHaveLength(1);
    expect(consents(c, chat)).toHaveLength(0);
    // The reply's back-off is on the core's clock; the worker looks again within its 1 s poll.
    t.teams.deps.clock.advance({ seconds: 5 });
    await eventually(() => (consents(c, chat).length ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(notes(c, chat)).toHaveLength(1);
    expect(consents(c, chat)).toHaveLength(1);
  }, 60_000);
});
