import { CARD_VERSION, type AdaptiveCard } from './adaptive-card.ts';

/** A one-sentence card for what only Teams says (a file declined, an offer gone). Plain text, wrapped. */
export function noteCard(text: string, color: 'Default' | 'Good' | 'Warning' | 'Attention' = 'Default'): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: CARD_VERSION, body: [{ type: 'TextBlock', text, wrap: true, color }] };
}
