import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { deactivateTeamsConversation, saveTeamsConversation, type CoreDeps, type OutboundAddress, type OutboundImage, type OutboundPort, type ReminderMessage, type SendOutcome } from '../../src/index.ts';
import type { TeamsConfig } from './config.ts';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from './render/adaptive-card.ts';
import { CHART_SIZE, chartCard, reminderCard } from './outbound/card.ts';
import { TeamsConnector, type Probe } from './outbound/connector.ts';
import { teamsOutcome } from './outbound/outcome.ts';
import { whereChannel, wherePerson, type Where } from './outbound/where.ts';

/** Draws the chart (server-side) as PNG bytes of the given size. */
export type TeamsChartDrawer = (image: OutboundImage, size: { width: number; height: number }) => Promise<Buffer>;

/** The compliance chart (adapters/common/chart), loaded on first use: ECharts and resvg are not small. */
const drawChart: TeamsChartDrawer = async (image, size) => (await import('../common/chart/compliance-chart.ts')).complianceChartPng(image, size);

export interface TeamsOutboundOptions {
  readonly newNonce?: () => string;
  readonly draw?: TeamsChartDrawer | null;
}

/**
 * The outbound port on Teams: proactive posts through botbuilder's CloudAdapter from the stored
 * conversation reference (continueConversationAsync); a person's DM in their personal chat, created
 * with createConversationAsync (and stored) when none is stored yet. Each call is one attempt (the
 * connector's retry policy removed); what failed is mapped by `teamsOutcome`.
 */
export function teamsOutbound(config: TeamsConfig, core: CoreDeps, options: TeamsOutboundOptions = {}): OutboundPort {
  const connector = new TeamsConnector(config);
  const newNonce = options.newNonce ?? randomUUID;
  const draw = options.draw === undefined ? drawChart : options.draw;
  const deliver = (to: OutboundAddress, card: AdaptiveCard, summary: string) => send(core, connector, to, { type: 'message', summary, attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }] });
  return {
    platform: 'teams',
    // Teams' limits per bot and conversation: 7 posts in 1 s (and 8 in 2 s, 60 in 30 s: a 429 covers those).
    perConversationPerSecond: 7,
    // Per app and tenant Teams documents 50 requests per second (30 in an earlier version): keep to 30.
    perTenantPerSecond: 30,
    async post(to: OutboundAddress, message: ReminderMessage): Promise<SendOutcome> {
      const chartPng = message.kind === 'manager-digest' && message.weeks.length && draw ? await draw({ kind: 'compliance-chart', title: 'Compliance', weeks: message.weeks }, CHART_SIZE).catch(() => null) : null;
      return deliver(to, reminderCard(message, { tenantId: to.tenantKey, newNonce, chartPng }), summaryOf(message));
    },
    async uploadImage(to: OutboundAddress, image: OutboundImage): Promise<SendOutcome> {
      if (!draw) return { status: 'failed', error: 'no chart drawer configured' };
      return deliver(to, chartCard(image, await draw(image, CHART_SIZE)), image.title);
    },
  };
}

/** Resolve where the post goes, post it once, and say what came of it. */
async function send(core: CoreDeps, connector: TeamsConnector, to: OutboundAddress, activity: Partial<Activity>): Promise<SendOutcome> {
  const where: Where = to.kind === 'channel' ? await whereChannel(core.db, to) : await wherePerson(core.db, to, connector.botId);
  if (where.kind === 'gone') return { status: 'permanent', error: where.error };
  const probe: Probe = { armed: false, left: false };
  try {
    if (where.kind === 'stored') return { status: 'sent', messageId: await connector.send(where.reference, activity, probe) };
    const created = await connector.createAndSend(where.serviceUrl, where.parameters, activity, probe);
    if (to.kind === 'person') await remember(core, to, where.serviceUrl, created.reference);
    return { status: 'sent', messageId: created.activityId };
  } catch (error) {
    const outcome = teamsOutcome(error, probe.left, core.clock.now().toMillis());
    core.log.warn('teams proactive post failed', { to: to.kind, outcome: outcome.status, error: 'error' in outcome ? outcome.error : undefined });
    // Blocked, removed or gone: that conversation takes no more posts until the app is installed there again.
    const conversationId = where.kind === 'stored' ? where.reference.conversation?.id : undefined;
    if (outcome.status === 'permanent' && conversationId) await deactivateTeamsConversation(core.db, to.organisationId, conversationId, core.clock.now().toJSDate());
    return outcome;
  }
}

/** A personal chat just created: stored, so the next DM goes straight there. */
async function remember(core: CoreDeps, to: Extract<OutboundAddress, { kind: 'person' }>, serviceUrl: string, reference: { conversation?: { id?: string }; bot?: { id?: string } }): Promise<void> {
  const conversationId = reference.conversation?.id;
  if (!conversationId) return;
  const stored = { organisationId: to.organisationId, conversationId, conversationType: 'personal', serviceUrl, tenantId: to.tenantKey, botId: reference.bot?.id ?? '', aadObjectId: to.platformUserId, reference: JSON.stringify(reference) };
  await saveTeamsConversation(core.db, stored, core.clock.now().toJSDate()).catch((error: unknown) => core.log.warn('teams personal chat not stored', { error: error instanceof Error ? error.message : String(error) }));
}

/** The notification's preview text (Teams shows `summary` where a card has no text). */
function summaryOf(message: ReminderMessage): string {
  switch (message.kind) {
    case 'reminder-digest':
      return 'CE reminder';
    case 'reminder-dm':
      return 'CE reminder: your certificate';
    case 'manager-digest':
      return 'Weekly compliance digest';
    case 'deliveries-unknown':
      return 'Reminders that may not have gone out';
  }
}
