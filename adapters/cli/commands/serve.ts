import { openFrontDoor } from '../../server/front-door.ts';
import type { PlatformAdapter } from '../../server/platform-adapter.ts';
import { limitHeapGrowth } from '../heap-growth.ts';
import { anyPlatform, type PlatformSettings } from '../platforms.ts';
import { outboundPorts } from '../outbound-ports.ts';
import { JOB_QUEUE_CONNECTIONS, newReference, type Runtime } from '../runtime.ts';
import { realSleep } from '../ticking-clock.ts';
import { shellCommand } from './shell.ts';

/**
 * Every configured platform adapter in one process, behind one front door (one HTTP server on
 * PORT); with none configured, the terminal chat. An adapter's module (and its SDK: Bolt alone
 * takes a few hundred ms to load) is imported only when it is configured.
 */
export async function serveCommand(runtime: Runtime, platforms: PlatformSettings): Promise<number> {
  const { config, deps } = runtime;
  if (!anyPlatform(platforms)) return shellCommand(runtime);
  // Before the adapters load: a burst's promoted garbage is collected at ~1.5× the live heap, not ~4×.
  deps.log.debug('heap growth', limitHeapGrowth(process.execArgv));
  const adapters = await platformAdapters(runtime, platforms);
  if (platforms.scheduler.enabled) adapters.push(await schedulerAdapter(runtime, platforms));
  else deps.log.info('scheduler off (RECERT_SCHEDULER=off): this process runs no reminder jobs');
  // Teams without credentials accepts any request: it is served on loopback only.
  const host = platforms.teams?.mode === 'dev' ? '127.0.0.1' : undefined;
  const door = await openFrontDoor(adapters, config.port, host, (error, route) => deps.log.error('request failed', { route, error: String(error) }));
  // Once bound (a port in use is refused in one line, with nothing said or started before it).
  if (host) deps.log.warn(TEAMS_DEV_WARNING, { host, port: door.port });
  if (platforms.slack) deps.log.info('slack adapter started', { mode: platforms.slack.appToken ? 'socket' : 'http', port: door.port, oauth: platforms.slack.oauth !== null });
  deps.log.info('front door open', { port: door.port, adapters: adapters.map((a) => a.name) });
  const signal = await runtime.stopping;
  deps.log.info('stopping platform adapters', { signal });
  await door.stop();
  return 0;
}

const TEAMS_DEV_WARNING =
  'RECERT_TEAMS_DEV=1: TEAMS RUNS WITHOUT CREDENTIALS. Every request to /api/messages is accepted unchecked, so Recert listens on 127.0.0.1 only. Never use this in production: set MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType and MicrosoftAppTenantId.';

/** Last in the list: started once the platforms are up, stopped first (running jobs finish, then pg-boss closes). */
async function schedulerAdapter(runtime: Runtime, platforms: PlatformSettings): Promise<PlatformAdapter> {
  const { createSchedulerAdapter } = await import('../../scheduler/scheduler-adapter.ts');
  return createSchedulerAdapter({
    core: runtime.deps,
    connectionString: runtime.database.connectionString,
    ports: await outboundPorts(runtime, platforms),
    pollSeconds: platforms.scheduler.pollSeconds,
    connections: JOB_QUEUE_CONNECTIONS,
    sleep: realSleep,
  });
}

async function platformAdapters(runtime: Runtime, platforms: PlatformSettings): Promise<PlatformAdapter[]> {
  const { config, deps } = runtime;
  const adapters: PlatformAdapter[] = [];
  if (platforms.slack) {
    const { createSlackAdapter } = await import('../../slack/app.ts');
    adapters.push(
      await createSlackAdapter({
        config: platforms.slack,
        core: deps,
        ingress: runtime.database.ingressDb,
        // The embedded database is one backend: a few workers keep it busy; more would only queue.
        inboxConcurrency: runtime.database.embedded ? 4 : 8,
        exclusiveDatabase: runtime.database.embedded,
        log: deps.log,
        logLevel: config.logLevel,
        newReference,
        secrets: runtime.secrets,
      }),
    );
  }
  if (platforms.teams) {
    const { createTeamsAdapter } = await import('../../teams/app.ts');
    adapters.push(createTeamsAdapter({ config: platforms.teams, core: deps, log: deps.log, newReference, exclusiveDatabase: runtime.database.embedded }));
  }
  return adapters;
}
