import { describe, expect, it } from 'vitest';
import { BackendLock } from '../../../src/db/embedded/backend-lock.ts';
import { startupParameter } from '../../../src/db/embedded/frames.ts';

describe('the embedded backend lock', () => {
  it('grants in arrival order, but a waiter acquiring first goes ahead of every plain waiter (after earlier first ones)', async () => {
    const lock = new BackendLock<string>();
    const granted: string[] = [];
    await lock.acquire('holder');
    const waits = [
      lock.acquire('w1').then(() => granted.push('w1')),
      lock.acquire('w2').then(() => granted.push('w2')),
      lock.acquire('ack1', true).then(() => granted.push('ack1')),
      lock.acquire('w3').then(() => granted.push('w3')),
      lock.acquire('ack2', true).then(() => granted.push('ack2')),
    ];
    for (const owner of ['holder', 'ack1', 'ack2', 'w1', 'w2']) {
      lock.release(owner);
      await Promise.resolve();
    }
    lock.release('w3');
    await Promise.all(waits);
    expect(granted).toEqual(['ack1', 'ack2', 'w1', 'w2', 'w3']);
    expect(lock.owner).toBeNull();
  });
});

describe('a startup message parameter', () => {
  const startup = (pairs: Record<string, string>) => {
    const body = Buffer.from(`${Object.entries(pairs).map(([k, v]) => `${k}\0${v}\0`).join('')}\0`);
    const head = Buffer.alloc(8);
    head.writeInt32BE(8 + body.length, 0);
    head.writeInt32BE(196608, 4);
    return Buffer.concat([head, body]);
  };

  it('reads application_name, and null when it is absent', () => {
    expect(startupParameter(startup({ user: 'postgres', database: 'postgres', application_name: 'recert-ack' }), 'application_name')).toBe('recert-ack');
    expect(startupParameter(startup({ user: 'postgres', database: 'postgres' }), 'application_name')).toBeNull();
    expect(startupParameter(startup({ user: 'application_name' }), 'application_name')).toBeNull(); // a value is not a name
  });
});
