import type { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { JobQueue } from '../../../src/scheduler/queue.ts';
import { JOBS, SCHEDULES, SEND_FAN_OUT, startScheduler } from '../../../src/scheduler/scheduler.ts';
import type { ScheduledWork } from '../../../src/scheduler/work.ts';
import { fixedClock } from '../../fakes/fixed-clock.ts';
import { RecordingLogger } from '../../fakes/recording-logger.ts';

/** A queue that keeps what it was told: the handlers by name, the schedules, the jobs sent. */
class FakeQueue implements JobQueue {
  readonly handlers = new Map<string, () => Promise<void>>();
  readonly schedules: { name: string; cron: string }[] = [];
  readonly sent: { name: string; slot: string | undefined }[] = [];
  async work(name: string, handler: () => Promise<void>): Promise<void> {
    this.handlers.set(name, handler);
  }
  async schedule(name: string, cron: string): Promise<void> {
    this.schedules.push({ name, cron });
  }
  async send(name: string, slot?: string): Promise<void> {
    this.sent.push({ name, slot });
  }
  async run(name: string): Promise<void> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`no worker for ${name}`);
    await handler();
  }
}

/** Work that records the instant each job was given, and answers as told. */
function recordingWork(due: { value: boolean; notes: number }) {
  const calls: { job: string; now: string | null }[] = [];
  const iso = (now: DateTime) => now.toISO();
  const work: ScheduledWork = {
    plan: async (now) => (calls.push({ job: 'plan', now: iso(now) }), { added: 2, due: due.value }),
    send: async () => (calls.push({ job: 'send', now: null }), { sent: 1, 'rate-limited': 0, retry: 0, unknown: 0, permanent: 0, failed: 0, skipped: 0, requeued: 0 }),
    unknownNotes: async (now) => (calls.push({ job: 'unknownNotes', now: iso(now) }), due.notes),
    snapshots: async (now) => (calls.push({ job: 'snapshots', now: iso(now) }), 4),
    houseKeep: async (now) => (calls.push({ job: 'houseKeep', now: iso(now) }), { processedInbound: 1, inboundDeliveries: 0, draftsExpired: 2, fileOffersExpired: 0 }),
  };
  return { work, calls };
}

describe('the scheduler module (a fake queue, a fixed clock)', () => {
  it('registers a worker for every job and the cron schedules (every minute for planning), nothing else', async () => {
    const queue = new FakeQueue();
    await startScheduler(queue, recordingWork({ value: false, notes: 0 }).work, fixedClock('2027-03-14T13:00:00Z'), new RecordingLogger());
    expect([...queue.handlers.keys()].sort()).toEqual(Object.values(JOBS).sort());
    expect(queue.schedules).toEqual(SCHEDULES);
    expect(queue.schedules.find((s) => s.name === JOBS.plan)?.cron).toBe('* * * * *');
    // A start plans at once (catch-up after downtime), not at the next minute.
    expect(queue.sent).toEqual([{ name: JOBS.plan, slot: 'start' }]);
  });

  it('the plan job passes the clock\'s now and queues one send job per slot when something is due', async () => {
    const queue = new FakeQueue();
    const clock = fixedClock('2027-03-14T13:00:00Z');
    const due = { value: true, notes: 0 };
    const { work, calls } = recordingWork(due);
    await startScheduler(queue, work, clock, new RecordingLogger());
    queue.sent.length = 0;
    await queue.run(JOBS.plan);
    expect(calls).toEqual([{ job: 'plan', now: '2027-03-14T13:00:00.000Z' }]);
    expect(queue.sent).toEqual(Array.from({ length: SEND_FAN_OUT }, (_, i) => ({ name: JOBS.send, slot: `slot-${i}` })));
    // A minute later nothing is due: planned, no send job.
    clock.advance({ minutes: 1 });
    due.value = false;
    await queue.run(JOBS.plan);
    expect(calls.at(-1)).toEqual({ job: 'plan', now: '2027-03-14T13:01:00.000Z' });
    expect(queue.sent).toHaveLength(SEND_FAN_OUT);
  });

  it('send, snapshots, housekeeping and the unknown-deliveries note run their work at the clock\'s now', async () => {
    const queue = new FakeQueue();
    const log = new RecordingLogger();
    const due = { value: false, notes: 0 };
    const { work, calls } = recordingWork(due);
    await startScheduler(queue, work, fixedClock('2027-03-15T13:00:00Z'), log);
    queue.sent.length = 0;
    await queue.run(JOBS.send);
    await queue.run(JOBS.snapshots);
    await queue.run(JOBS.housekeeping);
    await queue.run(JOBS.unknownNotes);
    expect(queue.sent).toEqual([]);
    due.notes = 2;
    await queue.run(JOBS.unknownNotes);
    expect(queue.sent.map((s) => s.name)).toEqual(Array(SEND_FAN_OUT).fill(JOBS.send));
    const at = '2027-03-15T13:00:00.000Z';
    expect(calls).toEqual([{ job: 'send', now: null }, { job: 'snapshots', now: at }, { job: 'houseKeep', now: at }, { job: 'unknownNotes', now: at }, { job: 'unknownNotes', now: at }]);
    expect(log.lines.find((l) => l.message === 'housekeeping done')?.fields).toEqual({ processedInbound: 1, inboundDeliveries: 0, draftsExpired: 2, fileOffersExpired: 0 });
  });

  it('a job whose work fails rejects, so the queue retries it (no error is swallowed)', async () => {
    const queue = new FakeQueue();
    const { work } = recordingWork({ value: false, notes: 0 });
    await startScheduler(queue, { ...work, houseKeep: async () => Promise.reject(new Error('connection lost')) }, fixedClock('2027-03-15T13:00:00Z'), new RecordingLogger());
    await expect(queue.run(JOBS.housekeeping)).rejects.toThrow('connection lost');
  });
});
