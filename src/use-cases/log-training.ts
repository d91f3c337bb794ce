import type { Actor } from '../domain/people.ts';
import { insertDraft } from '../db/repositories/drafts.ts';
import { checkCompletionDate, checkMinutes, checkTitle, checkTyped, orRefuse } from '../domain/training-field-rules.ts';
import { RecertError } from '../errors.ts';
import { MAX_TRAINING_TEXT, readTraining } from '../reading/training-text.ts';
import type { Reply } from '../replies.ts';
import type { CoreDeps } from './deps.ts';
import { replyForDraft } from './draft-reply.ts';
import { nowOf, standingOf, todayFor } from './shared.ts';
import { draftFromReading } from './training-draft.ts';

/**
 * Read a training from a message and open a draft: the reply is a preview to confirm, or the
 * question the bot needs answered first (length missing or ambiguous, no title). Nothing is
 * logged until the person confirms.
 */
export interface LogOptions {
  /** The conversation the preview is shown in (e.g. a Slack thread); files shared there attach to it. */
  readonly anchor?: string;
}

export async function logTraining(deps: CoreDeps, actor: Actor, text: string, options: LogOptions = {}): Promise<Reply> {
  const trimmed = text.trim();
  if (!trimmed) throw new RecertError('title-missing');
  if (trimmed.length > MAX_TRAINING_TEXT) throw new RecertError('text-too-long', { max: MAX_TRAINING_TEXT, length: trimmed.length });
  orRefuse(checkTyped(trimmed, 'message'));
  const reading = readTraining(trimmed, deps.clock.now(), actor.timeZone);
  const today = todayFor(deps, actor);
  if (reading.date.kind === 'invalid') throw new RecertError('invalid-date', { text: reading.date.text });
  // "last month" names no day: the draft asks for it (never today in its place).
  const completedOn = reading.date.kind === 'vague' ? today : orRefuse(checkCompletionDate(reading.date.date, today));
  if (reading.duration.kind === 'found') orRefuse(checkMinutes(reading.duration.duration.minutes));
  // No title yet is a question for the person (draftFromReading asks); a title that is there obeys the rule.
  if (reading.title !== null) orRefuse(checkTitle(reading.title));
  const draft = draftFromReading(reading, completedOn);
  const now = nowOf(deps);
  // Earlier previews stay open: a second training never replaces a first one silently (issue 10).
  const record = await insertDraft(deps.db, actor.organisationId, { personId: actor.personId, payload: draft, source: actor.source, anchor: options.anchor ?? null }, now);
  const standing = await standingOf(deps.db, actor, todayFor(deps, actor));
  return replyForDraft(record.id, draft, standing);
}
