import { describe, expect, it } from 'vitest';
import { makePaperworkFiles } from '../../adapters/common/paperwork/make-files.ts';
import type { PaperworkMaker } from '../../adapters/teams/runtime.ts';
import { cardText, eventually, messageActivity, postActivity, useTestTeams, type Who } from '../support/teams/harness.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

const CONSENT = 'application/vnd.microsoft.teams.card.file.consent';

/** A builder the test holds back: each call waits until `release()`, or fails while `failNext` is set. */
function heldBuilder() {
  const state = { calls: 0, failNext: 0, open: false, waiting: [] as (() => void)[] };
  const make: PaperworkMaker = async (deps, paperwork) => {
    state.calls += 1;
    if (!state.open) await new Promise<void>((resolve) => state.waiting.push(resolve));
    if (state.failNext > 0) {
      state.failNext -= 1;
      throw new Error('the PDF builder fell over');
    }
    return makePaperworkFiles(deps, paperwork);
  };
  const release = () => {
    state.open = true;
    state.waiting.splice(0).forEach((resolve) => resolve());
  };
  return { state, make, release };
}

const builder = heldBuilder();

describe('Teams exports are made after the turn answers (the export worker, inbox), POST /api/messages', () => {
  const t = useTestTeams(database, undefined, { makeFiles: builder.make });

  const consentIn = (conversation: string) => t.sent.filter((s) => s.path.includes(`/conversations/${conversation}/`) && s.body.attachments?.[0]?.contentType === CONSENT);

  async function withCertificate(who: Who): Promise<void> {
    await postActivity(t.teams.port, messageActivity('cert CMSS-5511 issued 2026-01-15', who));
    t.sent.length = 0;
  }

  it('the turn answers "Preparing your transcript…" while the build is still running; the consent card follows in the person\'s chat, once', async () => {
    const who = { aad: 'aad-job-slow', name: 'Sol Slow' };
    await withCertificate(who);
    const asked = messageActivity('export transcript', who);
    const answered = await postActivity(t.teams.port, asked);
    expect(answered.status).toBe(200);
    // Answered, and the builder has started (or is about to) but not finished: no file card yet.
    await eventually(() => (builder.state.calls >= 1 ? true : undefined));
    expect(builder.state.waiting).toHaveLength(1);
    expect(t.sent.map((s) => cardText(s.body.attachments?.[0]?.content))).toEqual([expect.stringContaining('Preparing your transcript…')]);
    expect(consentIn('a:personal-aad-job-slow')).toHaveLength(0);

    builder.release();
    const [card] = await eventually(() => (consentIn('a:personal-aad-job-slow').length ? consentIn('a:personal-aad-job-slow') : undefined));
    // A proactive post into the person's own chat (not a reply to the turn's activity).
    expect(card?.path).toBe('/amer/v3/conversations/a:personal-aad-job-slow/activities');
    expect(card?.body.attachments?.[0]).toMatchObject({ name: 'transcript-sol-slow-2026-11-27.pdf' });
    expect(t.sent.map((s) => cardText(s.body.attachments?.[0]?.content)).join(' ')).toContain('press Allow on the file card within 15 minutes');

    // Teams resends the activity: nothing is queued or built again.
    await postActivity(t.teams.port, asked);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(builder.state.calls).toBe(1);
    expect(consentIn('a:personal-aad-job-slow')).toHaveLength(1);
  }, 60_000);

  it('a build that fails is tried again by the worker; the person gets the card once', async () => {
    const who = { aad: 'aad-job-retry', name: 'Rita Retry' };
    await withCertificate(who);
    builder.state.calls = 0;
    builder.state.failNext = 1;
    await postActivity(t.teams.port, messageActivity('export transcript', who));
    const log = t.teams.deps.log;
    await eventually(() => log.lines.find((l) => l.message === 'inbox: delivery failed; will retry'));
    expect(consentIn('a:personal-aad-job-retry')).toHaveLength(0);
    // The worker waits 500 ms (on the core's clock) before the second attempt; it looks again within its 1 s poll.
    t.teams.deps.clock.advance({ seconds: 1 });
    await eventually(() => (consentIn('a:personal-aad-job-retry').length ? true : undefined));
    expect(builder.state.calls).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(consentIn('a:personal-aad-job-retry')).toHaveLength(1);
  }, 60_000);
});
