import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { CHART_HEIGHT, CHART_WIDTH, complianceChartPng, complianceChartSvg } from '../../../adapters/common/chart/compliance-chart.ts';
import type { OutboundImage } from '../../../src/index.ts';

const WEEKS = Array.from({ length: 12 }, (_, i) => ({ weekStart: `2026-${String(9 + Math.floor(i / 4)).padStart(2, '0')}-${String(1 + (i % 4) * 7).padStart(2, '0')}`, compliant: 10 + i, atRisk: 5 - (i % 5), outOfCompliance: i % 3 }));
const IMAGE: OutboundImage = { kind: 'compliance-chart', title: 'Compliance, last 12 weeks', weeks: WEEKS };

describe('the compliance chart', () => {
  it('draws the three states per week as SVG, with the title and legend as text', () => {
    const svg = complianceChartSvg(IMAGE);
    expect(svg.startsWith('<svg')).toBe(true);
    for (const words of ['Compliance, last 12 weeks', 'Compliant', 'At risk', 'Out of compliance']) expect(svg).toContain(words);
  });

  it('is a PNG that decodes, of the expected size, with more than a blank page in it', () => {
    const bytes = complianceChartPng(IMAGE);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const png = PNG.sync.read(bytes);
    expect([png.width, png.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4 * 97) colours.add(png.data.readUInt32BE(i));
    expect(colours.size).toBeGreaterThan(3);
  });

  it('draws an empty history too (a new organisation), and takes another size', () => {
    const png = PNG.sync.read(complianceChartPng({ ...IMAGE, weeks: [] }, { width: 640, height: 320 }));
    expect([png.width, png.height]).toEqual([640, 320]);
  });
});
