import type { InputBlock, KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { checkTrainingForm, type FormProblem } from '../../../src/index.ts';
import { VIEWS } from '../../../adapters/slack/ids.ts';
import { logTrainingModal, modalErrors, readLogTrainingSubmission, UNREADABLE_FIELD, type SubmissionProblem } from '../../../adapters/slack/render/modal.ts';
import { limitViolations } from './limit-check.ts';

const TODAY = '2026-11-27';

function inputs(view: ReturnType<typeof logTrainingModal>): InputBlock[] {
  return (view.blocks as KnownBlock[]).flatMap((b) => (b.type === 'input' ? [b] : []));
}

function element<T extends InputBlock['element']['type']>(view: ReturnType<typeof logTrainingModal>, blockId: string, type: T): Extract<InputBlock['element'], { type: T }> {
  const block = inputs(view).find((b) => b.block_id === blockId);
  if (block?.element.type !== type) throw new Error(`no ${type} in ${blockId}`);
  return block.element as Extract<InputBlock['element'], { type: T }>;
}

describe('logTrainingModal', () => {
  const view = logTrainingModal({ privateMetadata: '{"draftId":"x"}', today: TODAY });

  it('is the "Log a training" modal with its metadata', () => {
    expect(view).toMatchObject({
      type: 'modal',
      callback_id: VIEWS.logTraining,
      title: { type: 'plain_text', text: 'Log a training' },
      submit: { type: 'plain_text', text: 'Log it' },
      close: { type: 'plain_text', text: 'Cancel' },
      private_metadata: '{"draftId":"x"}',
    });
    for (const t of [view.title, view.submit, view.close]) expect(t?.text.length).toBeLessThanOrEqual(24);
    expect(limitViolations(view.blocks as KnownBlock[], 100)).toEqual([]);
  });

  it('has the six inputs with their block and action ids, the last two optional', () => {
    expect(inputs(view).map((b) => [b.block_id, b.element.action_id, b.element.type, b.optional ?? false])).toEqual([
      ['title', 'value', 'plain_text_input', false],
      ['completed_on', 'value', 'datepicker', false],
      ['minutes', 'value', 'number_input', false],
      ['kind', 'value', 'static_select', false],
      ['registered', 'value', 'checkboxes', true],
      ['certificate', 'value', 'file_input', true],
    ]);
  });

  it('without a prefill: empty title and minutes, today, web-based training', () => {
    expect(element(view, 'title', 'plain_text_input')).toEqual({ type: 'plain_text_input', action_id: 'value', max_length: 300 });
    expect(element(view, 'completed_on', 'datepicker').initial_date).toBe(TODAY);
    expect(element(view, 'minutes', 'number_input')).toEqual({ type: 'number_input', action_id: 'value', is_decimal_allowed: false, min_value: '0', max_value: '1440' });
    expect(element(view, 'kind', 'static_select').initial_option?.value).toBe('wbt');
  });

  it('explains the credit table under the length', () => {
    const hint = inputs(view).find((b) => b.block_id === 'minutes')?.hint?.text;
    expect(hint).toBe('ACMSS credit: up to 30 min → 0.5, over 30 up to 60 min → 1, over 60 up to 90 min → 1.5, over 90 up to 120 min → 2 CE. 0 min or over 120 min goes to manual review.');
  });

  it('offers the five kinds by their labels', () => {
    const options = element(view, 'kind', 'static_select').options ?? [];
    expect(options.map((o) => [o.value, o.text.text])).toEqual([
      ['wbt', 'Web-based training'],
      ['npc', 'National Provider Call'],
      ['webinar', 'Webinar'],
      ['event', 'Event'],
      ['other', 'Other activity'],
    ]);
  });

  it('asks about MLN registration with one "yes" box', () => {
    const options = element(view, 'registered', 'checkboxes').options;
    expect(options.map((o) => [o.value, o.text.text])).toEqual([['yes', 'I registered for this call through MLN (National Provider Calls need it)']]);
    expect(options[0]?.text.text.length).toBeLessThanOrEqual(75);
  });

  it('takes one PDF or image as the certificate', () => {
    expect(element(view, 'certificate', 'file_input')).toEqual({ type: 'file_input', action_id: 'value', filetypes: ['pdf', 'png', 'jpg', 'jpeg'], max_files: 1 });
  });

  it('fills in a prefill', () => {
    const filled = logTrainingModal({ privateMetadata: '', today: TODAY, prefill: { title: 'Telehealth Billing', completedOn: '2026-11-20', minutes: 45, kind: 'webinar' } });
    expect(element(filled, 'title', 'plain_text_input').initial_value).toBe('Telehealth Billing');
    expect(element(filled, 'completed_on', 'datepicker').initial_date).toBe('2026-11-20');
    expect(element(filled, 'minutes', 'number_input').initial_value).toBe('45');
    expect(element(filled, 'kind', 'static_select').initial_option).toEqual({ text: { type: 'plain_text', text: 'Webinar', emoji: true }, value: 'webinar' });
  });

  it.each([
    ['0 minutes is kept', 0, '0'],
    ['over the maximum is dropped', 2000, undefined],
    ['a fraction is dropped', 12.5, undefined],
    ['a negative is dropped', -5, undefined],
  ])('minutes prefill: %s', (_name, minutes, expected) => {
    expect(element(logTrainingModal({ privateMetadata: '', today: TODAY, prefill: { minutes } }), 'minutes', 'number_input').initial_value).toBe(expected);
  });

  it('cuts a long title prefill to 300 characters and ignores an unreadable date', () => {
    const filled = logTrainingModal({ privateMetadata: '', today: TODAY, prefill: { title: 'T'.repeat(400), completedOn: 'yesterday' } });
    expect(element(filled, 'title', 'plain_text_input').initial_value).toHaveLength(300);
    expect(element(filled, 'completed_on', 'datepicker').initial_date).toBe(TODAY);
  });

  it('refuses private_metadata over 3000 characters rather than corrupt it', () => {
    expect(() => logTrainingModal({ privateMetadata: 'x'.repeat(3001), today: TODAY })).toThrow(/private_metadata/);
  });
});

/** What Slack sends in view.state.values for a filled-in form. */
function submitted(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: { value: { type: 'plain_text_input', value: 'Telehealth Billing' } },
    completed_on: { value: { type: 'datepicker', selected_date: '2026-11-26' } },
    minutes: { value: { type: 'number_input', value: '45' } },
    kind: { value: { type: 'static_select', selected_option: { value: 'webinar', text: { type: 'plain_text', text: 'Webinar', emoji: true } } } },
    registered: { value: { type: 'checkboxes', selected_options: [] } },
    certificate: { value: { type: 'file_input', files: [{ id: 'F123', name: 'c.pdf', mimetype: 'application/pdf' }] } },
    ...overrides,
  };
}

describe('readLogTrainingSubmission', () => {
  it('reads a filled-in form and the uploaded file', () => {
    const { ok, form, fileIds } = readLogTrainingSubmission(submitted());
    expect(ok).toBe(true);
    expect(form).toEqual({ title: 'Telehealth Billing', completedOn: '2026-11-26', minutes: '45', kind: 'webinar', registered: false });
    expect(fileIds).toEqual(['F123']);
    expect(checkTrainingForm(form, TODAY)).toEqual([]);
  });

  it('reads a ticked registration box', () => {
    const values = submitted({ registered: { value: { type: 'checkboxes', selected_options: [{ value: 'yes', text: { type: 'plain_text', text: 'I registered' } }] } } });
    expect(readLogTrainingSubmission(values).form.registered).toBe(true);
  });

  it('turns empty inputs (Slack sends null) into empty fields the core reports', () => {
    const { form, fileIds } = readLogTrainingSubmission(
      submitted({
        title: { value: { type: 'plain_text_input', value: null } },
        completed_on: { value: { type: 'datepicker', selected_date: null } },
        minutes: { value: { type: 'number_input', value: null } },
        kind: { value: { type: 'static_select', selected_option: null } },
        registered: { value: { type: 'checkboxes', selected_options: [] } },
        certificate: { value: { type: 'file_input', files: [] } },
      }),
    );
    expect(form).toEqual({ title: '', completedOn: '', minutes: '', kind: '', registered: false });
    expect(fileIds).toEqual([]);
    expect(checkTrainingForm(form, TODAY).map((p) => p.field)).toEqual(['title', 'completedOn', 'minutes', 'kind']);
  });

  it('reads a form without the optional blocks (a modal opened before they were added)', () => {
    const { registered: _r, certificate: _c, ...required } = submitted();
    const result = readLogTrainingSubmission(required);
    expect(result).toMatchObject({ ok: true, form: { title: 'Telehealth Billing', registered: false }, fileIds: [] });
  });

  it.each<[string, unknown, SubmissionProblem, Record<string, string>]>([
    ['null', null, { reason: 'not-view-state', blocks: [] }, { title: UNREADABLE_FIELD }],
    ['a string', 'title=x', { reason: 'not-view-state', blocks: [] }, { title: UNREADABLE_FIELD }],
    ['an array', [{ title: 'x' }], { reason: 'not-view-state', blocks: [] }, { title: UNREADABLE_FIELD }],
    ['blocks that are not objects', { title: 'x' }, { reason: 'not-view-state', blocks: [] }, { title: UNREADABLE_FIELD }],
    ['no blocks at all', {}, { reason: 'missing-block', blocks: ['title', 'completed_on', 'minutes', 'kind'] }, { title: UNREADABLE_FIELD }],
    ['a block under another action id', submitted({ title: { other: { value: 'x' } } }), { reason: 'missing-block', blocks: ['title'] }, { title: UNREADABLE_FIELD }],
    ['a number where Slack sends text', submitted({ minutes: { value: { type: 'number_input', value: 45 } } }), { reason: 'wrong-shape', blocks: ['minutes'] }, { minutes: UNREADABLE_FIELD }],
    [
      'a select without its option value, and files that are not a list',
      submitted({ kind: { value: { selected_option: { text: 'Webinar' } } }, certificate: { value: { files: 'F1' } } }),
      { reason: 'wrong-shape', blocks: ['kind', 'certificate'] },
      { kind: UNREADABLE_FIELD, certificate: UNREADABLE_FIELD },
    ],
  ])('returns a clear refusal, never a throw, for %s', (_name, values, problem, errors) => {
    const result = readLogTrainingSubmission(values);
    expect(result).toMatchObject({ ok: false, problem, errors, fileIds: [] });
    // A caller that only checks the form (the current handler) still acks with errors and logs nothing.
    expect(checkTrainingForm(result.form, TODAY).map((p) => p.field)).toEqual(['title', 'completedOn', 'minutes', 'kind']);
  });

  it('names only blocks of the modal in its errors', () => {
    const blockIds = inputs(logTrainingModal({ privateMetadata: '', today: TODAY })).map((b) => b.block_id);
    for (const values of [null, {}, submitted({ minutes: { value: { value: 45 } } })]) {
      const result = readLogTrainingSubmission(values);
      if (result.ok) throw new Error('expected a refusal');
      expect(Object.keys(result.errors).length).toBeGreaterThan(0);
      expect(Object.keys(result.errors).every((k) => blockIds.includes(k))).toBe(true);
    }
  });
});

describe('modalErrors', () => {
  it.each<[FormProblem, string, string]>([
    [{ field: 'title', code: 'title-missing' }, 'title', "Enter the training's title (at least 3 letters, or an acronym such as E/M; 300 characters at most)."],
    [{ field: 'completedOn', code: 'invalid-date' }, 'completed_on', 'Pick the date you finished the training.'],
    [{ field: 'completedOn', code: 'future-date' }, 'completed_on', 'That date is in the future. Log a training once you have finished it.'],
    [{ field: 'minutes', code: 'length-invalid' }, 'minutes', 'Enter the length in whole minutes, from 0 to 1440.'],
    [{ field: 'kind', code: 'kind-unknown' }, 'kind', 'Pick the kind of activity.'],
    [{ field: 'completedOn', code: 'date-before-range' }, 'completed_on', 'That date is too far back.'],
    [{ field: 'title', code: 'text-too-long' }, 'title', "Enter the training's title (at least 3 letters, or an acronym such as E/M; 300 characters at most)."],
    [{ field: 'title', code: 'title-invalid' }, 'title', "Enter the training's title (at least 3 letters, or an acronym such as E/M; 300 characters at most)."],
    [{ field: 'title', code: 'text-control-character' }, 'title', 'This contains an invisible control character (text pasted from a PDF often does). Type it again without it.'],
    [{ field: 'minutes', code: 'length-too-long' }, 'minutes', 'Enter the length in whole minutes, from 0 to 1440.'],
  ])('%o → %s', (problem, blockId, message) => {
    expect(modalErrors([problem])).toEqual({ [blockId]: message });
  });

  it('keys every problem by a block id of the modal, first problem per field', () => {
    const blockIds = inputs(logTrainingModal({ privateMetadata: '', today: TODAY })).map((b) => b.block_id);
    const errors = modalErrors(checkTrainingForm({ title: '', completedOn: '2027-01-01', minutes: 'lots', kind: 'podcast' }, TODAY));
    expect(Object.keys(errors).every((k) => blockIds.includes(k))).toBe(true);
    expect(errors).toEqual({
      title: "Enter the training's title (at least 3 letters, or an acronym such as E/M; 300 characters at most).",
      completed_on: 'That date is in the future. Log a training once you have finished it.',
      minutes: 'Enter the length in whole minutes, from 0 to 1440.',
      kind: 'Pick the kind of activity.',
    });
    expect(modalErrors([{ field: 'title', code: 'title-missing' }, { field: 'title', code: 'text-too-long' }])).toEqual({ title: "Enter the training's title (at least 3 letters, or an acronym such as E/M; 300 characters at most)." });
  });

  it('is empty without problems', () => {
    expect(modalErrors([])).toEqual({});
  });
});

describe('logTrainingModal: registration prefill', () => {
  it('ticks the registration box when the preview was a registered call', () => {
    const view = logTrainingModal({ privateMetadata: '{}', today: '2026-11-27', prefill: { kind: 'npc', registered: true } });
    expect(JSON.stringify(view)).toContain('"initial_options":[{"text":{"type":"plain_text","text":"I registered');
    const unticked = logTrainingModal({ privateMetadata: '{}', today: null });
    expect(JSON.stringify(unticked)).not.toContain('initial_options');
    expect(JSON.stringify(unticked)).not.toContain('initial_date');
  });
});
