import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/people.ts';
import { listAudit } from '../../src/db/repositories/audit.ts';
import { listTrainings } from '../../src/db/repositories/trainings.ts';
import { answerDraft } from '../../src/use-cases/answer-draft.ts';
import { cancelDraft } from '../../src/use-cases/cancel-draft.ts';
import { confirmDraft } from '../../src/use-cases/confirm-draft.ts';
import { logTraining } from '../../src/use-cases/log-training.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';
import { givenActor } from '../builders/actor.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { expectKind } from './helpers.ts';

const database = useTestDatabase();

describe('logging a training', () => {
  let deps: TestDeps;
  let actor: Actor;

  beforeEach(async () => {
    deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    actor = await givenActor(deps, { timeZone: 'America/Chicago' });
    await saveCredential(deps, actor, { number: 'CMSS-1001', issuedOn: '2026-01-15' });
  });

  it('previews what it read, with the credit and how it was computed, and stores nothing yet', async () => {
    const reply = await logTraining(deps, actor, 'finished the MLN web-based training "Medicare Billing: 837P and Form CMS-1500 (90 minutes)" yesterday');
    const { preview } = expectKind(reply, 'training-preview');
    expect(preview).toMatchObject({
      title: 'Medicare Billing: 837P and Form CMS-1500 (90 minutes)',
      kind: 'wbt',
      completedOn: '2026-11-26',
      dateStated: true,
      minutes: 90,
      durationText: '90 minutes',
      credentialCode: 'CMSS',
      asksRegistration: false,
      warnings: [],
    });
    expect(preview.award).toMatchObject({ kind: 'awarded', credit: 1.5, indexNumber: 'CMS06140729A' });
    expect(preview.award.explanation).toBe('90 minutes is over 60 and up to 90 → 1.5 CE, index CMS06140729A');
    expect(await listTrainings(deps.db, actor.organisationId, actor.personId)).toEqual([]);
  });

  it('logs on confirmation, numbers the entry, audits it and reports progress', async () => {
    await logTraining(deps, actor, 'MLN webinar "Telehealth Billing Basics" 45 min on Nov 3');
    const logged = expectKind(await confirmDraft(deps, actor), 'training-logged');
    expect(logged.training).toMatchObject({ seq: 1, title: 'Telehealth Billing Basics', kind: 'webinar', completedOn: '2026-11-03', minutes: 45, credit: 1, indexNumber: 'CMS06140728A', proofCount: 0 });
    expect(logged.training.howComputed).toContain('45 minutes is over 30 and up to 60 → 1 CE, index CMS06140728A');
    expect(logged.progress).toEqual({ state: 'at_risk', earned: 1, required: 3, credentialCode: 'CMSS', hasCredential: true });
    const [training] = await listTrainings(deps.db, actor.organisationId, actor.personId);
    const audit = await listAudit(deps.db, actor.organisationId, training?.id ?? '');
    expect(audit.map((e) => [e.action, e.source, e.actorPersonId])).toEqual([['training.logged', 'shell', actor.personId]]);
  });

  it('asks for the length when the text has none, and the answer completes the entry', async () => {
    const question = expectKind(await logTraining(deps, actor, 'watched the MLN webinar on telehealth billing yesterday'), 'question');
    expect(question).toMatchObject({ ask: 'length', title: 'MLN webinar on telehealth billing', candidates: [] });
    const preview = expectKind(await answerDraft(deps, actor, { text: '45' }), 'training-preview');
    expect(preview.preview).toMatchObject({ minutes: 45, completedOn: '2026-11-26' });
    expect(expectKind(await confirmDraft(deps, actor), 'training-logged').training.minutes).toBe(45);
  });

  it('asks which length when a message holds two different ones, and never picks one itself', async () => {
    const question = expectKind(await logTraining(deps, actor, 'watched the 45-minute webinar "Coding Updates", took me 1 hour'), 'question');
    expect(question.ask).toBe('length');
    expect(question.candidates.map((c) => c.minutes).sort()).toEqual([45, 60]);
    await expect(confirmDraft(deps, actor)).rejects.toMatchObject({ code: 'draft-incomplete' });
    const preview = expectKind(await answerDraft(deps, actor, { text: '45 min' }), 'training-preview');
    expect(preview.preview.minutes).toBe(45);
  });

  it('refuses a future completion date and stores nothing', async () => {
    await expect(logTraining(deps, actor, 'MLN course "Future Things" 30 min on 2026-12-25')).rejects.toMatchObject({ code: 'future-date', details: { date: '2026-12-25' } });
    await expect(confirmDraft(deps, actor)).rejects.toMatchObject({ code: 'draft-not-found' });
  });

  it('reads "yesterday" in the person\'s zone, not in UTC', async () => {
    deps.clock.set('2026-11-27T03:30:00Z'); // 21:30 on Nov 26 in Chicago
    const { preview } = expectKind(await logTraining(deps, actor, 'MLN course "Zone Test" 30 min yesterday'), 'training-preview');
    expect(preview.completedOn).toBe('2026-11-25');
  });

  it('logs once when confirmed twice, one after the other or at the same time', async () => {
    const { draftId } = expectKind(await logTraining(deps, actor, 'MLN course "Double Click" 60 min'), 'training-preview');
    const [a, b] = await Promise.all([confirmDraft(deps, actor, { draftId }), confirmDraft(deps, actor, { draftId })]);
    const again = await confirmDraft(deps, actor, { draftId });
    const seqs = [a, b, again].map((r) => expectKind(r, 'training-logged').training.seq);
    expect(seqs).toEqual([1, 1, 1]);
    expect([a, b].filter((r) => expectKind(r, 'training-logged').alreadyLogged)).toHaveLength(1);
    expect(await listTrainings(deps.db, actor.organisationId, actor.personId)).toHaveLength(1);
  });

  it('drops a preview on cancel, and a cancelled preview cannot be confirmed', async () => {
    const { draftId } = expectKind(await logTraining(deps, actor, 'MLN course "Dropped" 20 min'), 'training-preview');
    expect(await cancelDraft(deps, actor)).toEqual({ kind: 'draft-cancelled', title: 'Dropped' });
    await expect(confirmDraft(deps, actor, { draftId })).rejects.toMatchObject({ code: 'draft-not-found', details: { status: 'cancelled' } });
  });

  it('lets a preview go stale after a day', async () => {
    await logTraining(deps, actor, 'MLN course "Stale" 20 min');
    deps.clock.advance({ hours: 25 });
    await expect(confirmDraft(deps, actor)).rejects.toMatchObject({ code: 'draft-not-found' });
  });

  it('flags lengths outside the table for review instead of guessing', async () => {
    const { preview } = expectKind(await logTraining(deps, actor, 'MLN event "Annual Update Day" 3 hours'), 'training-preview');
    expect(preview.award).toMatchObject({ kind: 'review', reason: 'over-maximum', minutes: 180 });
    const logged = expectKind(await confirmDraft(deps, actor), 'training-logged');
    expect(logged.training).toMatchObject({ credit: null, indexNumber: null, reviewReason: 'over-maximum' });
    expect(logged.progress.earned).toBe(0);
  });

  it('warns when the same course is logged again in the cycle', async () => {
    await logTraining(deps, actor, 'MLN course "Repeat Me" 30 min on Nov 2');
    await confirmDraft(deps, actor);
    const { preview } = expectKind(await logTraining(deps, actor, 'MLN course "repeat me (30 min)" on Nov 20'), 'training-preview');
    expect(preview.warnings).toEqual([{ code: 'duplicate-in-cycle', seq: 1, title: 'Repeat Me' }]);
  });

  it('asks National Provider Call attendees to confirm their MLN registration', async () => {
    const { preview } = expectKind(await logTraining(deps, actor, 'National Provider Call: "Hospital Value-Based Purchasing" 2:00 – 3:30 pm ET on Nov 10'), 'training-preview');
    expect(preview).toMatchObject({ kind: 'npc', minutes: 90, asksRegistration: true });
    const unregistered = expectKind(await confirmDraft(deps, actor, { registered: false }), 'training-logged');
    expect(unregistered.training.registered).toBe(false);
    expect(unregistered.progress.earned).toBe(0);
  });

  it('refuses an empty or overlong message', async () => {
    await expect(logTraining(deps, actor, '   ')).rejects.toMatchObject({ code: 'title-missing' });
    await expect(logTraining(deps, actor, `MLN course ${'x'.repeat(2100)} 30 min`)).rejects.toMatchObject({ code: 'text-too-long' });
  });
});
