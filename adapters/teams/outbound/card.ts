import type { OutboundImage, ReminderMessage } from '../../../src/index.ts';
import { presentReminder } from '../../common/present/reminders.ts';
import { CARD_VERSION, toAdaptiveCard, type AdaptiveCard, type CardElement } from '../render/adaptive-card.ts';
import { TEAMS_WORDING } from '../runtime.ts';

/** A card that may @mention people: Teams reads `msteams.entities` beside the `<at>…</at>` text. */
export type MentioningCard = AdaptiveCard & { readonly msteams?: { readonly entities: readonly MentionEntity[] } };

export interface MentionEntity {
  readonly type: 'mention';
  /** Exactly the `<at>…</at>` text in the card. */
  readonly text: string;
  /** A card mention may name the person by Entra object id (no bot-scoped `29:` id is needed). */
  readonly mentioned: { readonly id: string; readonly name: string };
}

/** At most this many people are @mentioned in one digest; everyone is named in its list either way. */
export const MAX_MENTIONS = 20;

/**
 * The manager digest's chart as an inline PNG (a data URL in an Image element): 640 × 320 pixels is
 * about 18 KB of PNG, 24 KB as base64. Teams refuses a bot message over its size limit (documented
 * as 40 KB without Base64 images today, 28 KB with them in older answers; 413 MessageSizeTooBig) and
 * images over 1024 × 1024 px or 1 MB, so a chart over this budget (base64 characters) is left out.
 */
export const CHART_SIZE = { width: 640, height: 320 } as const;
export const MAX_CHART_DATA_URL = 32_000;

export interface CardOptions {
  readonly tenantId: string;
  readonly newNonce: () => string;
  /** The chart's PNG for a manager digest (drawn by the caller), when there is one. */
  readonly chartPng?: Buffer | null;
}

/** A reminder as an Adaptive Card from the same presentation model as every reply. */
export function reminderCard(message: ReminderMessage, options: CardOptions): MentioningCard {
  const card = toAdaptiveCard(presentReminder(message, TEAMS_WORDING), { tenantId: options.tenantId, newNonce: options.newNonce });
  const chart = message.kind === 'manager-digest' && options.chartPng ? chartImage(options.chartPng, 'Compliance over the last weeks') : null;
  const mentions = message.kind === 'reminder-digest' && !message.private ? mentionsOf(message.rows) : [];
  const body: CardElement[] = [...card.body, ...(chart ? [chart] : []), ...(mentions.length ? [{ type: 'TextBlock', text: mentions.map((m) => m.text).join(' '), wrap: true }] : [])];
  return { ...card, body, ...(mentions.length ? { msteams: { entities: mentions } } : {}) };
}

/** The chart alone (the port's uploadImage): its title and the picture. */
export function chartCard(image: OutboundImage, png: Buffer): AdaptiveCard {
  const picture = chartImage(png, image.title);
  const title: CardElement = { type: 'TextBlock', text: image.title, weight: 'Bolder', wrap: true };
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: CARD_VERSION, body: picture ? [title, picture] : [title, { type: 'TextBlock', text: 'The chart is too large to show here.', wrap: true }] };
}

function chartImage(png: Buffer, altText: string): CardElement | null {
  const url = `data:image/png;base64,${png.toString('base64')}`;
  return url.length <= MAX_CHART_DATA_URL ? { type: 'Image', url, altText, size: 'Stretch' } : null;
}

/** People of a digest as mentions: Entra ids only (a roster placeholder `roster:<email>` cannot be mentioned). */
function mentionsOf(rows: readonly { readonly platformUserId: string; readonly displayName: string }[]): MentionEntity[] {
  return rows
    .filter((r) => !r.platformUserId.startsWith('roster:'))
    .slice(0, MAX_MENTIONS)
    .map((r) => {
      const name = mentionName(r.displayName);
      return { type: 'mention', text: `<at>${name}</at>`, mentioned: { id: r.platformUserId, name } };
    });
}

/** A name inside `<at>…</at>` of a markdown TextBlock: no tags, no markdown, so it shows as the name. */
export function mentionName(name: string): string {
  return name.replace(/[<>&\\*_`[\]#|~]/g, '').replace(/\s+/g, ' ').trim() || 'someone';
}
