import { beforeEach, describe, expect, it } from 'vitest';
import { converse } from '../../src/chat/converse.ts';
import type { Actor } from '../../src/domain/people.ts';
import { confirmDraft } from '../../src/use-cases/confirm-draft.ts';
import { getHistory } from '../../src/use-cases/get-history.ts';
import { saveCredential } from '../../src/use-cases/save-credential.ts';
import { givenActor } from '../builders/actor.ts';
import { testDeps, type TestDeps } from '../builders/deps.ts';
import { useTestDatabase } from '../support/test-database.ts';
import { expectKind } from './helpers.ts';

const database = useTestDatabase();

// Issue 10: CMSS credit is for CMS/MLN training; when nothing says so, the preview asks, and the answer is kept.
describe('warn before crediting what may not count', () => {
  let deps: TestDeps;
  let actor: Actor;

  beforeEach(async () => {
    deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    actor = await givenActor(deps, { timeZone: 'America/Chicago' });
    await saveCredential(deps, actor, { number: 'CMSS-7447', issuedOn: '2026-01-15' });
  });

  it.each([
    ['attended AHIMA coding seminar, 60 min, last week', true],
    ['webinar on Chronic Care Management, took me 50 min with breaks', true],
    ['MLN webinar on telehealth 45 min', false],
    ['CMS course "Hospice Basics" 30 min', false],
    ['"MLN Connects Call: Skilled Nursing" 1 hour, registered', false],
    ['National Provider Call: Hospice, 2:00 to 3:00 pm ET yesterday, registered', false],
    ['Medicare Learning Network web-based training on billing, 1 hr', false],
    ['"Medicare Billing: 837P and Form CMS-1500" WBT 60 min', false],
  ])('%j asks to confirm it is CMS/MLN: %s', async (text, asks) => {
    const preview = expectKind((await converse(deps, actor, text))[0] ?? { kind: 'help', topic: 'all' }, 'training-preview');
    expect(preview.preview.warnings.some((w) => w.code === 'cms-unconfirmed')).toBe(asks);
  });

  it.each([
    ['by words', 'yes'],
    ['by its button', null],
  ])('stores the answer %s with the entry, and shows it in the history', async (_how, words) => {
    const preview = expectKind((await converse(deps, actor, 'attended AHIMA coding seminar, 60 min, last week'))[0] ?? { kind: 'help', topic: 'all' }, 'training-preview');
    const logged = words ? (await converse(deps, actor, words))[0] : await confirmDraft(deps, actor, { draftId: preview.draftId });
    expect(logged).toMatchObject({ kind: 'training-logged', training: { title: 'AHIMA coding seminar', cmsConfirmed: true } });
    const history = expectKind(await getHistory(deps, actor, 1), 'history');
    expect(history.entries[0]).toMatchObject({ cmsConfirmed: true });
  });

  it('keeps no answer for an entry whose text named MLN', async () => {
    await converse(deps, actor, 'MLN webinar on telehealth 45 min');
    const logged = expectKind((await converse(deps, actor, 'yes'))[0] ?? { kind: 'help', topic: 'all' }, 'training-logged');
    expect(logged.training.cmsConfirmed).toBeUndefined();
  });
});

describe('a fee amount that differs from the credential’s fee', () => {
  let deps: TestDeps;
  let actor: Actor;

  beforeEach(async () => {
    deps = testDeps(database.current.db, '2026-11-27T15:00:00Z');
    actor = await givenActor(deps, { timeZone: 'America/Chicago' });
    await saveCredential(deps, actor, { number: 'CMSS-7557', issuedOn: '2026-01-15' });
  });

  it.each(['fee paid $80', 'fee paid $850', 'I paid my $80 renewal fee on March 8'])('%j is questioned, and nothing is stored', async (text) => {
    expect((await converse(deps, actor, text))[0]).toMatchObject({ kind: 'error', code: 'fee-amount-differs', details: { feeCents: 8500 } });
    expect((await converse(deps, actor, 'fee paid $85 on 2026-01-10'))[0]).toMatchObject({ kind: 'fee-recorded', amountCents: 8500 });
  });

  it('records the amount when the person says so, and status shows what was paid', async () => {
    expect((await converse(deps, actor, 'fee paid $80 anyway'))[0]).toMatchObject({ kind: 'fee-recorded', amountCents: 8000 });
    expect((await converse(deps, actor, 'status'))[0]).toMatchObject({ kind: 'status', status: { fee: { paid: true, amountCents: 8500, payment: { amountCents: 8000, paidOn: '2026-11-27' } } } });
  });
});
