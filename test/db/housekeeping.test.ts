import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { offerFile, takeFileOffer } from '../../src/db/repositories/file-offers.ts';
import { houseKeep } from '../../src/db/repositories/housekeeping.ts';
import { givenActor } from '../builders/actor.ts';
import { testDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';

const database = useTestDatabase();
const NOW = DateTime.fromISO('2026-12-03T12:00:00Z', { zone: 'utc' });
const ago = (minutes: number) => NOW.minus({ minutes }).toJSDate();

describe('housekeeping: replay guards past Slack\'s retry window, abandoned drafts', () => {
  it('prunes old processed ids and finished deliveries, cancels drafts idle 14 days, keeps the rest; twice is harmless', async () => {
    const deps = testDeps(database.current.db, NOW.toISO() ?? '');
    const ana = await givenActor(deps, { name: 'Ana' });
    const db = deps.db;
    await db.insertInto('processed_inbound').values([
      { source: 'slack', inbound_id: 'old', organisation_id: ana.organisationId, received_at: ago(61) },
      { source: 'slack', inbound_id: 'recent', organisation_id: ana.organisationId, received_at: ago(30) },
    ]).execute();
    const delivery = (id: string, status: 'finished' | 'pending', minutes: number) => ({ platform: 'slack', delivery_id: id, kind: 'event', tenant_key: 'T1', user_key: null, payload: '{}', received_at: ago(minutes), status, available_at: ago(minutes) });
    await db.insertInto('inbound_deliveries').values([delivery('d-old', 'finished', 90), delivery('d-old-pending', 'pending', 90), delivery('d-new', 'finished', 10)]).execute();
    const draft = (updated: Date, status: 'open' | 'confirmed') => ({ organisation_id: ana.organisationId, person_id: ana.personId, status, payload: '{}', source: 'chat', created_at: updated, updated_at: updated });
    await db.insertInto('drafts').values([draft(NOW.minus({ days: 15 }).toJSDate(), 'open'), draft(NOW.minus({ days: 15 }).toJSDate(), 'confirmed'), draft(NOW.minus({ days: 2 }).toJSDate(), 'open')]).execute();

    expect(await houseKeep(db, NOW)).toEqual({ processedInbound: 1, inboundDeliveries: 1, draftsExpired: 1, fileOffersExpired: 0 });
    expect(await houseKeep(db, NOW)).toEqual({ processedInbound: 0, inboundDeliveries: 0, draftsExpired: 0, fileOffersExpired: 0 });
    expect((await db.selectFrom('processed_inbound').select('inbound_id').where('organisation_id', '=', ana.organisationId).execute()).map((r) => r.inbound_id)).toEqual(['recent']);
    expect((await db.selectFrom('inbound_deliveries').select('delivery_id').orderBy('delivery_id').execute()).map((r) => r.delivery_id)).toEqual(['d-new', 'd-old-pending']);
    const drafts = await db.selectFrom('drafts').select('status').where('organisation_id', '=', ana.organisationId).orderBy('created_at').orderBy('status').execute();
    expect(drafts.map((d) => d.status).sort()).toEqual(['cancelled', 'confirmed', 'open']);
  });

  it('deletes file offers past their expiry (taken or not) and keeps those still waiting, whoever they belong to', async () => {
    const deps = testDeps(database.current.db, NOW.toISO() ?? '');
    const ana = await givenActor(deps, { name: 'Ana Offers' });
    const ben = await givenActor(deps, { name: 'Ben Offers' });
    const db = deps.db;
    const file = { fileName: 'transcript.pdf', mediaType: 'application/pdf', bytes: new Uint8Array([37, 80, 68, 70]) };
    // Offered 19 and 16 minutes ago for 15 minutes: expired; one expiring exactly now: expired; one 5 minutes ago: waiting.
    // (Offering a file also deletes that person's offers expired by then, so these are made in time order.)
    const expired = await offerFile(db, ana.organisationId, ana.personId, file, ago(19), ago(4));
    const takenExpired = await offerFile(db, ben.organisationId, ben.personId, file, ago(16), ago(1));
    expect(await takeFileOffer(db, ben.organisationId, ben.personId, takenExpired, ago(10))).not.toBeNull();
    const atNow = await offerFile(db, ben.organisationId, ben.personId, file, ago(15), NOW.toJSDate());
    const waiting = await offerFile(db, ana.organisationId, ana.personId, file, ago(5), NOW.plus({ minutes: 10 }).toJSDate());
    const offers = () => db.selectFrom('file_offers').select('id').where('organisation_id', 'in', [ana.organisationId, ben.organisationId]).execute();
    expect((await offers()).map((r) => r.id).sort()).toEqual([expired, takenExpired, atNow, waiting].sort());

    expect((await houseKeep(db, NOW)).fileOffersExpired).toBe(3);
    expect((await offers()).map((r) => r.id)).toEqual([waiting]);
    expect((await houseKeep(db, NOW)).fileOffersExpired).toBe(0);
    expect(await takeFileOffer(db, ana.organisationId, ana.personId, waiting, NOW.toJSDate())).toMatchObject({ fileName: 'transcript.pdf' });
  });
});
