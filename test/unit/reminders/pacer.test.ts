import { describe, expect, it } from 'vitest';
import { Pacer } from '../../../src/reminders/pacer.ts';

describe('Pacer: slots per key (a conversation, a tenant)', () => {
  it('spaces reserved slots 1/perSecond apart and never hands out one in the past', () => {
    const pacer = new Pacer();
    expect(pacer.reserve('c', 7, 0)).toBe(0);
    expect(pacer.reserve('c', 7, 0)).toBeCloseTo(1000 / 7, 6);
    expect(pacer.reserve('c', 7, 10_000)).toBe(10_000);
  });

  it('peeks without reserving', () => {
    const pacer = new Pacer();
    pacer.holdUntil('tenant', 500);
    expect(pacer.peek('tenant', 0)).toBe(500);
    expect(pacer.peek('tenant', 0)).toBe(500);
    expect(pacer.peek('tenant', 900)).toBe(900);
  });

  it('counts the next slot from the platform\'s answer when the answer came late, and a Retry-After holds the key', () => {
    const pacer = new Pacer();
    pacer.reserve('c', 1, 0); // next slot at 1000 ms
    pacer.answered('c', 1, 1_800); // the post took 1.8 s to answer
    expect(pacer.peek('c', 0)).toBe(2_800);
    pacer.holdUntil('c', 5_000);
    expect(pacer.peek('c', 0)).toBe(5_000);
    pacer.answered('c', 1, 100); // an early answer never moves a slot back
    expect(pacer.peek('c', 0)).toBe(5_000);
  });
});
