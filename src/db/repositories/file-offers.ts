import type { Db } from '../connection.ts';

/** A file made for a person, offered to them before it is delivered (Teams' file consent card). */
export interface FileOffer {
  readonly fileName: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

/** Store a file offered to a person until `expiresAt`; the person's expired offers go at the same time. Returns the offer's id. */
export async function offerFile(db: Db, organisationId: string, personId: string, file: FileOffer, now: Date, expiresAt: Date): Promise<string> {
  await db.deleteFrom('file_offers').where('organisation_id', '=', organisationId).where('person_id', '=', personId).where('expires_at', '<=', now).execute();
  const row = await db
    .insertInto('file_offers')
    .values({ organisation_id: organisationId, person_id: personId, file_name: file.fileName, media_type: file.mediaType, bytes: file.bytes, created_at: now, expires_at: expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The offer accepted: its file, once (the row is marked taken in the same statement, so two
 * accepts at once get it once), and only for the person it was made for, before it expires.
 */
export async function takeFileOffer(db: Db, organisationId: string, personId: string, offerId: string, now: Date): Promise<FileOffer | null> {
  if (!UUID.test(offerId)) return null;
  const row = await db
    .updateTable('file_offers')
    .set({ taken_at: now })
    .where('organisation_id', '=', organisationId)
    .where('person_id', '=', personId)
    .where('id', '=', offerId)
    .where('taken_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['file_name', 'media_type', 'bytes'])
    .executeTakeFirst();
  return row ? { fileName: row.file_name, mediaType: row.media_type, bytes: new Uint8Array(row.bytes) } : null;
}

/** The offer declined: the file is deleted (only the person's own). */
export async function dropFileOffer(db: Db, organisationId: string, personId: string, offerId: string): Promise<void> {
  if (!UUID.test(offerId)) return;
  await db.deleteFrom('file_offers').where('organisation_id', '=', organisationId).where('person_id', '=', personId).where('id', '=', offerId).execute();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
