/**
 * Loaded with `node --import` into a child process: writes the URL of every module it loaded (ES
 * modules and CommonJS alike) to the file named by RECERT_TEST_MODULE_LOG when the process exits.
 */
import { writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const loaded: string[] = [];
registerHooks({
  load(url, context, nextLoad) {
    loaded.push(url);
    return nextLoad(url, context);
  },
});
process.on('exit', () => {
  const file = process.env.RECERT_TEST_MODULE_LOG;
  if (file) writeFileSync(file, loaded.join('\n'));
});
