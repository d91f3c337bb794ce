import type { HelpTopic } from '../../src/index.ts';
import type { PresentContext } from './presentation.ts';
import { exportPlaceLine, proofHelpLines } from './present/surface-words.ts';

export interface HelpSection {
  readonly title: string;
  readonly lines: readonly string[];
}

/**
 * What the bot can do, with commands written for the platform (the context's prefix is "" in the
 * terminal and "/ceu " in Slack). Plain messages work everywhere.
 */
export function helpSections(topic: HelpTopic, context: PresentContext): HelpSection[] {
  const p = context.commandPrefix;
  const all: Record<Exclude<HelpTopic, 'all'>, HelpSection> = {
    log: {
      title: 'Log a training',
      lines: [
        `${p}log "Medicare Billing: 837P and Form CMS-1500 (60 minutes)" yesterday`,
        'or just tell me: finished the MLN webinar on telehealth billing yesterday, 45 min',
        'I show a preview with the credit and how I computed it; answer yes to log it, no to drop it.',
        `${p}status — your progress · ${p}history — your entries · ${p}undo — take back your last change`,
      ],
    },
    proof: {
      title: 'Attach a certificate',
      lines: proofHelpLines(context),
    },
    cert: {
      title: 'Your certificate',
      lines: [`${p}cert CMSS-12345 issued 2026-01-15 — sets it up (expires one certificate cycle later: 12 months for CMSS)`, `${p}cert CMSS-12345 issued 2026-01-15 expires 2027-01-15 — with an explicit expiry`, 'A later issue date starts a new cycle (renewal).'],
    },
    fee: {
      title: 'Renewal fee',
      lines: [`${p}fee paid — records the standard fee today`, `${p}fee paid $85 on 2026-01-10 ref INV-2231`],
    },
    report: {
      title: 'Who is out of compliance?',
      lines: [
        'Ask in plain words: who is out of compliance? · who expires this month? · who hasn\'t paid?',
        `${p}report — everyone with a gap, most urgent first · ${p}report expiring 30d · ${p}report missing-proof · ${p}report unpaid · ${p}report team "Night shift"`,
        `${p}status @name — one person's status · ${p}history @name — their entries`,
      ],
    },
    manage: {
      title: 'Roles and teams',
      lines: [
        `${p}roles — who is an admin or a manager · ${p}role @name manager · ${p}role @name manager of "Night shift" · ${p}role @name scribe · ${p}role @name admin`,
        `${p}teams — the teams · ${p}team Night shift add @ana @ben · ${p}team Night shift remove @ana`,
        'Admins give roles; managers see their teams (or everyone); scribes see their own records.',
      ],
    },
    remind: {
      title: 'Reminders',
      lines: [
        `${p}remind here 60,30,7 at 9:00 — this channel gets a digest 60, 30 and 7 days before each certificate expires · ${p}remind here weekdays · ${p}remind here every day`,
        `${p}remind here private — counts only in the channel, details by DM · ${p}remind here public · ${p}remind here zone Europe/London · ${p}remind team "Night shift"`,
        `${p}remind show — this channel's settings and its next reminders · ${p}remind off · ${p}remind dms on · ${p}remind dms off`,
        `${p}digest weekly monday 8:00 — your weekly report with a chart, by DM · ${p}digest off`,
      ],
    },
    export: {
      title: 'Renewal paperwork',
      lines: [
        `${p}export transcript — your transcript for the ACMSS renewal form as a PDF (\`${p}export transcript csv\` for a spreadsheet), or just: send me my transcript`,
        `${p}export pack — a zip of your transcript and every certificate of the cycle, named by entry`,
        `Managers and admins: ${p}export transcript @name · ${p}export pack @name`,
        `Managers and admins: ${p}export report — the compliance report of everyone you may see (compliant people too) as a CSV file`,
        exportPlaceLine(context),
      ],
    },
    roster: {
      title: 'The roster',
      lines: [
        `${p}roster — everyone, with their state · ${p}roster add @ana @ben · ${p}roster remove @ana (records kept, no reminders) · ${p}roster restore @ana`,
        `${p}roster set @ana cert CMSS-123 issued 2026-02-01 [expires 2027-02-01] · ${p}roster set @ana fee paid [$85] [on 2026-02-03] · ${p}roster set @ana team "Night shift"`,
        rosterFileLine(context),
        'Columns: name, slack user id (or email), credential number, issued, expires, fee paid through, team. All or nothing: any bad row and nothing is stored, unless skip-bad.',
      ],
    },
    audit: {
      title: 'Audits',
      lines: [
        `${p}audit start 25% — asks a random quarter of the people holding a certificate for their CE documentation · ${p}audit start 10% expiring before 2027-03-31 team "Night shift" seed 1234`,
        'Each person sampled gets a private message listing the entries of their current cycle without proof, a button each; a certificate they send answers the request.',
        `${p}audit status — who has answered, what is outstanding · ${p}audit remind — nudges those who have not · ${p}audit close passed · ${p}audit close failed note "2 certificates missing"`,
        'One open audit per team (or the whole organisation); the seed is recorded, so the same seed and the same people draw the same sample.',
      ],
    },
    edit: {
      title: 'Fix an entry',
      lines: [`${p}edit 3 minutes 45 · ${p}edit 3 title New title · ${p}edit 3 date 2026-11-02`, `${p}edit 3 kind webinar · ${p}edit 3 registered yes · ${p}delete 3`],
    },
  };
  if (topic !== 'all') return [all[topic]];
  const forManagers = { title: 'Managers and admins', lines: [`${p}help report — who is out of compliance · ${p}help manage — roles and teams · ${p}help roster — the roster and CSV files · ${p}help audit — audits · ${p}help remind — reminders`] };
  return [all.log, all.proof, all.cert, all.fee, all.edit, all.export, forManagers];
}

/** How a roster file reaches the bot on this surface. */
function rosterFileLine(context: PresentContext): string {
  if (context.surface === 'terminal') return 'roster import ./people.csv — build the roster from a CSV file · roster import skip-bad ./people.csv — store the good rows, list the bad';
  return `Send me a CSV file (with the words "roster import", or just a .csv) to build the roster · "roster import skip-bad" with the file stores the good rows and lists the bad · ${context.commandPrefix}help roster`;
}
