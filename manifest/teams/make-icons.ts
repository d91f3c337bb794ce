import { readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

/**
 * `npm run icons:teams`: render the Teams app icons from their SVG sources (committed beside them):
 * color.png 192×192 px, outline.png 32×32 px (white on transparent). Re-run after editing an SVG.
 */
for (const [name, size] of [['color', 192], ['outline', 32]] as const) {
  const svg = readFileSync(new URL(`./${name}.svg`, import.meta.url), 'utf8');
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  writeFileSync(new URL(`./${name}.png`, import.meta.url), png);
  console.log(`manifest/teams/${name}.png: ${size}×${size} px, ${png.length} bytes`);
}
