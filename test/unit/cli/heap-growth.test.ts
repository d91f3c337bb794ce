import { describe, expect, it } from 'vitest';
import { limitHeapGrowth, SERVE_HEAP_GROWING_PERCENT } from '../../../adapters/cli/heap-growth.ts';

function recording(): { set: string[]; setFlags: (flags: string) => void } {
  const set: string[] = [];
  return { set, setFlags: (flags) => void set.push(flags) };
}

describe('recert serve limits how far the heap grows between full collections', () => {
  it('sets V8 heap growing percent to 50 when Node was given none', () => {
    const v8 = recording();
    expect(limitHeapGrowth(['--max-semi-space-size=4'], v8.setFlags)).toEqual({ percent: SERVE_HEAP_GROWING_PERCENT, source: 'recert' });
    expect(SERVE_HEAP_GROWING_PERCENT).toBe(50);
    expect(v8.set).toEqual(['--heap-growing-percent=50']);
  });

  it("leaves the operator's own setting on node's command line alone, either spelling", () => {
    for (const flags of [['--heap-growing-percent=80'], ['--max-semi-space-size=4', '--heap_growing_percent=0']]) {
      const v8 = recording();
      const result = limitHeapGrowth(flags, v8.setFlags);
      expect(result.source).toBe('node flags');
      expect(v8.set).toEqual([]);
    }
    expect(limitHeapGrowth(['--heap-growing-percent=80'], recording().setFlags).percent).toBe(80);
  });

  it('does not mistake a similar flag for it', () => {
    const v8 = recording();
    limitHeapGrowth(['--heap-growing-percentage-nope', '--max-old-space-size=512'], v8.setFlags);
    expect(v8.set).toEqual(['--heap-growing-percent=50']);
  });

  it('really changes when V8 collects (a real setFlagsFromString, in a child process)', async () => {
    const { spawnSync } = await import('node:child_process');
    // Promoted garbage grows the old generation; with the limit, the peak heap stays lower.
    const script = `
      const { limitHeapGrowth } = await import(${JSON.stringify(new URL('../../../adapters/cli/heap-growth.ts', import.meta.url).href)});
      if (process.argv[1] === 'limit') limitHeapGrowth([]);
      const live = []; for (let i = 0; i < 3e5; i++) live.push({ i, s: 'x' + i });
      let keep = []; let peak = 0;
      for (let round = 0; round < 1500; round++) {
        for (let i = 0; i < 1000; i++) keep.push({ a: i, b: [i, i], c: 'y' + i });
        if (keep.length > 200000) keep = [];
        peak = Math.max(peak, process.memoryUsage().heapUsed);
        await new Promise((r) => setImmediate(r));
      }
      console.log(Math.round(peak / 1048576));`;
    const peak = (mode: string) => Number(spawnSync(process.execPath, ['--max-semi-space-size=4', '--input-type=module', '-e', script, mode], { encoding: 'utf8' }).stdout.trim());
    const [unlimited, limited] = [peak('default'), peak('limit')];
    // MB of heap used at its peak; V8's own policy lets it reach ~2× what the limit allows.
    expect(limited, `peak heap ${limited} MB limited, ${unlimited} MB not`).toBeGreaterThan(0);
    expect(limited, `peak heap ${limited} MB limited, ${unlimited} MB not`).toBeLessThan(unlimited * 0.8);
  }, 60_000);
});
