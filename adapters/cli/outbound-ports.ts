import type { OutboundPort } from '../../src/index.ts';
import type { PlatformSettings } from './platforms.ts';
import type { Runtime } from './runtime.ts';

/** The outbound port of each configured platform that has one (Slack today; Teams adds its own). */
export async function outboundPorts(runtime: Runtime, platforms: PlatformSettings): Promise<OutboundPort[]> {
  const slack = platforms.slack;
  if (!slack) return [];
  // Loaded only when Slack is configured (the Web API client is not small).
  const { slackOutbound, outboundClients } = await import('../slack/outbound.ts');
  return [slackOutbound(outboundClients(slack, runtime.deps, runtime.secrets))];
}
