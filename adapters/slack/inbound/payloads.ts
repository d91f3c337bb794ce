import { z } from 'zod';

/**
 * What the Slack adapter stores in the inbox for each kind of delivery, before it acknowledges it:
 * only the fields processing needs, validated at the edge (a payload without a team or user is
 * refused there). Processing parses them again, so a stored row can never smuggle in another shape.
 */
// Slack's ids never hold control characters, and PostgreSQL refuses U+0000 in a text column: an id
// with one is refused here as unreadable, rather than failing the insert and being answered as a
// database outage (or, for an event, a 500 that Slack resends).
const NO_CONTROL = /^[^\p{Cc}\p{Cs}]*$/u;
const id = z.string().min(1).max(64).regex(NO_CONTROL);

/** A delivery id (`event:Ev…`, `trigger:…`, `view:…`) that can be stored as the inbox's key. */
export const storableDeliveryId = (deliveryId: string): boolean => deliveryId.length <= 300 && NO_CONTROL.test(deliveryId);
const where = { teamId: id, enterpriseId: id.nullable(), isEnterpriseInstall: z.boolean(), userId: id };

export const commandPayload = z.object({ ...where, kind: z.literal('command'), channelId: id, channelName: z.string().max(200).optional(), text: z.string().max(8000), responseUrl: z.string().url(), share: z.boolean() });

export const messagePayload = z.object({
  ...where,
  kind: z.literal('message'),
  channel: id,
  text: z.string().max(40_000),
  ts: id,
  threadTs: id.nullable(),
  /** Slack's id of the message itself: the same message arrives as `message.im` and `app_mention`. */
  clientMsgId: z.string().max(128).nullable(),
});

export const filePayload = z.object({ ...where, kind: z.literal('file'), channelId: id, fileId: id });

export const BUTTONS = ['confirm', 'confirm-unregistered', 'cancel', 'undo', 'history-page', 'home-attach', 'report-details', 'report-page', 'audit-attach', 'snooze', 'reminder-status', 'fee-anyway', 'cert-anyway', 'fix-typed'] as const;
export type ButtonName = (typeof BUTTONS)[number];

export const buttonPayload = z.object({
  ...where,
  kind: z.literal('button'),
  button: z.enum(BUTTONS),
  value: z.string().max(2000),
  responseUrl: z.string().url().nullable(),
  channel: id.nullable(),
  threadTs: id.nullable(),
});

export const formPayload = z.object({ title: z.string().max(3000), completedOn: z.string().max(40), minutes: z.string().max(40), kind: z.string().max(40), registered: z.boolean().optional() });

export const viewPayload = z.object({
  ...where,
  kind: z.literal('view'),
  form: formPayload,
  fileIds: z.array(id).max(10),
  draftId: z.string().uuid().nullable(),
  channel: id.nullable(),
  threadTs: id.nullable(),
});

export const shortcutPayload = z.object({ ...where, kind: z.literal('shortcut'), channelId: id, messageTs: id, threadTs: id.nullable(), text: z.string().max(40_000), responseUrl: z.string().url() });

export const homePayload = z.object({ ...where, kind: z.literal('home') });

export const slackPayload = z.discriminatedUnion('kind', [commandPayload, messagePayload, filePayload, buttonPayload, viewPayload, shortcutPayload, homePayload]);

export type SlackPayload = z.infer<typeof slackPayload>;
export type PayloadOf<K extends SlackPayload['kind']> = Extract<SlackPayload, { kind: K }>;
export type Where = Pick<SlackPayload, 'teamId' | 'enterpriseId' | 'isEnterpriseInstall' | 'userId'>;
