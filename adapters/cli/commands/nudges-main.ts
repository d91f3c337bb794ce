import type { Config, OutboundPort } from '../../../src/index.ts';
import type { PlatformSettings } from '../platforms.ts';
import { makeLogger, withRuntime, type Runtime } from '../runtime.ts';
import { NUDGES_USAGE, nudgesCommand, parseNudgesArgs, type NudgesIo } from './nudges.ts';

const stdio: NudgesIo = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };

/** `recert nudges …`: arguments checked first, then the database opened; Slack and Teams post when configured. */
export async function nudgesMain(args: readonly string[], config: Config, platforms: PlatformSettings, io: NudgesIo = stdio): Promise<number> {
  const parsed = parseNudgesArgs(args);
  if (typeof parsed === 'string') return (io.err(`${parsed}\n\n${NUDGES_USAGE}`), 2);
  return withRuntime(config, makeLogger(config, true), async (runtime) => nudgesCommand(runtime.deps, parsed, io, await portsOf(runtime, platforms)));
}

async function portsOf(runtime: Runtime, platforms: PlatformSettings): Promise<OutboundPort[]> {
  const ports: OutboundPort[] = [];
  if (platforms.slack) {
    // Loaded only when Slack is configured (the Web API client is not small).
    const { slackOutbound, outboundClients } = await import('../../slack/outbound.ts');
    ports.push(slackOutbound(outboundClients(platforms.slack, runtime.deps, runtime.secrets)));
  }
  if (platforms.teams) {
    // Loaded only when Teams is configured (botbuilder is not small either).
    const { teamsOutbound } = await import('../../teams/outbound.ts');
    ports.push(teamsOutbound(platforms.teams, runtime.deps));
  }
  return ports;
}
