import { z } from 'zod';

/** Who is acting: a person is (tenant, Entra object id), never the bot-scoped `29:` id alone. */
export interface TeamsPerson {
  readonly tenantId: string;
  readonly aadObjectId: string;
  readonly name: string;
  /** IANA zone from the activity's `localTimezone` (else its `clientInfo` entity's `timezone`), when the client sent one. */
  readonly timeZone: string | null;
}

const activitySchema = z.object({
  id: z.string().optional(),
  from: z.object({ id: z.string().optional(), name: z.string().optional(), aadObjectId: z.string().min(1).max(100).optional() }).passthrough().optional(),
  recipient: z.object({ id: z.string().optional() }).passthrough().optional(),
  conversation: z.object({ id: z.string().min(1), tenantId: z.string().optional(), conversationType: z.string().optional() }).passthrough().optional(),
  channelData: z.object({ tenant: z.object({ id: z.string() }).partial().optional() }).passthrough().optional(),
  localTimezone: z.string().max(64).optional(),
  entities: z
    .array(z.object({ type: z.string().optional(), mentioned: z.object({ id: z.string().optional() }).partial().optional(), timezone: z.string().max(64).optional() }).passthrough())
    .optional(),
});

type ActivityLike = z.infer<typeof activitySchema>;

function parsed(activity: unknown): ActivityLike | null {
  const result = activitySchema.safeParse(activity);
  return result.success ? result.data : null;
}

/** The tenant of an activity: conversation.tenantId, else channelData.tenant.id. */
export function tenantOf(activity: unknown): string | null {
  const a = parsed(activity);
  return a?.conversation?.tenantId || a?.channelData?.tenant?.id || null;
}

/** The person behind an activity, or null when it does not say (no tenant, no Entra id: ignored). */
export function personOf(activity: unknown): TeamsPerson | null {
  const a = parsed(activity);
  const tenantId = tenantOf(activity);
  const aadObjectId = a?.from?.aadObjectId;
  if (!a || !tenantId || !aadObjectId) return null;
  return { tenantId, aadObjectId, name: a.from?.name?.trim() || aadObjectId, timeZone: zoneOf(a) };
}

/**
 * The client's zone: Bot Framework's `localTimezone`, else the `clientInfo` entity Teams clients
 * attach (`timezone`). Not checked here: identify keeps the stored zone when this is not a valid IANA zone.
 */
function zoneOf(a: ActivityLike): string | null {
  return a.localTimezone?.trim() || a.entities?.find((e) => e.type === 'clientInfo' && e.timezone)?.timezone?.trim() || null;
}

/** personal, channel or groupChat (a missing type is a personal chat, as in the Agents Playground). */
export function conversationTypeOf(activity: unknown): string {
  return parsed(activity)?.conversation?.conversationType ?? 'personal';
}

/** The bot is @mentioned in the activity (channels and group chats are answered only then). */
export function mentionsBot(activity: unknown): boolean {
  const a = parsed(activity);
  const bot = a?.recipient?.id;
  return Boolean(bot && a?.entities?.some((e) => e.type === 'mention' && e.mentioned?.id === bot));
}

/**
 * The words typed, entities undone. The bot's own `<at>…</at>` (teams-ai strips it; any left, by
 * `botNames`) is removed; another person's becomes `@"Their Name"`, which the core reads as a
 * mention and finds by display name (`status @Sam` in a channel, `role @Sam manager`) — or, when
 * `people` names them by Entra object id (mentions.ts), `@<object id>`.
 */
export function plainText(text: string | undefined, botNames: readonly string[] = [], people: ReadonlyMap<string, string> = new Map()): string {
  const bots = new Set(botNames.map((n) => n.trim().toLowerCase()).filter(Boolean));
  return decodeEntities(
    (text ?? '')
      .replace(/<at>([^<]*)<\/at>/gi, (_all, inner: string) => {
        const name = mentionName(inner);
        if (!name || bots.has(name.toLowerCase())) return ' ';
        // Named by Entra object id in the mention entity (mentions.ts): the core finds, or adds, them by it.
        const token = people.get(name.toLowerCase());
        return token ? ` @${token} ` : ` @"${name}" `;
      })
      .replace(/<[^>]+>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/** The name inside an `<at>` tag, as the core's `@"Name"` holds it (entities decoded, quotes and brackets dropped). */
export function mentionName(inner: string): string {
  return decodeEntities(inner).replace(/["<>]/g, '').trim();
}

function decodeEntities(text: string): string {
  return text.replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** The names the bot goes by in an activity: the recipient's, and the text of mentions of it. */
export function botNamesOf(activity: unknown): string[] {
  const a = parsed(activity);
  const bot = a?.recipient?.id;
  const mentioned = (a?.entities ?? []).filter((e) => e.type === 'mention' && bot && e.mentioned?.id === bot).map((e) => String((e as { text?: unknown }).text ?? '').replace(/<\/?at>/gi, ''));
  const name = (a?.recipient as { name?: unknown } | undefined)?.name;
  return [...(typeof name === 'string' ? [name] : []), ...mentioned];
}

/** The content type of a file a person sends the bot in personal chat (it carries a `downloadUrl`). */
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/** Whether a message carries a file (a personal-chat download, or a channel's SharePoint reference). */
export function carriesFile(activity: unknown): boolean {
  const attachments = (activity as { attachments?: unknown } | null)?.attachments;
  if (!Array.isArray(attachments)) return false;
  return attachments.some((a: unknown) => {
    const type = (a as { contentType?: unknown } | null)?.contentType;
    return type === FILE_DOWNLOAD_INFO || type === 'reference';
  });
}
