/** MLN activity formats ACMSS accepts. `other` covers anything the reader cannot place. */
export const ACTIVITY_KINDS = ['wbt', 'npc', 'webinar', 'event', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export function isActivityKind(value: unknown): value is ActivityKind {
  return typeof value === 'string' && (ACTIVITY_KINDS as readonly string[]).includes(value);
}

export const ACTIVITY_KIND_LABELS: Readonly<Record<ActivityKind, string>> = {
  wbt: 'web-based training',
  npc: 'National Provider Call',
  webinar: 'webinar',
  event: 'event',
  other: 'other activity',
};
