import type { ColumnType } from 'kysely';

/** Where Recert may post in Teams (migration 20261203T060000Z-teams-conversations). */
export interface TeamsConversationTable {
  organisation_id: string;
  conversation_id: string;
  conversation_type: string;
  service_url: string;
  tenant_id: string;
  bot_id: string;
  aad_object_id: string | null;
  /** botbuilder's ConversationReference as JSON text. */
  reference: string;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: ColumnType<Date, Date | string, Date | string>;
}
