import { startPlayground } from './teams-playground.ts';

/**
 * `npm run dev:teams`: try the Teams bot in a browser, with no Microsoft account. Starts Recert in
 * Teams dev mode (RECERT_TEAMS_DEV=1, 127.0.0.1 only, no token checks) on PORT (default 3978) and
 * the Microsoft 365 Agents Playground on TEAMSAPPTESTER_PORT (default 56150). Ctrl-C stops both.
 */
const botPort = Number(process.env.PORT || 3978);
const playgroundPort = Number(process.env.TEAMSAPPTESTER_PORT || 56150);
const playground = await startPlayground({ botPort, playgroundPort, output: (line) => console.log(line) }).catch((error: unknown) => {
  console.error(`npm run dev:teams: ${error instanceof Error ? error.message : String(error)}`);
  return null;
});
if (!playground) process.exit(1);
console.log(`\nRecert in Teams dev mode: open ${playground.url} in a browser (Ctrl-C stops Recert and the Playground).\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void playground.stop());
process.exitCode = await playground.ended;
await playground.stop();
