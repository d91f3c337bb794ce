/**
 * Issue 10's examples as one table, in the order a scribe would type them: each message and what
 * the bot's answer must say (and must not say). Run through every entry point — the terminal
 * session, Slack's signed DM event, Teams' message activity — by test/e2e/issue-10-examples.test.ts.
 * `restart` starts a new app instance on the same database before the message.
 */
export interface Example {
  readonly say: string;
  /** Every one of these appears in the answer (marks and platform escapes removed). */
  readonly expect: readonly string[];
  readonly not?: readonly string[];
  /** Where the surfaces differ: what a terminal (paths) or a chat (shared files) answers instead. */
  readonly terminal?: readonly string[];
  readonly chat?: readonly string[];
  readonly restart?: boolean;
}

export const ISSUE_10_EXAMPLES: readonly Example[] = [
  // Understand everyday phrasing.
  { say: 'hi', expect: ['Hi'], not: ["didn't understand"] },
  { say: 'my certificate number is CMSS-40211, issued March 10, 2026', expect: ['CMSS-40211', 'Mar 10, 2026'] },
  { say: 'fee paid $80', expect: ['underpaid, or a typo', 'Nothing is recorded yet', 'fee paid $80 anyway'] },
  { say: 'fee paid $850', expect: ['underpaid, or a typo', '$850'] },
  { say: 'I paid my $85 renewal fee on March 8', expect: ['Recorded the renewal fee: $85 paid Mar 8, 2026'] },
  { say: 'status', expect: ['Renewal fee $85: paid Mar 8, 2026'] },
  // Never lose what the person said: two previews, both kept.
  { say: 'log "Course A" 45 min yesterday', expect: ['Course A', '45 minutes'] },
  { say: 'log "Course B" 30 min yesterday', expect: ['Course B', 'Course A'] },
  { say: 'yes', expect: ['Which one do you mean', 'Course A', 'Course B'], not: ['Logged'] },
  { say: 'yes to A', expect: ['Logged', 'Course A'] },
  { say: 'yes to B', expect: ['Logged', 'Course B'] },
  // An answer fills in the pending entry, whatever words surround the length.
  { say: 'log "MLN Hospice Basics" yesterday', expect: ['How long'] },
  { say: 'about an hour I think', expect: ['MLN Hospice Basics', '60 minutes', 'Nov 26, 2026'], not: ['I think'] },
  { say: 'no', expect: ['MLN Hospice Basics'] },
  { say: 'log "MLN Hospice Basics" yesterday', expect: ['How long'] },
  { say: 'it was 45 min', expect: ['MLN Hospice Basics', '45 minutes'], not: ['was — 45'] },
  { say: 'nah', expect: ['MLN Hospice Basics'] },
  { say: 'log "MLN Hospice Basics" yesterday', expect: ['How long'] },
  { say: '0.1 CEU', expect: ['MLN Hospice Basics', '60 minutes'] },
  { say: 'no', expect: ['MLN Hospice Basics'] },
  { say: 'log "MLN Hospice Basics" yesterday', expect: ['How long'] },
  { say: '29:59', expect: ['MLN Hospice Basics', '29 minutes'] },
  { say: 'no', expect: ['MLN Hospice Basics'] },
  // A day the reader cannot pin is asked about, never replaced by today.
  { say: 'log "MLN Telehealth Rules" 2.5 hrs last month', expect: ['MLN Telehealth Rules', 'Which day'], not: ['Nov 27, 2026'] },
  { say: 'no', expect: ['MLN Telehealth Rules'] },
  // Two different lengths with a hedge: asked which, never the first taken (leftovers 7/10).
  { say: 'MLN webinar "Coding Updates" took 45 min, maybe 50 yesterday', expect: ['Coding Updates', 'more than one length', '45 min', '50 min'], not: ['not a date', '45 minutes'] },
  { say: 'no', expect: ['Coding Updates'] },
  // Clean titles; a typo in a kind word still finds the kind.
  { say: "✅ done with 'Medicare Parts A & B Appeals Process' WBT 🎉 1 hr yesterday", expect: ['Medicare Parts A & B Appeals Process', 'web-based training'], not: ['done with', '✅', '🎉'] },
  { say: 'no', expect: ['Medicare Parts A & B Appeals Process'] },
  { say: 'MLN webnar "Telehealth Billing" 45 min yesterday', expect: ['Telehealth Billing', 'webinar'] },
  { say: 'no', expect: ['Telehealth Billing'] },
  { say: '"Medicare Billing: 837P and Form CMS-1500 (60 minutes)" WBT yesterday', expect: ['Medicare Billing: 837P and Form CMS-1500', '60 minutes'] },
  { say: 'no', expect: ['Medicare Billing: 837P and Form CMS-1500'] },
  // Warn before crediting what may not count.
  { say: 'attended AHIMA coding seminar, 60 min, last week', expect: ['AHIMA coding seminar', 'Nothing here says CMS or MLN'] },
  { say: 'yep 👍', expect: ['Logged', 'AHIMA coding seminar'] },
  { say: 'history', expect: ['AHIMA coding seminar', 'CMS/MLN as confirmed by the scribe'] },
  // A certificate from a path: the terminal attaches files by path; a chat asks for an upload.
  { say: "here's my certificate ./certificate.pdf", expect: [], terminal: ['certificate.pdf'], chat: ['upload'] },
  // A preview pending across a restart is mentioned the next time the person speaks.
  { say: 'log "MLN Course C" 45 min yesterday', expect: ['MLN Course C', '45 minutes'] },
  { say: 'hello!', restart: true, expect: ['still waiting for you', 'MLN Course C'] },
  { say: 'status', expect: ['Renewal fee'], not: ['still waiting for you'] },
  { say: 'yes', expect: ['Logged', 'MLN Course C'] },
  // The review of issue 10 (docs/reviews/issue-10-review.md): what a scribe also types.
  { say: 'log "X" 30 min yesterday', expect: ['"X" has too few letters to be a course title, and nothing was saved'], not: ['What was the training called'] },
  { say: 'mln webinar "Telehealth Review" 45min yestreday', expect: ['Telehealth Review', 'Nov 26, 2026'], not: ['Nov 27, 2026'] },
  { say: 'cancel that', expect: ['Dropped', 'Telehealth Review'], not: ['Which one'] },
  { say: 'log "MLN Hospice Basics" yesterday', expect: ['How long'] },
  { say: 'renewal fee $85 paid on Nov 1', expect: ['already recorded'], not: ['Title'] },
  { say: 'no', expect: ['Dropped', 'MLN Hospice Basics'] },
  { say: "what's my status?", expect: ['Renewal fee $85: paid Mar 8, 2026'] },
  { say: 'show my history', expect: ['AHIMA coding seminar', 'MLN Course C'] },
  { say: 'thanks!', expect: ["You're welcome"], not: ["didn't understand"] },
];

/**
 * An answer's text for matching: marks (`*`, backticks), double quotes (a card may split a quoted
 * title into runs) and HTML escapes removed, spaces folded. Expectations are matched the same way.
 */
export function plain(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/[*`"]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
