import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Actor } from '../../src/domain/people.ts';
import type { Reply } from '../../src/replies.ts';
import { converse } from '../../src/chat/converse.ts';
import { confirmDraft } from '../../src/use-cases/confirm-draft.ts';
import type { CoreDeps } from '../../src/use-cases/deps.ts';
import { logTraining } from '../../src/use-cases/log-training.ts';

export function expectKind<K extends Reply['kind']>(reply: Reply, kind: K): Extract<Reply, { kind: K }> {
  expect(reply.kind).toBe(kind);
  return reply as Extract<Reply, { kind: K }>;
}

/** Log and confirm one training from a message; returns its entry number. */
export async function logged(deps: CoreDeps, actor: Actor, text: string): Promise<number> {
  expectKind(await logTraining(deps, actor, text), 'training-preview');
  return expectKind(await confirmDraft(deps, actor), 'training-logged').training.seq;
}

/**
 * Every row stored for a person's organisation (people, entries, drafts, fees, certificates, proofs,
 * audit events), to show that a refused input changed nothing.
 */
export async function storedRows(deps: CoreDeps, actor: Actor): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  for (const table of ['people', 'trainings', 'drafts', 'fee_payments', 'credentials', 'proof_files', 'training_proofs', 'audit_events'] as const) {
    const result = await sql<Record<string, unknown>>`select * from ${sql.table(table)} where organisation_id = ${actor.organisationId} order by id`.execute(deps.db);
    rows[table] = result.rows;
  }
  return rows;
}

/** What the bot answers last to one typed message (the reply a person reads after the others). */
export async function say(deps: CoreDeps, actor: Actor, text: string): Promise<Reply> {
  const replies = await converse(deps, actor, text);
  return replies[replies.length - 1] as Reply;
}
