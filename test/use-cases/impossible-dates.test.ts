import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { renderReply } from '../../adapters/shell/render.ts';
import { ShellSession } from '../../adapters/shell/session.ts';
import { testDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

/** What the organisation's people have stored: every dated row, so a refusal can be shown to leave it as it was. */
async function stored(organisationId: string) {
  const db = database.current.db;
  const { rows } = await sql<{ what: string }>`
    select 'cred ' || number || ' ' || issued_on::text || ' ' || expires_on::text as what from credentials where organisation_id = ${organisationId}
    union all select 'fee ' || paid_on::text from fee_payments where organisation_id = ${organisationId} and deleted_at is null
    union all select 'training ' || title || ' ' || completed_on::text from trainings where organisation_id = ${organisationId} and deleted_at is null
    union all select 'draft ' || id::text from drafts where organisation_id = ${organisationId} and status = 'pending'
    order by 1`.execute(db);
  return rows.map((r) => r.what);
}

// Review finding 1 (docs/reviews/final-review.md): chrono-node read "2026-13-01" as Jan 13 and dropped
// "11/31/2026" (the training was then dated today). Each is now refused in words, nothing stored.
describe('a date that names no real day, typed in the terminal', () => {
  it('is refused on every path that reads a date (training, answer, cert, fee, edit, roster set), and nothing changes', async () => {
    const deps = testDeps(database.current.db, '2026-12-04T15:00:00Z');
    const session = new ShellSession({ deps, organisation: { externalId: 'impossible-dates', name: 'Clinic', timeZone: 'UTC' }, readFile: async (path) => ({ kind: 'missing', path }), newReference: () => 'R-1', deliverPaperwork: async (reply) => reply });
    const say = async (line: string) => (await session.handle(line)).replies.map(renderReply).join('\n');
    await session.speakAs('Dana');
    await session.speakAs('Ben');
    await session.speakAs('Dana');
    await say('cert CMSS-100 issued 2026-01-15');
    await say('log "MLN Hospice Basics" 45 min yesterday');
    await say('yes');
    const organisationId = (await database.current.db.selectFrom('organisations').select('id').where('external_id', '=', 'impossible-dates').executeTakeFirstOrThrow()).id;
    const before = await stored(organisationId);
    expect(before).toContain('training MLN Hospice Basics 2026-12-03');

    const refused: [string, string][] = [
      ['cert CMSS-200 issued 2026-13-01', '2026-13-01'],
      ['cert CMSS-200 issued 13/01/2026', '13/01/2026'],
      ['cert CMSS-200 issued 2026-01-15 expires 2/29/2027', '2/29/2027'],
      ['fee paid $85 on 2026-13-01', '2026-13-01'],
      ['fee paid on 11/31', '11/31'],
      ['edit 1 date 2026-13-01', '2026-13-01'],
      ['log "MLN Billing Basics" 45 min on 2026-13-01', '2026-13-01'],
      ['log "MLN Billing Basics" 45 min on 11/31/2026', '11/31/2026'],
      ['finished the MLN webinar on telehealth billing 2/29/2026, 45 min', '2/29/2026'],
      ['roster set @Ben cert CMSS-300 issued 2026-13-01', '2026-13-01'],
      ['roster set @Ben fee paid on 11/31/2026', '11/31/2026'],
    ];
    for (const [line, date] of refused) {
      const answer = await say(line);
      expect({ line, answer: answer.includes(`couldn't read "${date}" as a date`) || answer.includes(`"${date}"`) ? 'refused' : answer }).toEqual({ line, answer: 'refused' });
    }
    // "Which day?" answered with an impossible day: still asked, nothing logged.
    expect(await say('log "MLN Coding Update" 45 min last month')).toContain('Which day');
    expect(await say('11/31/2026')).toContain('"11/31/2026"');
    await say('no');
    expect(await stored(organisationId)).toEqual(before);

    // Real days in the same spellings still read.
    expect(await say('log "MLN Billing Basics" 45 min on 2/28/2026')).toContain('Feb 28, 2026');
    expect(await say('no')).toContain('nothing was logged');
    expect(await say('fee paid $85 on 12/1')).toContain('Dec 1, 2026');
  }, 60_000);
});
