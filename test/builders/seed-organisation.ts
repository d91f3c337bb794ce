import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/connection.ts';
import type { Actor } from '../../src/domain/people.ts';
import type { CoreDeps } from '../../src/use-cases/deps.ts';
import { identify } from '../../src/use-cases/identify.ts';
import { pdfBytes } from './files.ts';
import { titleKeyOf, type PlannedOrganisation, type PlannedPerson, type PlannedTraining } from './random-organisation.ts';

/** Where a planned organisation went: its admin (first person, no records) and every row's id. */
export interface SeededOrganisation {
  readonly admin: Actor;
  readonly organisationId: string;
  readonly externalId: string;
  /** Person key → person id. */
  readonly personIds: Map<string, string>;
  /** `${key}#${n}` (the person's n-th credential) → credential id. */
  readonly credentialIds: Map<string, string>;
  /** `${key}#${seq}` → training id. */
  readonly trainingIds: Map<string, string>;
  /** Two proof files (a training may hold both at once). */
  readonly proofFileIds: readonly [string, string];
}

/** Rows per INSERT: well inside PostgreSQL's 65,535 parameters for the widest table here (16 columns). */
const ROWS = 2_000;
const CREATED = new Date('2026-01-01T00:00:00Z');

/**
 * Write a planned organisation in a few multi-row inserts (the triggers move every person's ledger
 * version on as the rows go in, as they would one by one). The admin joins through `identify`.
 */
export async function seedOrganisation(deps: CoreDeps, plan: PlannedOrganisation, externalId = `org-${randomUUID()}`): Promise<SeededOrganisation> {
  const { actor: admin } = await identify(deps, { platform: 'test', organisationExternalId: externalId, organisationName: `Random ${plan.seed}`, organisationTimeZone: 'America/Chicago', userExternalId: 'admin', displayName: 'Admin', timeZone: 'America/Chicago', source: 'shell', firstPersonIsAdmin: true });
  const org = admin.organisationId;
  const db = deps.db;
  if (plan.rules) await db.insertInto('credential_types').values({ organisation_id: org, code: plan.rules.code, rules: JSON.stringify(plan.rules), created_at: CREATED }).execute();
  const teams = await db.insertInto('teams').values(plan.teams.map((name) => ({ organisation_id: org, name, created_at: CREATED }))).returning(['id', 'name']).execute();
  const personIds = await insertPeople(db, org, plan.people);
  const members = plan.people.flatMap((p) => p.teams.map((t) => ({ organisation_id: org, team_id: teams[t]?.id ?? '', person_id: idOf(personIds, p.key), added_at: CREATED })));
  await inChunks(members, (chunk) => db.insertInto('team_members').values(chunk).execute());
  const credentialIds = await insertCredentials(db, org, plan.people, personIds);
  const trainingIds = await insertTrainings(db, org, plan.people, personIds);
  const proofFileIds = await insertProofFiles(db, org, plan.seed);
  await insertProofs(db, org, plan.people, { personIds, trainingIds }, proofFileIds);
  const fees = plan.people.flatMap((p) => p.fees.map((f) => ({ organisation_id: org, person_id: idOf(personIds, p.key), credential_id: idOf(credentialIds, `${p.key}#${f.credential}`), amount_cents: 8500, currency: 'USD', paid_on: f.paidOn, created_at: CREATED, deleted_at: f.deleted ? CREATED : null })));
  await inChunks(fees, (chunk) => db.insertInto('fee_payments').values(chunk).execute());
  return { admin, organisationId: org, externalId, personIds, credentialIds, trainingIds, proofFileIds };
}

async function insertPeople(db: Db, org: string, people: readonly PlannedPerson[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  await inChunks(people, async (chunk) => {
    const rows = await db
      .insertInto('people')
      .values(chunk.map((p) => ({ organisation_id: org, platform_user_id: p.key, display_name: p.name, time_zone: p.timeZone, role: 'scribe' as const, created_at: CREATED, active: p.active, next_seq: p.trainings.length + 1 })))
      .returning(['id', 'platform_user_id'])
      .execute();
    for (const row of rows) ids.set(row.platform_user_id, row.id);
  });
  return ids;
}

async function insertCredentials(db: Db, org: string, people: readonly PlannedPerson[], personIds: Map<string, string>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const rows = people.flatMap((p) => p.credentials.map((c, n) => ({ key: `${p.key}#${n}`, row: credentialRow(org, idOf(personIds, p.key), c, n) })));
  await inChunks(rows, async (chunk) => {
    const inserted = await db.insertInto('credentials').values(chunk.map((r) => r.row)).returning(['id', 'person_id', 'number']).execute();
    const byNumber = new Map(inserted.map((r) => [`${r.person_id}|${r.number}`, r.id]));
    for (const r of chunk) ids.set(r.key, idOf(byNumber, `${r.row.person_id}|${r.row.number}`));
  });
  return ids;
}

/** A person's later credentials were added later: the created order breaks ties between equal issue dates. */
function credentialRow(org: string, personId: string, c: PlannedPerson['credentials'][number], n: number) {
  return { organisation_id: org, person_id: personId, type_code: 'CMSS', number: c.number, issued_on: c.issuedOn, expires_on: c.expiresOn, created_at: new Date(CREATED.getTime() + n * 1000), deleted_at: c.deleted ? CREATED : null };
}

async function insertTrainings(db: Db, org: string, people: readonly PlannedPerson[], personIds: Map<string, string>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const rows = people.flatMap((p) => p.trainings.map((t) => trainingRow(org, idOf(personIds, p.key), t)));
  const keys = new Map(people.map((p) => [idOf(personIds, p.key), p.key]));
  await inChunks(rows, async (chunk) => {
    const inserted = await db.insertInto('trainings').values(chunk).returning(['id', 'person_id', 'seq']).execute();
    for (const r of inserted) ids.set(`${keys.get(r.person_id) ?? ''}#${r.seq}`, r.id);
  });
  return ids;
}

export function trainingRow(org: string, personId: string, t: PlannedTraining) {
  return {
    organisation_id: org,
    person_id: personId,
    seq: t.seq,
    credential_code: t.credentialCode,
    title: t.title,
    title_key: titleKeyOf(t),
    kind: t.kind,
    completed_on: t.completedOn,
    minutes: t.minutes,
    minutes_source: 'stated',
    credit: t.credit,
    index_number: t.indexNumber,
    review_reason: t.reviewReason,
    registered: t.registered,
    how_computed: 'seeded',
    source: 'test',
    original_text: t.title,
    created_at: CREATED,
    deleted_at: t.deleted ? CREATED : null,
  };
}

async function insertProofFiles(db: Db, org: string, seed: number): Promise<[string, string]> {
  const files = [pdfBytes(`Certificate A ${seed}`), pdfBytes(`Certificate B ${seed}`)].map((bytes, i) => ({ organisation_id: org, sha256: `${seed}-${i}-${randomUUID()}`, media_type: 'application/pdf', size_bytes: bytes.length, bytes: Buffer.from(bytes), created_at: CREATED }));
  const rows = await db.insertInto('proof_files').values(files).returning('id').execute();
  return [rows[0]?.id ?? '', rows[1]?.id ?? ''];
}

async function insertProofs(db: Db, org: string, people: readonly PlannedPerson[], ids: { personIds: Map<string, string>; trainingIds: Map<string, string> }, files: readonly [string, string]): Promise<void> {
  const rows = people.flatMap((p) =>
    p.trainings.flatMap((t) => {
      const training_id = idOf(ids.trainingIds, `${p.key}#${t.seq}`);
      const attached_by = idOf(ids.personIds, p.key);
      const link = (file: string, removed: boolean) => ({ organisation_id: org, training_id, proof_file_id: file, file_name: 'certificate.pdf', source: 'test', attached_by, attached_at: CREATED, removed_at: removed ? CREATED : null });
      return [...files.slice(0, t.liveProofs).map((f) => link(f, false)), ...(t.removedProofs ? [link(files[0], true)] : [])];
    }),
  );
  await inChunks(rows, (chunk) => db.insertInto('training_proofs').values(chunk).execute());
}

export function idOf(ids: ReadonlyMap<string, string>, key: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`no id for ${key}`);
  return id;
}

async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS) await write(rows.slice(i, i + ROWS));
}
