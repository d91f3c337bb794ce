import { CMSS_RULES } from '../../src/domain/credential-rules.ts';
import type { IsoDate } from '../../src/domain/dates.ts';
import type { CoreDeps } from '../../src/use-cases/deps.ts';
import { currentCredential } from './expected-standing.ts';
import { planCredential, planTraining, type PlannedOrganisation, type PlannedPerson } from './random-organisation.ts';
import { idOf, trainingRow, type SeededOrganisation } from './seed-organisation.ts';
import type { Random } from './seeded-random.ts';

const EDITED = new Date('2026-06-01T00:00:00Z');

/**
 * One round of random changes, made in the database the way the app's writes land (rows inserted,
 * soft-deleted, restored; the version triggers fire) and mirrored in the plan: `share` of the
 * people get one change each, and sometimes the organisation's own rules change for everyone.
 * Returns what was done, for a failure message.
 */
export async function applyRandomEdits(deps: CoreDeps, plan: PlannedOrganisation, seeded: SeededOrganisation, random: Random, today: IsoDate, share = 0.15): Promise<string[]> {
  const done: string[] = [];
  for (const person of plan.people) {
    if (!random.chance(share)) continue;
    done.push(`${person.key}: ${await editPerson(deps, seeded, person, random, today)}`);
  }
  if (random.chance(0.3)) {
    plan.rules = { ...CMSS_RULES, requiredCredit: random.pick([1, 3, 6]), expiringSoonDays: random.pick([0, 30, 90]), feeCents: random.pick([8500, null]) };
    await deps.db
      .insertInto('credential_types')
      .values({ organisation_id: seeded.organisationId, code: 'CMSS', rules: JSON.stringify(plan.rules), created_at: EDITED })
      .onConflict((oc) => oc.columns(['organisation_id', 'code']).doUpdateSet({ rules: JSON.stringify(plan.rules) }))
      .execute();
    done.push(`rules: ${JSON.stringify({ requiredCredit: plan.rules.requiredCredit, expiringSoonDays: plan.rules.expiringSoonDays, feeCents: plan.rules.feeCents })}`);
  }
  return done;
}

type Edit = (deps: CoreDeps, seeded: SeededOrganisation, person: PlannedPerson, random: Random, today: IsoDate) => Promise<string | null>;

async function editPerson(deps: CoreDeps, seeded: SeededOrganisation, person: PlannedPerson, random: Random, today: IsoDate): Promise<string> {
  const edits: Edit[] = [addTraining, toggleTraining, toggleProof, toggleFee, payFee, renew, toggleCredential, toggleActive];
  // An edit that does not apply to this person (nothing to delete) gives way to the next one.
  const start = random.int(0, edits.length - 1);
  for (let i = 0; i < edits.length; i += 1) {
    const edit = edits[(start + i) % edits.length];
    const what = edit ? await edit(deps, seeded, person, random, today) : null;
    if (what) return what;
  }
  return 'nothing';
}

const addTraining: Edit = async (deps, seeded, person, random, today) => {
  const seq = person.trainings.length + 1;
  const anchor = currentCredential(person)?.credential.issuedOn ?? today;
  const training = { ...planTraining(random, seq, anchor, CMSS_RULES), deleted: false, liveProofs: random.int(0, 1), removedProofs: 0 };
  person.trainings.push(training);
  const [row] = await deps.db.insertInto('trainings').values(trainingRow(seeded.organisationId, idOf(seeded.personIds, person.key), training)).returning('id').execute();
  seeded.trainingIds.set(`${person.key}#${seq}`, row?.id ?? '');
  if (training.liveProofs) await link(deps, seeded, person, row?.id ?? '');
  return `added entry ${seq} (${training.title}, ${training.completedOn}, ${training.minutes} min)`;
};

const toggleTraining: Edit = async (deps, seeded, person, random) => {
  const training = person.trainings.length ? random.pick(person.trainings) : null;
  if (!training) return null;
  training.deleted = !training.deleted;
  await deps.db.updateTable('trainings').set({ deleted_at: training.deleted ? EDITED : null }).where('organisation_id', '=', seeded.organisationId).where('id', '=', idOf(seeded.trainingIds, `${person.key}#${training.seq}`)).execute();
  return `${training.deleted ? 'deleted' : 'restored'} entry ${training.seq}`;
};

const toggleProof: Edit = async (deps, seeded, person, random) => {
  const training = person.trainings.length ? random.pick(person.trainings) : null;
  if (!training) return null;
  const id = idOf(seeded.trainingIds, `${person.key}#${training.seq}`);
  if (training.liveProofs === 0) {
    await link(deps, seeded, person, id);
    training.liveProofs = 1;
    return `attached proof to entry ${training.seq}`;
  }
  await deps.db.updateTable('training_proofs').set({ removed_at: EDITED }).where('organisation_id', '=', seeded.organisationId).where('training_id', '=', id).where('removed_at', 'is', null).execute();
  training.removedProofs += training.liveProofs;
  training.liveProofs = 0;
  return `removed the proofs of entry ${training.seq}`;
};

const toggleFee: Edit = async (deps, seeded, person, random) => {
  const fee = person.fees.length ? random.pick(person.fees) : null;
  if (!fee) return null;
  // The database keeps one live payment per certificate (migration 20261204T131700Z): no restoring a second.
  if (fee.deleted && person.fees.some((other) => other.credential === fee.credential && other.paidOn !== fee.paidOn && !other.deleted)) return null;
  fee.deleted = !fee.deleted;
  await deps.db
    .updateTable('fee_payments')
    .set({ deleted_at: fee.deleted ? EDITED : null })
    .where('organisation_id', '=', seeded.organisationId)
    .where('credential_id', '=', idOf(seeded.credentialIds, `${person.key}#${fee.credential}`))
    .where('paid_on', '=', fee.paidOn)
    .execute();
  // Every payment of that certificate on that day changes with it (the plan mirrors it).
  for (const other of person.fees) if (other.credential === fee.credential && other.paidOn === fee.paidOn) other.deleted = fee.deleted;
  return `${fee.deleted ? 'deleted' : 'restored'} the fee of certificate ${fee.credential}`;
};

/** A payment for the current certificate, or (the wrong cycle) for an older one. */
const payFee: Edit = async (deps, seeded, person, random, today) => {
  if (!person.credentials.length) return null;
  const credential = random.chance(0.7) ? (currentCredential(person)?.n ?? 0) : random.int(0, person.credentials.length - 1);
  // As the app: a certificate with a live payment gets no second one (fee-already-recorded; one live payment per certificate).
  if (person.fees.some((other) => other.credential === credential && !other.deleted)) return null;
  const fee = { credential, paidOn: today, deleted: false };
  person.fees.push(fee);
  await deps.db
    .insertInto('fee_payments')
    .values({ organisation_id: seeded.organisationId, person_id: idOf(seeded.personIds, person.key), credential_id: idOf(seeded.credentialIds, `${person.key}#${credential}`), amount_cents: 8500, currency: 'USD', paid_on: today, created_at: EDITED })
    .execute();
  return `paid the fee of certificate ${credential}`;
};

const renew: Edit = async (deps, seeded, person, random, today) => {
  const n = person.credentials.length;
  const credential = planCredential(random, today, `CMSS-${person.key}-r${n}`);
  person.credentials.push({ ...credential, deleted: false });
  const [row] = await deps.db
    .insertInto('credentials')
    .values({ organisation_id: seeded.organisationId, person_id: idOf(seeded.personIds, person.key), type_code: 'CMSS', number: credential.number, issued_on: credential.issuedOn, expires_on: credential.expiresOn, created_at: new Date(EDITED.getTime() + n * 1000) })
    .returning('id')
    .execute();
  seeded.credentialIds.set(`${person.key}#${n}`, row?.id ?? '');
  return `added certificate ${n} (${credential.issuedOn} to ${credential.expiresOn})`;
};

const toggleCredential: Edit = async (deps, seeded, person, random) => {
  if (!person.credentials.length) return null;
  const n = random.int(0, person.credentials.length - 1);
  const credential = person.credentials[n];
  if (!credential) return null;
  credential.deleted = !credential.deleted;
  await deps.db.updateTable('credentials').set({ deleted_at: credential.deleted ? EDITED : null }).where('organisation_id', '=', seeded.organisationId).where('id', '=', idOf(seeded.credentialIds, `${person.key}#${n}`)).execute();
  return `${credential.deleted ? 'deleted' : 'restored'} certificate ${n}`;
};

const toggleActive: Edit = async (deps, seeded, person) => {
  person.active = !person.active;
  await deps.db.updateTable('people').set({ active: person.active }).where('organisation_id', '=', seeded.organisationId).where('id', '=', idOf(seeded.personIds, person.key)).execute();
  return person.active ? 'came back' : 'left';
};

async function link(deps: CoreDeps, seeded: SeededOrganisation, person: PlannedPerson, trainingId: string): Promise<void> {
  await deps.db
    .insertInto('training_proofs')
    .values({ organisation_id: seeded.organisationId, training_id: trainingId, proof_file_id: seeded.proofFileIds[0], file_name: 'certificate.pdf', source: 'test', attached_by: idOf(seeded.personIds, person.key), attached_at: EDITED })
    .execute();
}
