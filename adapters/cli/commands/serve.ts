import { newReference, type Runtime } from '../runtime.ts';
import { shellCommand } from './shell.ts';

/**
 * Every configured platform adapter; with none configured, the terminal chat. An adapter's module
 * (and its SDK: Bolt alone takes a few hundred ms to load) is imported only when it is configured.
 */
export async function serveCommand(runtime: Runtime): Promise<number> {
  const { config, deps } = runtime;
  if (!config.slack) return shellCommand(runtime);
  const { startSlack } = await import('../../slack/app.ts');
  const slack = await startSlack(
    // The embedded database is one backend: a few workers keep it busy; more would only queue.
    {
      config: config.slack,
      core: deps,
      ingress: runtime.database.ingressDb,
      inboxConcurrency: runtime.database.embedded ? 4 : 8,
      exclusiveDatabase: runtime.database.embedded,
      log: deps.log,
      logLevel: config.logLevel,
      newReference,
      secrets: runtime.secrets,
    },
    config.port,
  );
  deps.log.info('slack adapter started', { mode: config.slack.appToken ? 'socket' : 'http', port: slack.port, oauth: config.slack.oauth !== null });
  const signal = await runtime.stopping;
  deps.log.info('stopping slack adapter', { signal });
  await slack.stop();
  return 0;
}
