import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.ts';
import { claimDueInbound, countInbound, enqueueInbound } from '../../src/db/repositories/inbound-deliveries.ts';
import { InboxDrainer, type DrainerOptions } from '../../src/inbox/drainer.ts';
import type { InboundDelivery, InboundHandler } from '../../src/inbox/handler.ts';
import { fixedClock, type FixedClock } from '../fakes/fixed-clock.ts';
import { RecordingLogger } from '../fakes/recording-logger.ts';
import { useTestDatabase } from '../support/test-database.ts';

/**
 * The transactional inbox: every stored delivery has exactly one effect, whatever fails — the effect
 * itself, the reply, the worker (its lease runs out), or several workers racing for the same rows.
 */
const database = useTestDatabase();

beforeAll(async () => {
  await sql`create table if not exists test_effects (delivery_id text primary key, platform text not null)`.execute(database.current.db.withoutPlugins());
});

/** A handler whose effect is a row per delivery (a second effect would violate the primary key). */
function recordingHandler(platform: string, faults: { applyFails?: (d: InboundDelivery) => boolean; deliverFails?: (d: InboundDelivery) => boolean } = {}) {
  const delivered: { id: string; outcome: unknown; failed: boolean }[] = [];
  const handler: InboundHandler<string> = {
    prepare: async (d) => `prepared ${d.deliveryId}`,
    apply: async (deps, d, prepared) => {
      await sql`insert into test_effects (delivery_id, platform) values (${d.deliveryId}, ${platform})`.execute(deps.db.withoutPlugins());
      if (faults.applyFails?.(d)) throw new Error('connection terminated (simulated)');
      return { done: d.deliveryId, prepared };
    },
    deliver: async (d, outcome, failed) => {
      if (faults.deliverFails?.(d)) throw new Error('platform unreachable (simulated)');
      delivered.push({ id: d.deliveryId, outcome, failed });
    },
    failure: (d, reference) => ({ failedFor: d.deliveryId, reference }),
  };
  return { handler, delivered };
}

function drainer(db: Db, clock: FixedClock, platform: string, handler: InboundHandler, options: Partial<DrainerOptions> = {}) {
  return new InboxDrainer({ db, clock, log: new RecordingLogger(), newReference: () => 'ref1' }, new Map([[platform, handler]]), { concurrency: 4, backoffMs: () => 1_000, ...options });
}

async function enqueue(platform: string, n: number, clock: FixedClock): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `${platform}-${i}`);
  for (const id of ids) await enqueueInbound(database.current.db, { platform, deliveryId: id, kind: 'test', tenantKey: 'T1', userKey: 'U1', payload: { id } }, clock.now().toJSDate());
  return ids;
}

async function effectsOf(platform: string): Promise<string[]> {
  const { rows } = await sql<{ delivery_id: string }>`select delivery_id from test_effects where platform = ${platform} order by delivery_id`.execute(database.current.db.withoutPlugins());
  return rows.map((r) => r.delivery_id);
}

describe('the inbox', () => {
  it('stores a delivery once, however often the platform sends it', async () => {
    const platform = `p-${randomUUID()}`;
    const clock = fixedClock('2026-12-01T10:00:00Z');
    const item = { platform, deliveryId: 'E1', kind: 'test', tenantKey: 'T1', userKey: 'U1', payload: {} };
    const first = await enqueueInbound(database.current.db, item, clock.now().toJSDate());
    const again = await Promise.all([1, 2, 3].map(() => enqueueInbound(database.current.db, item, clock.now().toJSDate())));
    expect([first, ...again]).toEqual([true, false, false, false]);
  });

  it('does each effect once and sends its outcome, stored with the effect', async () => {
    const platform = `p-${randomUUID()}`;
    const clock = fixedClock('2026-12-01T10:00:00Z');
    const ids = await enqueue(platform, 12, clock);
    const { handler, delivered } = recordingHandler(platform);
    expect(await drainer(database.current.db, clock, platform, handler).drainOnce()).toBe(12);
    expect(await effectsOf(platform)).toEqual([...ids].sort());
    expect(delivered.map((d) => d.id).sort()).toEqual([...ids].sort());
    expect(delivered[0]?.outcome).toMatchObject({ prepared: expect.stringContaining('prepared') });
  });

  it('rolls a failed effect back and retries it after the back-off; the effect happens once', async () => {
    const platform = `p-${randomUUID()}`;
    const clock = fixedClock('2026-12-01T10:00:00Z');
    await enqueue(platform, 3, clock);
    let failures = 2;
    const { handler, delivered } = recordingHandler(platform, { applyFails: () => failures-- > 0 });
    const d = drainer(database.current.db, clock, platform, handler);
    await d.drainOnce();
    expect(delivered).toHaveLength(1); // two failed, rolled back, and wait for their back-off
    await d.drainOnce();
    expect(delivered).toHaveLength(1); // not due yet: the clock has not moved
    clock.advance({ seconds: 2 });
    await d.drainOnce();
    expect(delivered).toHaveLength(3);
    expect(await effectsOf(platform)).toHaveLength(3);
  });

  it('tells the person when an effect failed for good, and stores nothing of it', async () => {
    const platform = `p-${randomUUID()}`;
    const clock = fixedClock('2026-12-01T10:00:00Z');
    await enqueue(platform, 1, clock);
    const { handler, delivered } = recordingHandler(platform, { applyFails: () => true });
    const d = drainer(database.current.db, clock, platform, handler, { maxAttempts: 3 });
    for (let i = 0; i < 3; i += 1) {
      await d.drainOnce();
      clock.advance({ seconds: 2 });
    }
    expect(delivered).toEqual([{ id: `${platform}-0`, outcome: { failedFor: `${platform}-0`, reference: 'ref1' }, failed: true }]);
    expect(await effectsOf(platform)).toEqual([]);
  });

  it('resends an outcome that could not be sent, without doing the effect again', async () => {
    const platform = `p-${randomUUID()}`;
    const clock = fixedClock('2026-12-01T10:00:00Z');
    await enqueue(platform, 1, clock);
    let down = true;
    const { handler, delivered } = recordingHandler(platform, { deliverFails: () => down });
    const d = drainer(database.current.db, clock, platform, handler);
    await d.drainOnce();
    expect(delivered).toHaveLength(0);
    down = false;
    clock.advance({ seconds: 2 });
    await d.drainOnce();
    expect(delivered).toHaveLength(1);
    expect(await effectsOf(platform)).toHaveLength(1);
  });

  it('takes over a delivery whose worker died (its lease ran out) and does it once', async () => {
    const platform = `p-${randomUUID()}`;
    const clock = fixedClock('2026-12-01T10:00:00Z');
    await enqueue(platform, 2, clock);
    // A worker takes both and dies before doing anything (a crash, kill -9, a lost connection).
    expect(await claimDueInbound(database.current.db, [platform], clock.now().toJSDate(), 60_000, 10)).toHaveLength(2);
    const { handler, delivered } = recordingHandler(platform);
    const d = drainer(database.current.db, clock, platform, handler, { leaseMs: 60_000 });
    expect(await d.drainOnce()).toBe(0);
    clock.advance({ seconds: 61 });
    expect(await d.drainOnce()).toBe(2);
    expect(delivered).toHaveLength(2);
    expect(await effectsOf(platform)).toHaveLength(2);
  });

  it('the only process of a database takes back, at start, what its killed previous run held', async () => {
    const platform = `p-${randomUUID()}`;
    const clock = fixedClock('2026-12-01T10:00:00Z');
    await enqueue(platform, 3, clock);
    expect(await claimDueInbound(database.current.db, [platform], clock.now().toJSDate(), 60_000, 10)).toHaveLength(3);
    const { handler, delivered } = recordingHandler(platform);
    const restarted = drainer(database.current.db, clock, platform, handler, { exclusive: true, pollMs: 20 });
    restarted.start();
    const until = Date.now() + 10_000;
    while (delivered.length < 3 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    await restarted.stop();
    expect(delivered).toHaveLength(3);
    expect(await effectsOf(platform)).toHaveLength(3);
  });

  it('a worker whose lease ran out while it was still preparing writes nothing: the one that took over did it', async () => {
    const platform = `p-${randomUUID()}`;
    const clock = fixedClock('2026-12-01T10:00:00Z');
    await enqueue(platform, 1, clock);
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const slow = recordingHandler(platform);
    const stalled = drainer(database.current.db, clock, platform, { ...slow.handler, prepare: async (d) => (await gate, `slow ${d.deliveryId}`) }, { leaseMs: 60_000 });
    const first = stalled.drainOnce();
    await new Promise((resolve) => setTimeout(resolve, 100));
    clock.advance({ seconds: 61 });
    const quick = recordingHandler(platform);
    await drainer(database.current.db, clock, platform, quick.handler, { leaseMs: 60_000 }).drainOnce();
    open();
    await first;
    expect(quick.delivered).toHaveLength(1);
    expect(slow.delivered).toHaveLength(0);
    expect(await effectsOf(platform)).toHaveLength(1);
  });

  it('three workers racing on 150 deliveries do each effect once (5 rounds)', async () => {
    for (let round = 0; round < 5; round += 1) {
      const platform = `p-${randomUUID()}`;
      const clock = fixedClock('2026-12-01T10:00:00Z');
      const ids = await enqueue(platform, 150, clock);
      const handlers = [1, 2, 3].map(() => recordingHandler(platform));
      const workers = handlers.map((h) => drainer(database.current.db, clock, platform, h.handler, { concurrency: 3, pollMs: 20 }));
      for (const w of workers) w.start();
      const until = Date.now() + 60_000;
      while ((await effectsOf(platform)).length < ids.length && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
      await Promise.all(workers.map((w) => w.stop()));
      expect(await effectsOf(platform)).toEqual([...ids].sort());
      expect(handlers.flatMap((h) => h.delivered.map((d) => d.id)).sort()).toEqual([...ids].sort());
    }
    const counts = await countInbound(database.current.db);
    expect(counts.processing).toBe(0);
  }, 120_000);

  it('works on one delivery at a time while told to hold back (acknowledgements queueing), and on all of its workers after', async () => {
    const platform = `p-${randomUUID()}`;
    const clock = fixedClock('2026-12-01T10:00:00Z');
    const ids = await enqueue(platform, 6, clock);
    const { handler, delivered } = recordingHandler(platform);
    let running = 0;
    let most = 0;
    const counted: InboundHandler<string> = {
      ...handler,
      prepare: async (d) => ((running += 1), (most = Math.max(most, running)), handler.prepare(d)),
      deliver: async (d, outcome, failed) => (await handler.deliver(d, outcome, failed), void (running -= 1)),
    };
    let crowded = true;
    const worker = drainer(database.current.db, clock, platform, counted, { pollMs: 5, holdBack: () => crowded });
    worker.start();
    try {
      while (delivered.length < 3) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(most).toBe(1);
      crowded = false;
      worker.kick();
      while (delivered.length < ids.length) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(await effectsOf(platform)).toEqual([...ids].sort());
    } finally {
      await worker.stop();
    }
  });

  it('keeps its held share of workers busy while held back, never more', async () => {
    const platform = `p-${randomUUID()}`;
    const clock = fixedClock('2026-12-01T10:00:00Z');
    const ids = await enqueue(platform, 12, clock);
    const { handler, delivered } = recordingHandler(platform);
    let running = 0;
    let most = 0;
    const counted: InboundHandler<string> = {
      ...handler,
      prepare: async (d) => ((running += 1), (most = Math.max(most, running)), await new Promise((resolve) => setTimeout(resolve, 20)), handler.prepare(d)),
      deliver: async (d, outcome, failed) => (await handler.deliver(d, outcome, failed), void (running -= 1)),
    };
    const worker = drainer(database.current.db, clock, platform, counted, { pollMs: 5, holdBack: () => true, heldConcurrency: 2 });
    worker.start();
    try {
      while (delivered.length < ids.length) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(most).toBe(2);
      expect(await effectsOf(platform)).toEqual([...ids].sort());
    } finally {
      await worker.stop();
    }
  });
});
