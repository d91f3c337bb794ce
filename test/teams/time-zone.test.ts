import { describe, expect, it } from 'vitest';
import { cardText, messageActivity, postActivity, TENANT, useTestTeams, type Who } from '../support/teams/harness.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();

// The test clock is 2026-11-27T15:00:00Z: Friday 27 November in Chicago (09:00), already Saturday 28 in Auckland (04:00, NZDT).
describe('a Teams activity\'s zone (localTimezone, or the clientInfo entity) is the person\'s (POST /api/messages)', () => {
  const t = useTestTeams(database);

  async function said(text: string, who: Who, extra: Record<string, unknown>): Promise<string> {
    t.sent.length = 0;
    await postActivity(t.teams.port, messageActivity(text, who, extra));
    return t.sent.map((s) => cardText(s.body.attachments?.[0]?.content)).join(' | ');
  }

  async function storedZone(aad: string): Promise<string | null> {
    const db = database.current.db;
    const org = await db.selectFrom('organisations').select('id').where('platform', '=', 'teams').where('external_id', '=', TENANT).executeTakeFirstOrThrow();
    const row = await db.selectFrom('people').select('time_zone').where('organisation_id', '=', org.id).where('platform_user_id', '=', aad).executeTakeFirst();
    return row?.time_zone ?? null;
  }

  it('localTimezone sets the zone: "today" is the person\'s day, and the preview shows it', async () => {
    const text = await said('log "Zone webinar" today 45 min', { aad: 'aad-tz-auckland', name: 'Aroha Auckland' }, { localTimezone: 'Pacific/Auckland' });
    expect(await storedZone('aad-tz-auckland')).toBe('Pacific/Auckland');
    expect(text).toContain('Date: Nov 28, 2026');
    const chicago = await said('log "Zone webinar" today 45 min', { aad: 'aad-tz-chicago', name: 'Cal Chicago' }, { localTimezone: 'America/Chicago' });
    expect(await storedZone('aad-tz-chicago')).toBe('America/Chicago');
    expect(chicago).toContain('Date: Nov 27, 2026');
  }, 60_000);

  it('without localTimezone, the clientInfo entity\'s timezone is used (the form card\'s date too)', async () => {
    const who = { aad: 'aad-tz-clientinfo', name: 'Cleo Client' };
    const entities = [{ type: 'clientInfo', locale: 'en-NZ', country: 'NZ', platform: 'Web', timezone: 'Pacific/Auckland' }];
    const text = await said('log "Entity webinar" today 45 min', who, { localTimezone: undefined, entities });
    expect(await storedZone('aad-tz-clientinfo')).toBe('Pacific/Auckland');
    expect(text).toContain('Date: Nov 28, 2026');
    await said('log', who, { localTimezone: undefined, entities });
    const form = t.sent.at(-1)?.body.attachments?.[0]?.content as { body: Record<string, unknown>[] } | undefined;
    expect(form?.body.find((e) => e.id === 'completedOn')).toMatchObject({ value: '2026-11-28', max: '2026-11-28' });
  });

  it('an unknown zone, or none at all, keeps the zone stored before', async () => {
    const who = { aad: 'aad-tz-keep', name: 'Kim Keep' };
    await said('status', who, { localTimezone: 'Pacific/Auckland' });
    await said('status', who, { localTimezone: 'Mars/Olympus_Mons' });
    expect(await storedZone('aad-tz-keep')).toBe('Pacific/Auckland');
    const text = await said('log "Kept webinar" today 45 min', who, { localTimezone: undefined });
    expect(await storedZone('aad-tz-keep')).toBe('Pacific/Auckland');
    expect(text).toContain('Date: Nov 28, 2026');
    // The form card's "today" too, though this activity names no zone.
    await said('log', who, { localTimezone: undefined });
    const form = t.sent.at(-1)?.body.attachments?.[0]?.content as { body: Record<string, unknown>[] } | undefined;
    expect(form?.body.find((e) => e.id === 'completedOn')).toMatchObject({ value: '2026-11-28', max: '2026-11-28' });
  });

  it('someone new whose activity names no zone gets the form for today in UTC', async () => {
    await said('log', { aad: 'aad-tz-new', name: 'Nell New' }, { localTimezone: undefined });
    const form = t.sent.at(-1)?.body.attachments?.[0]?.content as { body: Record<string, unknown>[] } | undefined;
    expect(form?.body.find((e) => e.id === 'completedOn')).toMatchObject({ value: '2026-11-27' });
  });
});
