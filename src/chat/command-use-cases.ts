import type { Actor } from '../domain/people.ts';
import { RecertError } from '../errors.ts';
import { readDateWords } from '../reading/date-words.ts';
import { readDuration } from '../reading/duration.ts';
import type { Reply } from '../replies.ts';
import type { CoreDeps } from '../use-cases/deps.ts';
import { editTraining, type TrainingChanges } from '../use-cases/edit-training.ts';
import { recordFeePayment, type FeeInput } from '../use-cases/record-fee.ts';
import { saveCredential, type CredentialInput } from '../use-cases/save-credential.ts';
import type { Intent } from './intent.ts';

export type Of<K extends Intent['kind']> = Extract<Intent, { kind: K }>;

function dateOrThrow(deps: CoreDeps, actor: Actor, text: string, prefer: 'past' | 'future' = 'past'): string {
  const date = readDateWords(text, deps.clock.now(), actor.timeZone, prefer);
  if (!date) throw new RecertError('invalid-date', { text: text.slice(0, 60) });
  return date;
}

export function certFromChat(deps: CoreDeps, actor: Actor, intent: Of<'cert'>): Promise<Reply> {
  return saveCredential(deps, actor, certInput(deps, actor, intent));
}

/** The certificate a `cert …` text gives (dates read in the asker's zone). */
export function certInput(deps: CoreDeps, actor: Actor, intent: Of<'cert'>): CredentialInput {
  const issuedOn = dateOrThrow(deps, actor, intent.issued);
  const expiresOn = intent.expires === null ? undefined : dateOrThrow(deps, actor, intent.expires, 'future');
  return { number: intent.number, issuedOn, ...(expiresOn ? { expiresOn } : {}), ...(intent.anyway ? { sharedNumberMeant: true } : {}) };
}

export function feeFromChat(deps: CoreDeps, actor: Actor, intent: Of<'fee'>): Promise<Reply> {
  return recordFeePayment(deps, actor, feeInput(deps, actor, intent));
}

/** The payment a `fee paid …` text gives. */
export function feeInput(deps: CoreDeps, actor: Actor, intent: Of<'fee'>): FeeInput {
  const amountCents = intent.amountText === null ? undefined : Math.round(Number(intent.amountText) * 100);
  const paidOn = intent.dateText === null ? undefined : dateOrThrow(deps, actor, intent.dateText);
  return {
    ...(amountCents === undefined ? {} : { amountCents }),
    ...(paidOn === undefined ? {} : { paidOn }),
    ...(intent.reference ? { reference: intent.reference } : {}),
    ...(intent.anyway ? { differentAmountMeant: true } : {}),
  };
}

export function editFromChat(deps: CoreDeps, actor: Actor, intent: Of<'edit'>): Promise<Reply> {
  return editTraining(deps, actor, intent.seq, changesOf(deps, actor, intent.change));
}

function changesOf(deps: CoreDeps, actor: Actor, change: Of<'edit'>['change']): TrainingChanges {
  switch (change.field) {
    case 'minutes': {
      const reading = readDuration(change.text, { bareNumberIsMinutes: true });
      if (reading.kind !== 'found') throw new RecertError('length-invalid', { text: change.text.slice(0, 60) });
      return { minutes: reading.duration.minutes };
    }
    case 'title':
      return { title: change.text };
    case 'date':
      return { completedOn: dateOrThrow(deps, actor, change.text) };
    case 'kind':
      if (!change.kind) throw new RecertError('kind-unknown', { text: change.text.slice(0, 40) });
      return { kind: change.kind };
    case 'registered':
      return { registered: change.registered };
  }
}
