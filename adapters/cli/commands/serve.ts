import { openFrontDoor } from '../../server/front-door.ts';
import type { PlatformAdapter } from '../../server/platform-adapter.ts';
import { anyPlatform, type PlatformSettings } from '../platforms.ts';
import { newReference, type Runtime } from '../runtime.ts';
import { shellCommand } from './shell.ts';

/**
 * Every configured platform adapter in one process, behind one front door (one HTTP server on
 * PORT); with none configured, the terminal chat. An adapter's module (and its SDK: Bolt alone
 * takes a few hundred ms to load) is imported only when it is configured.
 */
export async function serveCommand(runtime: Runtime, platforms: PlatformSettings): Promise<number> {
  const { config, deps } = runtime;
  if (!anyPlatform(platforms)) return shellCommand(runtime);
  const adapters = await platformAdapters(runtime, platforms);
  const door = await openFrontDoor(adapters, config.port, undefined, (error, route) => deps.log.error('request failed', { route, error: String(error) }));
  if (platforms.slack) deps.log.info('slack adapter started', { mode: platforms.slack.appToken ? 'socket' : 'http', port: door.port, oauth: platforms.slack.oauth !== null });
  deps.log.info('front door open', { port: door.port, adapters: adapters.map((a) => a.name) });
  const signal = await runtime.stopping;
  deps.log.info('stopping platform adapters', { signal });
  await door.stop();
  return 0;
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
  return adapters;
}
