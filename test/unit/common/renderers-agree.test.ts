import { describe, expect, it } from 'vitest';
import type { ErrorCode, Reply } from '../../../src/index.ts';
import { present } from '../../../adapters/common/present.ts';
import type { Part, Presentation, Rich } from '../../../adapters/common/presentation.ts';
import { renderText } from '../../../adapters/shell/render-text.ts';
import { TERMINAL_WORDING } from '../../../adapters/shell/render.ts';
import { renderHome } from '../../../adapters/slack/render/home.ts';
import { toSlackMessage } from '../../../adapters/slack/render/block-kit.ts';
import { SLACK_WORDING } from '../../../adapters/slack/render/present-context.ts';
import { aHistory, aPreview, aStatus, DRAFT_ID, EVERY_ERROR, EVERY_UNDO, EVERY_WARNING, ONE_OF_EACH, PROGRESS } from '../../builders/replies.ts';
import { CHANNEL_REMINDERS, EVERY_REMINDER } from '../../builders/reminders.ts';
import { sentencesOf, written } from '../../support/presentation-text.ts';
import { textsOf } from '../slack/fixtures.ts';

/**
 * The two renderers say the same sentences for the same reply: every text of the Presentation is in
 * the terminal's text and in Slack's blocks, and what is left of either once those are taken out is
 * only the renderer's own glyphs (bullets, bars, emoji, label colons) — no sentence of its own.
 */

const REPLIES: readonly (readonly [string, Reply])[] = [
  ...Object.values(ONE_OF_EACH).map((r) => [r.kind, r] as const),
  ['preview of a call, nothing stated', { kind: 'training-preview', draftId: DRAFT_ID, preview: aPreview({ kind: 'npc', asksRegistration: true, dateStated: false, kindStated: false }) }],
  ['preview with every warning', { kind: 'training-preview', draftId: DRAFT_ID, preview: aPreview({ warnings: EVERY_WARNING }) }],
  ['preview needing review', { kind: 'training-preview', draftId: DRAFT_ID, preview: aPreview({ minutes: 150 }) }],
  ['question with candidates', { ...ONE_OF_EACH.question, candidates: [{ minutes: 60, text: '1 hour' }, { minutes: 45, text: '45 min' }] }],
  ['question for the title', { ...ONE_OF_EACH.question, ask: 'title', title: null }],
  ['question for the day', { ...ONE_OF_EACH.question, ask: 'date', dateText: 'last month' }],
  ['logged without a certificate', { ...ONE_OF_EACH['training-logged'], progress: { ...PROGRESS, hasCredential: false } }],
  ...Object.values(EVERY_UNDO).flatMap((changes) => changes.map((change) => [`undone ${change.action}`, { kind: 'undone', change }] as const)),
  ['status without a certificate', { kind: 'status', status: aStatus({ certificate: null, reasons: [{ code: 'no-credential' }] }) }],
  ['status expired, fee without amount', { kind: 'status', status: aStatus({ state: 'out_of_compliance', certificate: { number: 'C-1', issuedOn: '2025-01-15', expiresOn: '2026-01-15', daysLeft: -3 }, fee: { required: true, paid: false, amountCents: null, currency: 'USD' } }) }],
  ['history page 2 of 3', aHistory(25, 2)],
  ['history empty', aHistory(0)],
  ['proof on other entries too', { ...ONE_OF_EACH['proof-attached'], reusedStoredFile: true, alsoAttachedTo: [{ seq: 1, title: 'A' }] }],
  ...(['all', 'log', 'cert', 'fee', 'proof', 'edit'] as const).map((topic) => [`help ${topic}`, { kind: 'help', topic }] as const),
  ...EVERY_REMINDER.map(([name, message]) => [`reminder: ${name}`, { kind: 'reminder', message }] as const),
  ['channel reminders shown, off', { ...CHANNEL_REMINDERS, change: 'show', channel: { ...CHANNEL_REMINDERS.channel, active: false }, next: [] }],
  ['channel reminders, nobody due', { ...CHANNEL_REMINDERS, change: 'updated', next: [], digest: null }],
  ['digest off', { kind: 'manager-digest-set', schedule: null, changed: true }],
  ['help remind', { kind: 'help', topic: 'remind' }],
  ...(Object.keys(EVERY_ERROR) as ErrorCode[]).map((code) => [`error ${code}`, { kind: 'error', code, details: EVERY_ERROR[code] }] as const),
  ['roster refused to a scribe', { kind: 'error', code: 'forbidden', details: { permission: 'see-report', request: 'roster', admins: 'Dana, Eli' } }],
  ['roster change refused to a team manager', { kind: 'error', code: 'forbidden', details: { permission: 'manage-roster', admins: 'Dana, Eli', subject: 'Ben', outOfScope: true, teams: 'Night shift' } }],
  ['team report refused to a team manager', { kind: 'error', code: 'forbidden', details: { permission: 'see-report', admins: 'Dana', subject: 'Team Day shift', subjectKind: 'team', outOfScope: true, teams: 'Night shift' } }],
];

function richTexts(part: Part): Rich[] {
  switch (part.kind) {
    case 'paragraph':
      return [...part.lines];
    case 'list':
      return [...(part.title === null ? [] : [[part.title]]), ...part.items];
    case 'facts':
      return part.facts.flatMap((f) => [[f.label], f.value]);
    case 'note':
    case 'progress':
      return [part.kind === 'note' ? part.text : part.caption];
  }
}

/** Each text of the model, as words (marks dropped, code in backticks). */
function modelTexts(p: Presentation): string[] {
  return [...(p.heading === null ? [] : [p.heading]), ...p.body.flatMap(richTexts).map(written)];
}

/** Slack's mrkdwn back to words: entities undone, emoji codes and bold/italic marks dropped. */
function slackWords(text: string): string {
  return text.replace(/:[a-z_]+:/g, '').replace(/[*_]/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Take every model text out of the rendering, longest first; what is left must be the renderer's glyphs only. */
function leftover(rendered: string, texts: readonly string[]): string {
  return [...texts].sort((a, b) => b.length - a.length).reduce((rest, t) => (t ? rest.split(t).join(' ') : rest), rendered);
}

const unmarked = (text: string) => text.replace(/[*_]/g, '');

describe.each([
  ['terminal', TERMINAL_WORDING],
  ['Slack', SLACK_WORDING],
] as const)('with %s wording, both renderers say exactly the model\'s sentences', (_name, context) => {
  it.each(REPLIES)('%s', (_label, reply) => {
    const p = present(reply, context);
    const texts = modelTexts(p).map(unmarked);
    const terminal = unmarked(renderText(p));
    const slack = slackWords(textsOf(toSlackMessage(p).blocks).filter((t) => !p.actions.some((a) => a.label === t)).join('\n'));
    for (const text of texts) {
      expect(terminal).toContain(text);
      expect(slack).toContain(text);
    }
    expect(leftover(terminal, [...texts, ...(p.typed ? [unmarked(written(p.typed))] : [])])).toMatch(/^[\s\-!:[\]#.]*$/);
    expect(leftover(slack, texts)).toMatch(/^[\s•▰▱:]*$/);
  });
});

describe('Slack and the terminal word each reply alike: only the prefix and a few surface sentences differ', () => {
  /** What depends on the surface (present/surface-words.ts): answering in a thread, and how files are attached. */
  const IN_THREAD = / Answer in this thread\.| in this thread/g;
  const SURFACE_SENTENCES = /^(Share the certificate file|Share the file of the certificate|To attach it to another entry|Attach its certificate with|proof (3 )?\.\/certificate\.pdf|Plain messages work too|`as NAME`|The files come to our DM|The files are written to)/;

  it.each(REPLIES)('%s', (_label, reply) => {
    const slack = sentencesOf(present(reply, SLACK_WORDING)).map((s) => s.replaceAll(SLACK_WORDING.commandPrefix, '').replace(IN_THREAD, ''));
    const terminal = sentencesOf(present(reply, TERMINAL_WORDING));
    expect(slack.filter((s) => !SURFACE_SENTENCES.test(s))).toEqual(terminal.filter((s) => !SURFACE_SENTENCES.test(s)));
    expect(slack.length).toBe(terminal.length);
    expect(present(reply, SLACK_WORDING).actions).toEqual(present(reply, TERMINAL_WORDING).actions);
  });
});

describe('App Home says what the status and history replies say', () => {
  it('the same heading, bar caption, certificate and fee lines, reasons and entry lines', () => {
    const status = aStatus();
    const history = aHistory(3);
    const home = slackWords(textsOf(renderHome({ status, history }).blocks).join('\n'));
    const said = [...modelTexts(present({ kind: 'status', status }, SLACK_WORDING)), ...modelTexts(present(history, SLACK_WORDING))]
      .filter((t) => !/^(To do|Your entries|Fix an entry|Dates in)/.test(t) && !t.includes('without a certificate or contact-hour proof'))
      .map(unmarked);
    for (const text of said) expect(home).toContain(text);
  });
});
