import { expect } from 'vitest';
import type { Actor } from '../../src/domain/people.ts';
import type { Reply } from '../../src/replies.ts';
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
