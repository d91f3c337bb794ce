import { REMINDER_REPLIES } from './reminders.ts';
import { aTranscript } from './paperwork.ts';
import { awardCredit, CMSS_RULES, type AuditHead, type AuditItemView, type AuditPersonView, type DraftPreview, type ErrorCode, type ErrorDetails, type PreviewWarning, type Progress, type Reply, type StatusView, type TrainingView, type UndoneChange } from '../../src/index.ts';

/** Reply data as the use cases return it, for renderer and presentation tests: realistic numbers, overridable where a test is about something. */

export function aView(seq: number, overrides: Partial<TrainingView> = {}): TrainingView {
  const minutes = overrides.minutes ?? 75;
  const award = awardCredit(CMSS_RULES, minutes);
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    seq,
    title: 'Medicare Billing: 837P and Form CMS-1500',
    kind: 'wbt',
    completedOn: '2026-11-02',
    minutes,
    credit: award.kind === 'awarded' ? award.credit : null,
    indexNumber: award.kind === 'awarded' ? award.indexNumber : null,
    howComputed: `1 hr 15 min = 60 + 15 = 75 minutes; ${award.explanation}`,
    reviewReason: award.kind === 'review' ? award.reason : null,
    registered: null,
    proofCount: 0,
    notCounted: null,
    ...overrides,
  };
}

export const PROGRESS: Progress = { state: 'at_risk', earned: 1.5, required: 3, credentialCode: 'CMSS', hasCredential: true };

export function aPreview(overrides: Partial<DraftPreview> = {}): DraftPreview {
  return {
    title: 'Medicare Billing: 837P and Form CMS-1500',
    kind: 'wbt',
    kindStated: true,
    completedOn: '2026-11-26',
    dateStated: true,
    minutes: 75,
    durationText: '1 hr 15 min',
    durationHow: '1 hr 15 min = 60 + 15 = 75 minutes',
    award: awardCredit(CMSS_RULES, overrides.minutes ?? 75),
    credentialCode: 'CMSS',
    asksRegistration: false,
    warnings: [],
    ...overrides,
  };
}

export function aStatus(overrides: Partial<StatusView> = {}): StatusView {
  return {
    displayName: 'Dana Scribe',
    isSelf: true,
    timeZone: 'America/Chicago',
    today: '2026-11-27',
    state: 'at_risk',
    credentialCode: 'CMSS',
    credentialName: 'Certified Medical Scribe Specialist',
    certificate: { number: 'CMSS-12345', issuedOn: '2026-01-15', expiresOn: '2027-01-15', daysLeft: 49 },
    earned: 1.5,
    required: 3,
    countedMinutes: 75,
    countedEntries: 1,
    fee: { required: true, paid: false, amountCents: 8500, currency: 'USD' },
    reasons: [
      { code: 'credit-short', earned: 1.5, required: 3, missing: 1.5 },
      { code: 'fee-unpaid', feeCents: 8500, currency: 'USD' },
      { code: 'proof-missing', entries: [{ seq: 1, title: 'Medicare Billing: 837P and Form CMS-1500' }] },
    ],
    ...overrides,
  };
}

export type HistoryReply = Extract<Reply, { kind: 'history' }>;

export function aHistory(count: number, page = 1, pageSize = 10): HistoryReply {
  const first = (page - 1) * pageSize + 1;
  const onPage = Math.max(0, Math.min(pageSize, count - first + 1));
  const entries = Array.from({ length: onPage }, (_, i) => aView(first + i, { title: `Course ${first + i}`, proofCount: i % 2 }));
  return { kind: 'history', entries, page, pageCount: Math.max(1, Math.ceil(count / pageSize)), total: count };
}

export const DRAFT_ID = '11111111-1111-4111-8111-111111111111';

const AUDIT_HEAD: AuditHead = { id: '33333333-3333-4333-8333-333333333333', seed: 1234, percent: 25, filters: { team: 'Night shift' }, startedBy: 'Dana Admin', startedOn: '2026-11-27', candidates: 4 };
const AUDIT_ITEMS: readonly AuditItemView[] = [
  { itemId: '44444444-4444-4444-8444-444444444441', seq: 1, title: 'Telehealth Billing', completedOn: '2026-11-20', status: 'answered' },
  { itemId: '44444444-4444-4444-8444-444444444442', seq: 2, title: 'Medicare Billing: 837P & <Form> CMS-1500', completedOn: '2026-11-21', status: 'requested' },
];
const AUDIT_PERSON: AuditPersonView = { personId: '22222222-2222-4222-8222-222222222222', displayName: 'Ana Ortiz', outstanding: 1, items: AUDIT_ITEMS };
const AUDIT_REQUEST: Extract<Reply, { kind: 'audit-request' }> = { kind: 'audit-request', auditor: 'Dana Admin', reminder: false, items: [AUDIT_ITEMS[1] as AuditItemView] };

/** One reply of every kind; typed so a new Reply kind without a fixture fails to compile. */
export const ONE_OF_EACH: { readonly [K in Reply['kind']]: Extract<Reply, { kind: K }> } = {
  welcome: { kind: 'welcome', displayName: 'Dana Scribe', hasCredential: false },
  help: { kind: 'help', topic: 'all' },
  greeting: { kind: 'greeting', displayName: 'Dana Scribe' },
  'not-understood': { kind: 'not-understood', text: 'hello there' },
  'training-preview': { kind: 'training-preview', draftId: DRAFT_ID, preview: aPreview() },
  question: { kind: 'question', draftId: DRAFT_ID, ask: 'length', title: 'Telehealth Billing', candidates: [] },
  'drafts-waiting': {
    kind: 'drafts-waiting',
    reason: 'which',
    answer: 'confirm',
    drafts: [
      { draftId: DRAFT_ID, number: 1, title: 'Course A', completedOn: '2026-11-26', minutes: 45, ready: true },
      { draftId: '33333333-3333-4333-8333-333333333333', number: 2, title: null, completedOn: '2026-11-26', minutes: null, ready: false },
    ],
  },
  'training-logged': { kind: 'training-logged', training: aView(3), progress: PROGRESS, alreadyLogged: false },
  'draft-cancelled': { kind: 'draft-cancelled', title: 'Telehealth Billing' },
  undone: { kind: 'undone', change: { action: 'training.logged', training: aView(3) } },
  status: { kind: 'status', status: aStatus() },
  history: aHistory(3),
  'training-updated': { kind: 'training-updated', training: aView(3, { minutes: 45 }), changed: ['minutes'], progress: PROGRESS },
  'training-deleted': { kind: 'training-deleted', training: aView(3), progress: PROGRESS },
  'proof-attached': {
    kind: 'proof-attached',
    training: aView(3),
    file: { name: 'certificate.pdf', mediaType: 'application/pdf', sizeBytes: 48_213, sha256: 'ab'.repeat(32) },
    reusedStoredFile: false,
    alreadyAttached: false,
    alsoAttachedTo: [],
  },
  'credential-saved': { kind: 'credential-saved', mode: 'created', credentialCode: 'CMSS', number: 'CMSS-12345', issuedOn: '2026-01-15', expiresOn: '2027-01-15', requiredCredit: 3 },
  'fee-recorded': { kind: 'fee-recorded', amountCents: 8500, currency: 'USD', paidOn: '2026-01-10', credentialNumber: 'CMSS-12345' },
  'compliance-report': {
    kind: 'compliance-report',
    counts: { compliant: 1, atRisk: 1, outOfCompliance: 1, total: 3 },
    filters: {},
    limitedTo: null,
    rows: [
      {
        personId: '22222222-2222-4222-8222-222222222222',
        platformUserId: 'U0ANA',
        displayName: 'Ana Ortiz',
        teams: ['Night shift'],
        state: 'out_of_compliance',
        reasons: [
          { code: 'certificate-expired', expiredOn: '2026-11-02', daysAgo: 25 },
          { code: 'credit-short', earned: 1.5, required: 3, missing: 1.5 },
        ],
        certificate: { number: 'CMSS-1', expiresOn: '2026-11-02', daysLeft: -25 },
        earned: 1.5,
        required: 3,
        snoozedUntil: '2026-11-30',
      },
    ],
    offset: 0,
    listed: 1,
    page: 1,
    pageCount: 1,
  },
  'role-changed': { kind: 'role-changed', person: 'Carla Diaz', role: 'manager', teams: ['Night shift'], previous: 'scribe', platformAdmin: false },
  roles: { kind: 'roles', people: [{ displayName: 'Dana Admin', role: 'admin', platformAdmin: true, managerOf: [], teams: [] }], scribes: 4 },
  'team-changed': { kind: 'team-changed', team: 'Night shift', op: 'add', changed: ['Ana Ortiz'], unchanged: [] },
  teams: { kind: 'teams', teams: [{ name: 'Night shift', members: 2 }] },
  roster: {
    kind: 'roster',
    people: [
      { personId: '22222222-2222-4222-8222-222222222222', displayName: 'Ana <Ortiz>', platformUserId: 'U0ANA', email: 'ana@example.org', role: 'scribe', teams: ['Night shift'], active: true, state: 'at_risk', certificate: { number: 'CMSS-1', issuedOn: '2026-01-15', expiresOn: '2027-01-15' }, feePaid: false },
      { personId: '33333333-3333-4333-8333-333333333333', displayName: 'Ben', platformUserId: 'U0BEN', email: null, role: 'manager', teams: [], active: false, state: null, certificate: null, feePaid: false },
    ],
    offset: 0,
    total: 30,
    removed: 1,
    page: 1,
    pageCount: 2,
    limitedTo: null,
  },
  'roster-changed': { kind: 'roster-changed', change: { what: 'certificate', person: 'Ana Ortiz', mode: 'created', number: 'CMSS-123', issuedOn: '2026-02-01', expiresOn: '2027-02-01' } },
  'roster-import': {
    kind: 'roster-import',
    result: { fileName: 'people.csv', rows: 3, added: 2, updated: 0, unchanged: 0, rejected: [{ line: 3, column: 'issued', value: '2026-13-01', problem: 'date-invalid' }], rejectedRows: 1, stored: false, skipBad: false },
  },
  notify: { kind: 'notify', to: { personId: '22222222-2222-4222-8222-222222222222', platformUserId: 'U0ANA', displayName: 'Ana Ortiz' }, message: { kind: 'help', topic: 'proof' } },
  ...REMINDER_REPLIES,
  paperwork: {
    kind: 'paperwork',
    paperwork: { what: 'transcript', format: 'pdf', transcript: aTranscript() },
    isSelf: false,
    delivered: { files: [{ name: 'transcript-ana-ortiz-2026-11-27.pdf', mediaType: 'application/pdf', sizeBytes: 21_000 }], place: { kind: 'dm' } },
  },
  'audit-started': {
    kind: 'audit-started',
    audit: AUDIT_HEAD,
    counts: { people: 1, peopleAnswered: 0, items: 2, answered: 1, outstanding: 1, waived: 0 },
    people: [AUDIT_PERSON],
    notices: [{ kind: 'notify', to: { personId: AUDIT_PERSON.personId, platformUserId: 'U0ANA', displayName: 'Ana Ortiz' }, message: AUDIT_REQUEST }],
  },
  'audit-status': { kind: 'audit-status', audit: AUDIT_HEAD, counts: { people: 1, peopleAnswered: 0, items: 2, answered: 1, outstanding: 1, waived: 0 }, people: [AUDIT_PERSON] },
  'audit-reminded': { kind: 'audit-reminded', audit: AUDIT_HEAD, reminded: [{ displayName: 'Ana Ortiz', outstanding: 1 }], notices: [] },
  'audit-closed': { kind: 'audit-closed', audit: AUDIT_HEAD, outcome: 'passed', note: 'All certificates checked', counts: { people: 1, peopleAnswered: 1, items: 2, answered: 2, outstanding: 0, waived: 0 } },
  'audit-request': AUDIT_REQUEST,
  'audit-attach-ready': { kind: 'audit-attach-ready', item: AUDIT_ITEMS[1] as AuditItemView },
  error: { kind: 'error', code: 'training-not-found', details: { seq: 9 } },
};

/** Every warning a preview can carry. */
export const EVERY_WARNING: readonly PreviewWarning[] = [
  { code: 'duplicate-in-cycle', seq: 2, title: 'Hospice & <Benefit>' },
  { code: 'short-activity', minutes: 10, threshold: 15 },
  { code: 'outside-cycle', issuedOn: '2026-01-15', expiresOn: '2027-01-15' },
  { code: 'no-credential' },
  { code: 'approximate-length' },
  { code: 'registration-required' },
  { code: 'registration-missing' },
  { code: 'cms-unconfirmed' },
];

/** Every kind of change `undo` takes back; typed so a new one without a case fails to compile. */
export const EVERY_UNDO: { readonly [A in UndoneChange['action']]: readonly (UndoneChange & { readonly action: A })[] } = {
  'training.logged': [{ action: 'training.logged', training: aView(3, { title: 'Hospice Benefit' }) }],
  'training.deleted': [{ action: 'training.deleted', training: aView(3, { title: 'Hospice Benefit' }) }],
  'training.edited': [{ action: 'training.edited', training: aView(3, { title: 'Hospice Benefit' }) }],
  'proof.attached': [
    { action: 'proof.attached', fileName: 'c.pdf', training: aView(3, { title: 'Hospice Benefit' }) },
    { action: 'proof.attached', fileName: 'c.pdf', training: null },
  ],
  'fee.recorded': [{ action: 'fee.recorded', amountCents: 8500, currency: 'USD' }],
  'credential.saved': [{ action: 'credential.saved', number: 'CMSS-12345' }],
};

/** Details for every error code, as the use cases and adapters send them; typed so a new code without a case fails to compile. */
export const EVERY_ERROR: Readonly<Record<ErrorCode, ErrorDetails>> = {
  'future-date': { date: '2026-12-01', what: 'training' },
  'invalid-date': { text: 'Smarch 3' },
  'date-before-range': { date: '2010-01-01', years: 10 },
  'title-missing': {},
  'title-invalid': { min: 3, max: 300, length: 2 },
  'length-invalid': { text: '1.5', needsUnit: true },
  'length-too-long': { minutes: 2000, max: 1440 },
  'text-too-long': { length: 9000, max: 8000 },
  'text-control-character': { field: 'title', codePoint: 'U+0000', position: 3 },
  'training-not-found': { seq: 9 },
  'draft-not-found': { status: 'cancelled' },
  'draft-expired': { hours: 24 },
  'draft-incomplete': {},
  'draft-already-logged': {},
  'proof-too-large': { fileName: 'scan.pdf', sizeBytes: 20_000_000, maxBytes: 10_485_760 },
  'proof-empty': { fileName: 'empty.pdf' },
  'proof-unsupported-type': { fileName: 'page.html', mediaType: 'text/html' },
  'proof-no-entry': {},
  'proof-local-path': { path: './c.pdf' },
  'proof-file-missing': { path: './missing.pdf', folder: false },
  'proof-draft-open': {},
  'proof-draft-cancelled': {},
  'proof-download-failed': { fileName: 'moved.pdf', reason: 'redirect-not-allowed', host: 'evil.example' },
  'proof-not-in-personal-chat': {},
  'proof-already-attached': {},
  'credential-missing': {},
  'credential-number-invalid': { number: '??' },
  'credential-dates-invalid': { issuedOn: '2026-01-15', expiresOn: '2025-01-15' },
  'credential-type-unknown': { code: 'XYZ' },
  'credential-number-taken': { number: 'CMSS-1', issuedOn: '2026-03-10' },
  'credential-older': { number: 'CMSS-2', issuedOn: '2026-01-15' },
  'fee-amount-invalid': {},
  'fee-amount-differs': { amountCents: 8000, feeCents: 8500, currency: 'USD' },
  'fee-outside-cycle': { paidOn: '2024-01-01', issuedOn: '2026-01-15', expiresOn: '2027-01-15', daysBefore: 90 },
  'fee-already-recorded': { amountCents: 8500, currency: 'USD', paidOn: '2026-01-10' },
  'fee-reference-invalid': { max: 100, length: 130 },
  'nothing-to-undo': {},
  'undo-number-taken': { number: 'CMSS-1' },
  'nothing-to-change': { seq: 3 },
  'kind-unknown': { text: 'seminar' },
  'person-not-found': {},
  forbidden: {},
  'paperwork-upload-unavailable': {},
  'person-ambiguous': { name: 'Ana', count: 2 },
  'organisation-not-found': { organisation: 'slack:T0NONE' },
  'team-not-found': { name: 'Nowhere' },
  'team-name-invalid': { max: 60 },
  'roster-file-invalid': { problem: 'unknown-column', column: 'Phone', line: 1 },
  'last-admin': { name: 'Dana Admin' },
  'remind-days-invalid': { text: '61,abc', max: 365, count: 12 },
  'remind-time-invalid': { text: '25:00' },
  'remind-zone-invalid': { text: 'Mars/Olympus' },
  'remind-weekday-invalid': { text: 'funday' },
  'remind-words-unknown': { text: 'loudly' },
  'remind-no-channel': {},
  'remind-team-required': { teams: 'Night shift' },
  'processing-failed': { reference: 'R-1234' },
  'undo-changed-since': { number: 'CMSS-8', laterNumber: 'CMSS-9', laterMode: 'renewed', by: 'Dana Admin' },
  'report-days-invalid': { days: 99999, max: 3650 },
  'page-beyond': { page: 9, pages: 2, what: 'report' },
  'audit-percent-invalid': { percent: '0' },
  'audit-seed-invalid': { seed: '99999999999', max: 4294967295 },
  'audit-nobody': { scope: 'Night shift' },
  'audit-open': { scope: '', startedOn: '2026-11-20', startedBy: 'Dana Admin' },
  'audit-none-open': { scope: '' },
  'audit-ambiguous': { teams: 'Night shift, Day shift' },
  'audit-team-needed': { teams: 'Night shift, Day shift' },
  'audit-item-not-found': {},
  'audit-note-too-long': { max: 500, length: 612 },
};
