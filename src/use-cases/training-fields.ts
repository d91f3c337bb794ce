import { awardCredit, type CreditAward } from '../domain/credit.ts';
import type { CredentialRules } from '../domain/credential-rules.ts';
import { titleKey } from '../domain/title-key.ts';
import { readDuration } from '../reading/duration.ts';
import type { MinutesSource } from '../domain/training.ts';
import type { TrainingFields } from '../db/repositories/trainings.ts';
import type { ActivityKind } from '../domain/activity-kind.ts';

export interface EntryFacts {
  readonly title: string;
  readonly kind: ActivityKind;
  readonly completedOn: string;
  readonly minutes: number;
  readonly minutesSource: MinutesSource;
  readonly durationHow: string | null;
  readonly registered: boolean | null;
}

/** The stored form of an entry: credit, index and the full explanation, computed by the rules. */
export function trainingFields(rules: CredentialRules, facts: EntryFacts): TrainingFields & { award: CreditAward } {
  const award = awardCredit(rules, facts.minutes);
  return {
    title: facts.title,
    titleKey: keyOf(facts.title),
    kind: facts.kind,
    completedOn: facts.completedOn,
    minutes: award.minutes,
    minutesSource: facts.minutesSource,
    credit: award.kind === 'awarded' ? award.credit : null,
    indexNumber: award.kind === 'awarded' ? award.indexNumber : null,
    reviewReason: award.kind === 'review' ? award.reason : null,
    registered: facts.registered,
    howComputed: facts.durationHow ? `${facts.durationHow}; ${award.explanation}` : award.explanation,
    award,
  };
}

/** A length written in the title ("… (60 minutes)") is not part of the course's identity. */
function keyOf(title: string): string {
  const reading = readDuration(title);
  const key = titleKey(title, reading.kind === 'found' ? reading.duration : undefined);
  return key || title.toLowerCase();
}
