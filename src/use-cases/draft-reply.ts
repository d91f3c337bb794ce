import { inCycle } from '../domain/cycle.ts';
import type { Reply, PreviewWarning } from '../replies.ts';
import type { Standing } from './shared.ts';
import { nextStep, type TrainingDraft } from './training-draft.ts';
import { trainingFields } from './training-fields.ts';

/** The bot's answer to a draft: the question it still needs answered, or the preview to confirm. */
export function replyForDraft(draftId: string, draft: TrainingDraft, standing: Standing): Reply {
  const step = nextStep(draft);
  if (step !== 'ready' || draft.minutes === null || draft.title === null || draft.dateAsked !== null) {
    const ask = step === 'ready' ? 'length' : step;
    return { kind: 'question', draftId, ask, title: draft.title, candidates: draft.candidates, ...(ask === 'date' && draft.dateAsked ? { dateText: draft.dateAsked } : {}) };
  }
  const fields = trainingFields(standing.rules, { ...draft, title: draft.title, minutes: draft.minutes, minutesSource: draft.minutesSource ?? 'stated' });
  const asksRegistration = standing.rules.registrationRequiredKinds.includes(draft.kind) && draft.registered === null;
  return {
    kind: 'training-preview',
    draftId,
    preview: {
      title: draft.title,
      kind: draft.kind,
      kindStated: draft.kindStated,
      completedOn: draft.completedOn,
      dateStated: draft.dateStated,
      minutes: fields.minutes,
      durationText: draft.durationText ?? `${draft.minutes} min`,
      durationHow: draft.durationHow ?? `${draft.minutes} minutes, as you answered`,
      award: fields.award,
      credentialCode: standing.rules.code,
      asksRegistration,
      warnings: warningsFor(draft, fields.titleKey, standing, asksRegistration),
    },
  };
}

function warningsFor(draft: TrainingDraft, key: string, standing: Standing, asksRegistration: boolean): PreviewWarning[] {
  const warnings: PreviewWarning[] = [];
  const certificate = standing.credential;
  if (!certificate) warnings.push({ code: 'no-credential' });
  else if (!inCycle(certificate, draft.completedOn)) {
    warnings.push({ code: 'outside-cycle', issuedOn: certificate.issuedOn, expiresOn: certificate.expiresOn });
  }
  const twin = standing.trainings.find((t) => t.titleKey === key && (!certificate || inCycle(certificate, t.completedOn)));
  if (twin) warnings.push({ code: 'duplicate-in-cycle', seq: twin.seq, title: twin.title });
  const minutes = draft.minutes ?? 0;
  if (minutes > 0 && minutes < standing.rules.shortActivityMinutes) {
    warnings.push({ code: 'short-activity', minutes, threshold: standing.rules.shortActivityMinutes });
  }
  if (draft.approximate) warnings.push({ code: 'approximate-length' });
  if (!draft.cmsStated) warnings.push({ code: 'cms-unconfirmed' });
  if (asksRegistration) warnings.push({ code: 'registration-required' });
  if (draft.registered === false && standing.rules.registrationRequiredKinds.includes(draft.kind)) warnings.push({ code: 'registration-missing' });
  return warnings;
}
