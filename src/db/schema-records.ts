import type { ColumnType, Generated } from 'kysely';
import type { Instant, Numeric, Json } from './schema-columns.ts';

// What a person's compliance is made of: credentials, trainings, proofs, fees, drafts.

export interface CredentialTypeTable {
  organisation_id: string;
  code: string;
  rules: Json<unknown>;
  created_at: Instant;
}

export interface CredentialTable {
  id: Generated<string>;
  organisation_id: string;
  person_id: string;
  type_code: string;
  number: string;
  issued_on: string;
  expires_on: string;
  created_at: Instant;
  deleted_at: Instant | null;
  /** The person confirmed a number someone else here holds ("cert … anyway"); the database refuses it otherwise. */
  number_shared_meant: Generated<boolean>;
}

export interface TrainingTable {
  id: Generated<string>;
  organisation_id: string;
  person_id: string;
  seq: number;
  credential_code: string;
  title: string;
  title_key: string;
  kind: string;
  completed_on: string;
  minutes: number;
  minutes_source: string;
  credit: Numeric | null;
  index_number: string | null;
  review_reason: string | null;
  registered: boolean | null;
  /** "Is this a CMS/MLN training?" answered yes by the person (null: the text said so, or never asked). */
  cms_confirmed: Generated<boolean | null>;
  how_computed: string;
  source: string;
  original_text: string;
  created_at: Instant;
  deleted_at: Instant | null;
}

export interface ProofFileTable {
  id: Generated<string>;
  organisation_id: string;
  sha256: string;
  media_type: string;
  size_bytes: number;
  bytes: Buffer;
  created_at: Instant;
}

export interface TrainingProofTable {
  id: Generated<string>;
  organisation_id: string;
  training_id: string;
  proof_file_id: string;
  file_name: string;
  source: string;
  attached_by: string;
  attached_at: Instant;
  removed_at: Instant | null;
}

export interface FeePaymentTable {
  id: Generated<string>;
  organisation_id: string;
  person_id: string;
  credential_id: string;
  amount_cents: number;
  currency: string;
  paid_on: string;
  reference: string | null;
  created_at: Instant;
  deleted_at: Instant | null;
}

export interface DraftTable {
  id: Generated<string>;
  organisation_id: string;
  person_id: string;
  status: 'open' | 'confirmed' | 'cancelled';
  payload: Json<unknown>;
  training_id: string | null;
  source: string;
  anchor: string | null;
  created_at: Instant;
  updated_at: Instant;
  /** When the bot last reminded the person of it (migration 20261203T070000Z). */
  reminded_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}
