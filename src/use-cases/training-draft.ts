import { z } from 'zod';
import { ACTIVITY_KINDS } from '../domain/activity-kind.ts';
import type { TrainingReading } from '../reading/training-text.ts';

/** A training being logged: what was read so far, kept in the drafts table between messages. */
export const trainingDraftSchema = z.object({
  text: z.string(),
  title: z.string().nullable(),
  kind: z.enum(ACTIVITY_KINDS),
  kindStated: z.boolean(),
  completedOn: z.string(),
  dateStated: z.boolean(),
  minutes: z.number().int().min(0).nullable(),
  minutesSource: z.enum(['stated', 'answered']).nullable(),
  durationText: z.string().nullable(),
  durationHow: z.string().nullable(),
  approximate: z.boolean(),
  candidates: z.array(z.object({ minutes: z.number().int().min(0), text: z.string() })),
  registered: z.boolean().nullable(),
  /** Words that named a period, not a day ("last month"): the bot asks which day. Drafts stored before it have none. */
  dateAsked: z.string().nullable().default(null),
  /** False: nothing said CMS/MLN, so confirming means "it is a CMS/MLN training". Older drafts were not asked. */
  cmsStated: z.boolean().default(true),
});

export type TrainingDraft = z.infer<typeof trainingDraftSchema>;

export function draftFromReading(reading: TrainingReading, completedOn: string): TrainingDraft {
  const found = reading.duration.kind === 'found' ? reading.duration.duration : null;
  return {
    text: reading.text,
    title: reading.title,
    kind: reading.kind,
    kindStated: reading.kindStated,
    completedOn,
    dateStated: reading.date.kind === 'stated',
    minutes: found?.minutes ?? null,
    minutesSource: found ? 'stated' : null,
    durationText: found?.text ?? null,
    durationHow: found?.how ?? null,
    approximate: found?.approximate ?? false,
    candidates: reading.duration.kind === 'ambiguous' ? reading.duration.candidates.map(({ minutes, text }) => ({ minutes, text })) : [],
    registered: reading.registered,
    dateAsked: reading.date.kind === 'vague' ? reading.date.text : null,
    cmsStated: reading.cmsStated,
  };
}

export type DraftStep = 'title' | 'length' | 'date' | 'ready';

/** What the draft still lacks, in the order the bot asks for it. */
export function nextStep(draft: TrainingDraft): DraftStep {
  if (draft.minutes === null) return 'length';
  if (draft.title === null) return 'title';
  if (draft.dateAsked !== null) return 'date';
  return 'ready';
}
