import type { OutboundPort } from '../../src/index.ts';
import type { PlatformSettings } from './platforms.ts';
import type { Runtime } from './runtime.ts';

/** The outbound port of each configured platform (Slack, Teams), for `nudges run` and the scheduler in `serve`. */
export async function outboundPorts(runtime: Runtime, platforms: PlatformSettings): Promise<OutboundPort[]> {
  const ports: OutboundPort[] = [];
  if (platforms.slack) {
    // Loaded only when Slack is configured (the Web API client is not small).
    const { slackOutbound, outboundClients } = await import('../slack/outbound.ts');
    ports.push(slackOutbound(outboundClients(platforms.slack, runtime.deps, runtime.secrets)));
  }
  if (platforms.teams) {
    // Loaded only when Teams is configured (botbuilder is not small either).
    const { teamsOutbound } = await import('../teams/outbound.ts');
    ports.push(teamsOutbound(platforms.teams, runtime.deps));
  }
  return ports;
}
