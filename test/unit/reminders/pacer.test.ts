import { describe, expect, it } from 'vitest';
import { Pacer } from '../../../src/reminders/pacer.ts';
import { Permits } from '../../../src/reminders/permits.ts';

describe('the pacer', () => {
  it('hands out slots an interval apart, and counts the next from the platform’s answer', () => {
    const pacer = new Pacer();
    expect(pacer.reserve('C1', 1, 1_000)).toBe(1_000);
    expect(pacer.peek('C1', 1_000)).toBe(2_000);
    // The post was answered 300 ms after it left: the next goes a full second after the answer.
    pacer.answered('C1', 1, 1_300);
    expect(pacer.peek('C1', 1_400)).toBe(2_300);
    expect(pacer.peek('C2', 1_400)).toBe(1_400);
    // peek reserves nothing.
    expect(pacer.reserve('C2', 7, 1_400)).toBe(1_400);
  });
});

describe('permits', () => {
  it('never lets more than the limit run at once, and runs every task', async () => {
    const permits = new Permits(3);
    let running = 0;
    let most = 0;
    const done = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        permits.run(async () => {
          running += 1;
          most = Math.max(most, running);
          await new Promise((resolve) => setTimeout(resolve, i % 3));
          running -= 1;
          return i;
        }),
      ),
    );
    expect(most).toBe(3);
    expect(done).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it('gives the permit back when a task fails', async () => {
    const permits = new Permits(1);
    await expect(permits.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await permits.run(async () => 'next')).toBe('next');
  });
});
