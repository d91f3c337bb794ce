import type { HelpTopic } from '../../src/index.ts';
import type { PresentContext } from './presentation.ts';
import { proofHelpLines } from './present/surface-words.ts';

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
    edit: {
      title: 'Fix an entry',
      lines: [`${p}edit 3 minutes 45 · ${p}edit 3 title New title · ${p}edit 3 date 2026-11-02`, `${p}edit 3 kind webinar · ${p}edit 3 registered yes · ${p}delete 3`],
    },
  };
  return topic === 'all' ? Object.values(all) : [all[topic]];
}
