import { writeFileSync } from 'node:fs';
import { slackManifest } from './manifest.ts';

// `npm run manifest`: regenerate manifest.json from the typed source.
writeFileSync(new URL('./manifest.json', import.meta.url), `${JSON.stringify(slackManifest, null, 2)}\n`);
