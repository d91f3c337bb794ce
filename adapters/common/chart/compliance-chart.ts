import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { OutboundImage } from '../../../src/index.ts';
import { formatDate } from '../format.ts';

/**
 * The manager digest's chart: the organisation's people per week (compliant, at risk, out of
 * compliance) as stacked bars, drawn server-side without a browser — ECharts renders SVG in
 * server-side mode, resvg rasterises it to PNG with a font file given to it, so text renders the
 * same on every machine, offline. Every platform uploads the same PNG.
 */

export const CHART_WIDTH = 960;
export const CHART_HEIGHT = 480;

/** Where the DejaVu fonts are on common systems (Debian/Ubuntu, Fedora, Alpine, Homebrew). */
const FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
  '/opt/homebrew/share/fonts/DejaVuSans.ttf',
];
const FONT_FAMILY = 'DejaVu Sans';

/** The colours of the three states: green, amber, red (readable for the common colour blindnesses with the legend). */
const COLOURS = { compliant: '#2e7d32', atRisk: '#f9a825', outOfCompliance: '#c62828' };

export interface ChartOptions {
  /** Font files for the text (default: DejaVu Sans where the system has it, else the system's fonts). */
  readonly fontFiles?: readonly string[];
  readonly width?: number;
  readonly height?: number;
}

/** The chart as SVG text (ECharts' server-side renderer). */
export function complianceChartSvg(image: OutboundImage, width = CHART_WIDTH, height = CHART_HEIGHT): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: FONT_FAMILY },
      title: { text: image.title, left: 'center', top: 12, textStyle: { fontSize: 18, fontFamily: FONT_FAMILY } },
      // ECharts measures text without a canvas here (an estimate): a wider gap keeps DejaVu's labels clear of the next key.
      legend: { bottom: 10, itemGap: 28, textStyle: { fontFamily: FONT_FAMILY } },
      grid: { left: 56, right: 24, top: 56, bottom: 72 },
      xAxis: { type: 'category', data: image.weeks.map((w) => formatDate(w.weekStart).replace(/, \d{4}$/, '')) },
      yAxis: { type: 'value', minInterval: 1, name: 'people' },
      series: [
        { name: 'Compliant', type: 'bar', stack: 'people', color: COLOURS.compliant, data: image.weeks.map((w) => w.compliant) },
        { name: 'At risk', type: 'bar', stack: 'people', color: COLOURS.atRisk, data: image.weeks.map((w) => w.atRisk) },
        { name: 'Out of compliance', type: 'bar', stack: 'people', color: COLOURS.outOfCompliance, data: image.weeks.map((w) => w.outOfCompliance) },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The chart as a PNG of `width` × `height` pixels. */
export function complianceChartPng(image: OutboundImage, options: ChartOptions = {}): Buffer {
  const width = options.width ?? CHART_WIDTH;
  const height = options.height ?? CHART_HEIGHT;
  const fontFiles = options.fontFiles ?? FONT_CANDIDATES.filter((f) => existsSync(f)).slice(0, 1);
  const resvg = new Resvg(complianceChartSvg(image, width, height), {
    fitTo: { mode: 'width', value: width },
    font: { fontFiles: [...fontFiles], loadSystemFonts: fontFiles.length === 0, defaultFontFamily: FONT_FAMILY },
  });
  return resvg.render().asPng();
}
