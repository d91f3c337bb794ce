import type { ErrorCode, ErrorDetails } from '../../src/index.ts';
import { formatBytes, formatDate, formatMoney } from './format.ts';
import { forbiddenMessage } from './forbidden-wording.ts';
import { personNotFound } from './person-wording.ts';

type Phrase = (d: ErrorDetails) => string;

const FUTURE_HINTS: Readonly<Record<string, string>> = {
  training: 'Log a training once you have finished it.',
  certificate: 'Use the issue date printed on the certificate you already have.',
  fee: 'Record the fee once it is paid.',
};

const str = (d: ErrorDetails, key: string): string => String(d[key] ?? '');
const money = (d: ErrorDetails, key: string): string => formatMoney(Number(d[key] ?? 0), str(d, 'currency'));

/** What a refused text was, in words (details.field of text-control-character). */
const TYPED_FIELDS: Readonly<Record<string, string>> = {
  message: 'Your message',
  title: 'The title',
  'certificate-number': 'The certificate number',
  'fee-reference': 'The fee reference',
  'file-name': "The file's name",
};

/** Why a shared file could not be downloaded (details.reason from adapters/common/file-download.ts; details.source 'teams' for Teams). */
const DOWNLOAD_REASONS: Readonly<Record<string, Phrase>> = {
  'login-page': (d) =>
    teams(d)
      ? `I couldn't download "${str(d, 'fileName')}": SharePoint asked for a sign-in instead of sending the file. Please send it again.`
      : `I couldn't download "${str(d, 'fileName')}": the app lacks permission to read files (files:read). Ask your Slack admin to reinstall Recert.`,
  'redirect-not-allowed': (d) => `${platform(d)} redirected the download of "${str(d, 'fileName')}" to ${str(d, 'host')}; I only download from ${fileServers(d)}. Please share the file again, or ask your ${platform(d)} admin.`,
  'too-many-redirects': (d) => `I couldn't download "${str(d, 'fileName')}": ${platform(d)} kept redirecting the download. Please share it again.`,
  'host-not-allowed': (d) =>
    `"${str(d, 'fileName')}" is not stored on ${fileServers(d)}${d.host ? ` (${str(d, 'host')})` : ''}, so I didn't download it. ${teams(d) ? 'Attach the file itself in our personal chat.' : 'Upload the file itself to Slack.'}`,
  timeout: (d) => `Downloading "${str(d, 'fileName')}" from ${platform(d)} took too long, so I stopped. Please share it again in a minute.`,
  'http-error': (d) => `I couldn't download "${str(d, 'fileName')}"${d.status ? ` (${platform(d)} answered ${str(d, 'status')})` : ''}. Please share it again.`,
  'inline-image': (d) => `I can't read a picture pasted into the message ("${str(d, 'fileName')}"). Attach the certificate as a file instead (the paperclip), as a PDF or an image file.`,
};

const teams = (d: ErrorDetails): boolean => d.source === 'teams';
const platform = (d: ErrorDetails): string => (teams(d) ? 'Teams' : 'Slack');
const fileServers = (d: ErrorDetails): string => (teams(d) ? 'SharePoint or OneDrive' : "Slack's file servers");

function downloadFailed(d: ErrorDetails): string {
  return (DOWNLOAD_REASONS[str(d, 'reason')] ?? ((x: ErrorDetails) => `I couldn't download "${str(x, 'fileName')}". Please share it again.`))(d);
}

function controlCharacter(d: ErrorDetails): string {
  const what = TYPED_FIELDS[str(d, 'field')] ?? 'That text';
  const where = `${str(d, 'codePoint')}, character ${str(d, 'position')}`;
  const fix = d.field === 'file-name' ? 'Rename the file and share it again.' : 'Type it again without it (text copied from a PDF or another app sometimes carries one).';
  return `${what} contains an invisible control character (${where}), which I can't store. ${fix}`;
}

/** The one place an error code becomes words. Every adapter renders errors through this table. */
const MESSAGES: Readonly<Record<ErrorCode, Phrase>> = {
  'future-date': (d) => `That date (${formatDate(str(d, 'date'))}) is in the future. ${FUTURE_HINTS[str(d, 'what')] ?? ''}`.trim(),
  'invalid-date': (d) => `I couldn't read "${str(d, 'text')}" as a date. Try 2026-11-03, Nov 3 2026 or "yesterday".`,
  'date-before-range': (d) => `That date (${formatDate(str(d, 'date'))}) is more than ${str(d, 'years')} years back; check the year.`,
  'title-invalid': (d) =>
    `${d.title === undefined ? '' : `"${str(d, 'title')}" has too few letters to be a course title, and nothing was saved. `}A title needs at least ${str(d, 'min') || '3'} letters (or is a short acronym such as E/M or Q&A) and at most ${str(d, 'max') || '300'} characters.`,
  'title-missing': () => 'What was the training called? Send its title (for MLN courses, paste the title as it appears in the catalogue).',
  'length-too-long': (d) => `${str(d, 'minutes')} minutes is longer than any one training (${str(d, 'max')} minutes at most). Check the length; a multi-day event is logged one part at a time.`,
  'length-invalid': (d) =>
    d.needsUnit
      ? `Is "${str(d, 'text')}" hours or minutes? Send it with its unit, like "${str(d, 'text')} hours" or "90 min".`
      : `I couldn't read a length in "${str(d, 'text') || str(d, 'minutes')}". Send it like "45 min", "1.5 hours" or just "45".`,
  'text-too-long': (d) => `That message is too long (${str(d, 'length')} characters; ${str(d, 'max')} at most). Send just the training's title, length and date.`,
  'text-control-character': controlCharacter,
  'training-not-found': (d) => (d.seq !== undefined ? `There is no entry ${str(d, 'seq')} in your history. Type \`history\` to see your entries and their numbers.` : 'I could not find that entry.'),
  'draft-not-found': (d) =>
    d.status === 'cancelled' ? 'That preview was cancelled. Send the training again to log it.' : 'There is nothing waiting for your confirmation. Tell me about a training to log it.',
  'draft-expired': (d) => `That preview is more than ${str(d, 'hours')} hours old. Send the training again and I'll make a fresh one.`,
  'draft-incomplete': () => 'That entry still needs its length or title before it can be logged. Answer my question first.',
  'draft-already-logged': () => 'That training is already logged. Type `undo` if you want to take it back.',
  'proof-too-large': (d) => `"${str(d, 'fileName')}" is ${formatBytes(Number(d.sizeBytes ?? 0))}; certificates can be ${formatBytes(Number(d.maxBytes ?? 0))} at most. Try a smaller scan or a PDF export.`,
  'proof-empty': (d) => `"${str(d, 'fileName')}" is empty, so there is nothing to attach.`,
  'proof-unsupported-type': (d) =>
    d.mediaType === 'text/html'
      ? `"${str(d, 'fileName')}" is a web page (HTML), not a PDF, PNG or JPEG. Save or print the certificate as a PDF, or take a screenshot, and send that.`
      : `"${str(d, 'fileName')}" is not a PDF, PNG or JPEG (I check the file's contents, not its name). Send the certificate in one of those formats.`,
  'proof-no-entry': () => 'You have no entries to attach a certificate to yet. Log the training first, then attach its certificate.',
  'proof-already-attached': () => 'That file is already attached to this entry.',
  'proof-file-missing': (d) =>
    d.folder
      ? `"${str(d, 'path')}" is a folder; give the path of the certificate file inside it.`
      : `I can't find a file at "${str(d, 'path')}". Check the path (it is relative to the folder you started Recert in).`,
  'proof-download-failed': downloadFailed,
  'proof-not-in-personal-chat': () => 'Certificates go to our personal chat, not a channel: open a chat with Recert and send the file there.',
  'proof-draft-cancelled': () => 'That preview was cancelled, so there is no entry to attach the file to. Log the training again, then share the certificate in its thread.',
  'proof-draft-open': () => 'That entry is not logged yet. Confirm it first, then share the certificate again.',
  'proof-local-path': () => 'I can only attach a file you upload here. Drop the certificate into this conversation instead of typing its path.',
  'credential-missing': () => 'You have no certificate on file yet. Add it first: `cert <number> issued <date>` (for example `cert CMSS-12345 issued 2026-01-15`).',
  'credential-number-invalid': (d) => `"${str(d, 'number')}" doesn't look like a certificate number (letters, digits and dashes, 2–40 characters).`,
  'credential-dates-invalid': (d) =>
    d.tooLong
      ? `An expiry of ${formatDate(str(d, 'expiresOn'))} is far beyond one ${str(d, 'months')}-month cycle from ${formatDate(str(d, 'issuedOn'))}; check the year.`
      : `The expiry date (${formatDate(str(d, 'expiresOn'))}) must come after the issue date (${formatDate(str(d, 'issuedOn'))}).`,
  'credential-older': (d) =>
    `Your current certificate is ${str(d, 'number')}, issued ${formatDate(str(d, 'issuedOn'))}; an older certificate would not replace it. To correct the current one, use its number.`,
  'credential-number-taken': (d) =>
    `Someone else here already has certificate number ${str(d, 'number')}: a typo, or a copied form? Nothing is saved yet. If it is right, send the same message again with \`anyway\` at the end (e.g. \`cert ${str(d, 'number')} issued ${str(d, 'issuedOn')} anyway\`).`,
  'credential-type-unknown': (d) => `I don't know the credential type "${str(d, 'code')}". Ask your administrator to set it up.`,
  'fee-outside-cycle': (d) =>
    `A fee paid on ${formatDate(str(d, 'paidOn'))} does not belong to your current cycle (${formatDate(str(d, 'issuedOn'))} – ${formatDate(str(d, 'expiresOn'))}; payments up to ${str(d, 'daysBefore')} days before the issue date count).`,
  'fee-already-recorded': (d) => `The fee for this cycle is already recorded (${formatMoney(Number(d.amountCents ?? 0), str(d, 'currency'))} paid ${formatDate(str(d, 'paidOn'))}). \`undo\` removes it if that was a mistake.`,
  'fee-reference-invalid': (d) => `A fee reference can be ${str(d, 'max')} characters at most (that one has ${str(d, 'length')}). Send just the receipt or invoice number.`,
  'fee-amount-differs': (d) =>
    `The renewal fee is ${money(d, 'feeCents')}, and you said ${money(d, 'amountCents')}: underpaid, or a typo? Nothing is recorded yet. If you paid ${money(d, 'amountCents')}, send \`fee paid ${money(d, 'amountCents')} anyway\`.`,
  'fee-amount-invalid': () => 'That fee amount looks wrong. Send it like `fee paid $85` (or just `fee paid` for the standard fee).',
  'nothing-to-undo': () => 'There is nothing of yours left to undo.',
  'undo-number-taken': (d) => `I can't undo that: it would bring back certificate number ${str(d, 'number')}, which someone else here holds now, so nothing was changed. If ${str(d, 'number')} really is yours, set it again with \`cert ${str(d, 'number')} issued <date> anyway\`; otherwise correct it with \`cert <number> issued <date>\`.`,
  'undo-changed-since': (d) => undoChangedSince(d),
  'nothing-to-change': (d) => `Entry ${str(d, 'seq')} already has that value, so nothing changed.`,
  'kind-unknown': (d) => `"${str(d, 'text')}" is not an activity kind. Use wbt, npc, webinar, event or other.`,
  'person-not-found': (d) => personNotFound(d.name === undefined ? '' : str(d, 'name')),
  'person-ambiguous': (d) => `${str(d, 'count')} people are called "${str(d, 'name')}". Mention the one you mean (@name), or use their e-mail address.`,
  forbidden: (d) => forbiddenMessage(d),
  'paperwork-upload-unavailable': () => 'I could not send the files: this installation of Recert may not upload files yet. Ask an admin to reinstall Recert (it now asks for files:write), then ask again.',
  'organisation-not-found': (d) => `There is no organisation "${str(d, 'organisation')}" in this database. Use --org slack:<team id>, or --org local for the terminal's.`,
  'team-name-invalid': (d) => `A team name needs a letter or a digit, and at most ${str(d, 'max')} characters.`,
  'roster-file-invalid': (d) => rosterFileProblem(d),
  'last-admin': (d) => `${str(d, 'name')} is the organisation's only admin. Make someone else an admin first, then change ${str(d, 'name')}'s role.`,
  'team-not-found': (d) => `There is no team called "${str(d, 'name')}". Type \`teams\` to see the teams.`,
  'remind-days-invalid': (d) => `I could not read "${str(d, 'text')}" as reminder days: give whole days before expiry, 0 to ${str(d, 'max')}, at most ${str(d, 'count')} of them, e.g. \`remind here 60,30,7\`.`,
  'remind-time-invalid': (d) => `"${str(d, 'text')}" is not a time of day: use 24-hour hours and minutes, e.g. \`at 9:00\` or \`at 17:30\`.`,
  'remind-zone-invalid': (d) => `"${str(d, 'text')}" is not a time zone I know: use an IANA name, e.g. \`zone Europe/London\` or \`zone America/New_York\`.`,
  'remind-weekday-invalid': (d) => `"${str(d, 'text')}" is not a day of the week, e.g. \`digest weekly monday 8:00\`.`,
  'remind-words-unknown': (d) => `I did not understand "${str(d, 'text')}" there. Type \`help remind\` for the reminder settings.`,
  'remind-no-channel': () => 'Reminder settings belong to a channel: type this in the channel that should get the reminders. People get their own reminders by DM.',
  'remind-team-required': (d) => `You manage ${str(d, 'teams') || 'some teams'}, so a channel you set up must be limited to one of them: \`remind team "<team>"\`.`,
  'audit-percent-invalid': (d) => `A sample is 1% to 100% of the people in scope ("${str(d, 'percent')}" is not): e.g. \`audit start 25%\`.`,
  'audit-seed-invalid': (d) => `A seed is a whole number from 0 to ${str(d, 'max')} ("${str(d, 'seed')}" is not).`,
  'audit-nobody': (d) => `Nobody ${d.scope ? `in team ${str(d, 'scope')} ` : ''}holds a certificate matching that, so there is nobody to audit. Type \`report\` to see everyone's state.`,
  'audit-open': (d) => `An audit of ${d.scope ? `team ${str(d, 'scope')}` : 'the whole organisation'} is already open (started ${formatDate(str(d, 'startedOn'))} by ${str(d, 'startedBy')}). See it with \`audit status\`, or close it with \`audit close passed\` (or \`failed\`) before starting another.`,
  'audit-none-open': (d) => `There is no open audit${d.scope ? ` of team ${str(d, 'scope')}` : ''}. Start one with \`audit start 25%\`.`,
  'audit-ambiguous': (d) => `Several audits are open (${str(d, 'teams')}). Say which: \`audit status team "Night shift"\`.`,
  'audit-team-needed': (d) => (d.teams ? `You manage several teams (${str(d, 'teams')}): say which to audit, e.g. \`audit start 25% team "Night shift"\`.` : 'You manage no team yet, so there is nobody for you to audit — ask an admin to add people to your team.'),
  'audit-item-not-found': () => 'That audit request is not open for you any more (it was answered, the audit was closed, or it is not yours). Type `status` to see your entries.',
  'audit-note-too-long': (d) => `A closing note is at most ${str(d, 'max')} characters (that one has ${str(d, 'length')}). Keep the details in your own records.`,
  'report-days-invalid': (d) => `\`report expiring\` takes 1 to ${str(d, 'max')} days ("${str(d, 'days')}" is not): e.g. \`report expiring 30d\`.`,
  'page-beyond': (d) => pageBeyond(d),
  'processing-failed': (d) => `Something went wrong on my side (reference ${str(d, 'reference')}) and I could not finish that, so nothing from it was saved. Please send it again; if it keeps happening, tell your admin the reference.`,
};

const ROSTER_FILE_PROBLEMS: Readonly<Record<string, (d: ErrorDetails) => string>> = {
  'too-large': () => 'That roster file is too large: send at most some 20,000 people at a time.',
  'not-utf8': () => 'That roster file is not UTF-8 text: save it again as "CSV UTF-8".',
  missing: (d) => (d.folder ? `"${str(d, 'path')}" is a folder; give the path of the CSV file inside it.` : `I can't find a file at "${str(d, 'path')}". Check the path (it is relative to the folder you started Recert in).`),
  'not-csv': (d) => `I could not read that file as CSV${d.line ? ` (near line ${str(d, 'line')})` : ''}: check its quotes, or save it again as CSV.`,
  empty: () => 'That roster file is empty: it needs a header row (name, slack user id, email, credential number, issued, expires, fee paid through, team) and one row per person.',
  'no-people': () => 'The file has a header but no people: add one row per person under the header row.',
  'unknown-column': (d) => `The roster file has a column I don't know: "${str(d, 'column')}". Use name, slack user id, email, credential number, issued, expires, fee paid through, team.`,
  'missing-column': (d) => `The roster file needs a "${str(d, 'column')}" column (its first row names the columns).`,
};

function rosterFileProblem(d: ErrorDetails): string {
  return (ROSTER_FILE_PROBLEMS[str(d, 'problem')] ?? ROSTER_FILE_PROBLEMS['not-csv'] ?? (() => ''))(d);
}

const LATER_CHANGES: Readonly<Record<string, string>> = { renewed: 'renewed it', corrected: 'corrected it', created: 'set it' };

function undoChangedSince(d: ErrorDetails): string {
  const who = str(d, 'by') || 'Someone';
  const change = LATER_CHANGES[str(d, 'laterMode')] ?? 'changed it';
  const now = d.laterNumber ? ` (it is ${str(d, 'laterNumber')} now)` : '';
  return `I can't undo saving certificate ${str(d, 'number')}: ${who} has ${change} since${now}, and undoing mine would undo that too, so nothing was changed. Type \`status\` to see the certificate on file; correct it with \`cert <number> issued <date>\`.`;
}

function pageBeyond(d: ErrorDetails): string {
  const pages = Number(d.pages ?? 1);
  const what = str(d, 'what') || 'report';
  if (pages <= 1) return `There is only 1 page of this ${what}; you asked for page ${str(d, 'page')}.`;
  return `There are only ${pages} pages of this ${what}; you asked for page ${str(d, 'page')} (page ${pages} is the last).`;
}

export function errorMessage(code: ErrorCode, details: ErrorDetails): string {
  return MESSAGES[code](details);
}
