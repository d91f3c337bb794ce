import type { ColumnType, Generated } from 'kysely';

/** An export waiting for its person's consent (migration 20261203T100000Z-file-offers). */
export interface FileOfferTable {
  id: Generated<string>;
  organisation_id: string;
  person_id: string;
  file_name: string;
  media_type: string;
  bytes: Uint8Array;
  created_at: ColumnType<Date, Date | string, Date | string>;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  taken_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}
