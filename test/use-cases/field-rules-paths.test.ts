import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/people.ts';
import { isRecertError } from '../../src/errors.ts';
import { converse } from '../../src/chat/converse.ts';
import { answerDraft } from '../../src/use-cases/answer-draft.ts';
import { editTraining } from '../../src/use-cases/edit-training.ts';
import { logTraining } from '../../src/use-cases/log-training.ts';
import { checkTrainingForm, logTrainingForm, type FormField, type TrainingForm } from '../../src/use-cases/log-training-form.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';
import type { Reply } from '../../src/replies.ts';
import { givenActor } from '../builders/actor.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { logged, storedRows } from './helpers.ts';

const database = useTestDatabase();

/** Today for the Chicago scribe at the fixed clock (2026-11-27T15:00Z). */
const TODAY = '2026-11-27';
const FORM: TrainingForm = { title: 'Form Baseline Course', completedOn: '2026-11-20', minutes: '45', kind: 'webinar' };

type Path = (deps: TestDeps, actor: Actor, value: string) => Promise<Reply>;

/** 'ok', or the code a path refused the value with (a thrown RecertError or an error reply). */
async function outcome(run: () => Promise<Reply | Reply[]>): Promise<string> {
  try {
    const result = await run();
    const reply = Array.isArray(result) ? result.at(-1) : result;
    return reply?.kind === 'error' ? reply.code : 'ok';
  } catch (error) {
    if (isRecertError(error)) return error.code;
    throw error;
  }
}

const formCheck = (field: FormField, value: string) => async () => {
  const problem = checkTrainingForm({ ...FORM, [field]: value }, TODAY)[0];
  if (problem) return { kind: 'error', code: problem.code, details: {} } satisfies Reply;
  return { kind: 'help', topic: 'all' } satisfies Reply;
};

/** Each field, every path that sets it. Values are typed the way that path takes them. */
const PATHS: Readonly<Record<'title' | 'date' | 'minutes' | 'kind', Readonly<Record<string, Path>>>> = {
  title: {
    'chat answer': async (deps, actor, title) => {
      await logTraining(deps, actor, '45 min yesterday');
      return answerDraft(deps, actor, { text: title });
    },
    'form check': (_deps, _actor, title) => formCheck('title', title)(),
    'form log': (deps, actor, title) => logTrainingForm(deps, actor, { ...FORM, title }),
    edit: async (deps, actor, title) => editTraining(deps, actor, await logged(deps, actor, 'MLN course "Edit Baseline" 30 min on Nov 1'), { title }),
  },
  date: {
    chat: (deps, actor, date) => logTraining(deps, actor, `MLN webinar "Date Rule Course" 45 min on ${date}`),
    'form check': (_deps, _actor, date) => formCheck('completedOn', date)(),
    'form log': (deps, actor, completedOn) => logTrainingForm(deps, actor, { ...FORM, completedOn }),
    edit: async (deps, actor, completedOn) => editTraining(deps, actor, await logged(deps, actor, 'MLN course "Edit Baseline" 30 min on 2026-11-02'), { completedOn }),
  },
  minutes: {
    chat: (deps, actor, minutes) => logTraining(deps, actor, `MLN webinar "Minutes Rule Course" ${minutes} min yesterday`),
    'chat answer': async (deps, actor, minutes) => {
      await logTraining(deps, actor, 'MLN webinar "Minutes Answer Course" yesterday');
      return answerDraft(deps, actor, { text: minutes });
    },
    'form check': (_deps, _actor, minutes) => formCheck('minutes', minutes)(),
    'form log': (deps, actor, minutes) => logTrainingForm(deps, actor, { ...FORM, minutes }),
    edit: async (deps, actor, minutes) => editTraining(deps, actor, await logged(deps, actor, 'MLN course "Edit Baseline" 33 min on Nov 1'), { minutes: Number(minutes) }),
  },
  kind: {
    'chat edit': async (deps, actor, kind) => converse(deps, actor, `edit ${await logged(deps, actor, 'MLN course "Edit Baseline" 30 min on Nov 1')} kind ${kind || '-'}`).then((r) => r.at(-1) ?? { kind: 'help', topic: 'all' }),
    'form check': (_deps, _actor, kind) => formCheck('kind', kind)(),
    'form log': (deps, actor, kind) => logTrainingForm(deps, actor, { ...FORM, kind }),
  },
};

const VALUES: Readonly<Record<keyof typeof PATHS, readonly (readonly [string, string])[]>> = {
  title: [
    ['Telehealth Billing Basics', 'ok'],
    ['Abc', 'ok'],
    ['x'.repeat(300), 'ok'],
    ['ab', 'title-invalid'],
    ['123 456', 'title-invalid'],
    ['x'.repeat(301), 'title-invalid'],
    ['Tele\u0000health', 'text-control-character'],
  ],
  date: [
    [TODAY, 'ok'],
    ['2016-11-27', 'ok'],
    ['2016-11-26', 'date-before-range'],
    ['1990-06-01', 'date-before-range'],
    ['2026-11-28', 'future-date'],
  ],
  minutes: [
    ['0', 'ok'],
    ['50', 'ok'],
    ['1440', 'ok'],
    ['1441', 'length-too-long'],
    ['5000', 'length-too-long'],
  ],
  kind: [
    ['webinar', 'ok'],
    ['npc', 'ok'],
    ['podcast', 'kind-unknown'],
  ],
};

const CASES = (Object.keys(PATHS) as (keyof typeof PATHS)[]).flatMap((field) =>
  Object.entries(PATHS[field]).flatMap(([path, run]) => VALUES[field].map(([value, expected]) => ({ field, path, run, value, expected }))),
);

describe('one validation per field, on every path', () => {
  let deps: TestDeps;
  let actor: Actor;

  beforeEach(async () => {
    deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    actor = await givenActor(deps, { timeZone: 'America/Chicago' });
    await saveCredential(deps, actor, { number: 'CMSS-7007', issuedOn: '2026-01-15' });
  });

  it.each(CASES.map((c) => [c.field, c.path, c.value.length > 40 ? `${c.value.slice(0, 12)}… (${c.value.length})` : JSON.stringify(c.value), c.expected, c] as const))(
    '%s via %s: %s → %s',
    async (_field, _path, _shown, expected, { run, value }) => {
      expect(await outcome(() => run(deps, actor, value))).toBe(expected);
    },
  );

  it('changes nothing stored when the form or an edit refuses a value', async () => {
    const seq = await logged(deps, actor, 'MLN course "Untouched Course" 30 min on Nov 1');
    const before = await storedRows(deps, actor);
    for (const form of [{ ...FORM, completedOn: '1990-06-01' }, { ...FORM, title: 'ab' }, { ...FORM, minutes: '1441' }, { ...FORM, title: 'Bad\u0000Title' }]) {
      expect(await outcome(() => logTrainingForm(deps, actor, form))).not.toBe('ok');
    }
    for (const change of [{ completedOn: '1990-06-01' }, { title: 'ab' }, { minutes: 1441 }, { title: 'Bad\u0000Title' }]) {
      expect(await outcome(() => editTraining(deps, actor, seq, change))).not.toBe('ok');
    }
    expect(await storedRows(deps, actor)).toEqual(before);
  });
});
