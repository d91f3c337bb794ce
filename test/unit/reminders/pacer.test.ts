import { describe, expect, it } from 'vitest';
import { Pacer } from '../../../src/reminders/pacer.ts';

describe('Pacer: a post limited by its conversation and its tenant', () => {
  it('goes at the later of the two slots and reserves both from then, so no conversation gets two posts closer than its spacing', () => {
    const pacer = new Pacer();
    const limits = (conversation: string) => [[conversation, 7], ['tenant', 30]] as const;
    // The tenant is busy until 500 ms: the conversation's first post waits for it.
    pacer.holdUntil('tenant', 500);
    expect(pacer.reserveAll(limits('c1'), 0)).toBe(500);
    // The next post to the same conversation is a full 1/7 s after the first one actually went.
    expect(pacer.reserveAll(limits('c1'), 0)).toBeCloseTo(500 + 1000 / 7, 6);
    // Another conversation takes the tenant's next slot.
    expect(pacer.reserveAll(limits('c2'), 0)).toBeCloseTo(500 + 1000 / 7 + 1000 / 30, 6);
  });

  it('never hands out a slot in the past', () => {
    const pacer = new Pacer();
    expect(pacer.reserveAll([['c', 7]], 10_000)).toBe(10_000);
    expect(pacer.reserveAll([['c', 7]], 20_000)).toBe(20_000);
  });
});
