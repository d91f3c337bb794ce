import type { ErrorDetails } from '../../src/index.ts';

/**
 * What a permission refusal (`forbidden`) says, in every adapter: who may do it, what the asker was
 * refused (naming the person or team when it is about one outside the asker's teams) and which
 * admins to ask.
 */
export function forbiddenMessage(d: ErrorDetails): string {
  const ask = d.admins ? ` — ask an admin: ${str(d, 'admins')}` : '';
  if (d.outOfScope) return `${outOfScope(d)}${ask}.`;
  const permission = str(d, 'permission');
  const what = REQUEST_WHAT[str(d, 'request')] ?? FORBIDDEN_WHAT[permission] ?? 'do that';
  const who = permission === 'manage-roles' ? 'Only admins' : permission === 'manage-teams' ? 'Only admins and managers of the whole organisation' : 'Only managers and admins';
  return `${who} can ${what}${ask}.`;
}

const str = (d: ErrorDetails, key: string): string => String(d[key] ?? '');

/** A manager asking about someone (or a team) outside the teams they manage. */
function outOfScope(d: ErrorDetails): string {
  const subject = str(d, 'subject');
  const yours = d.teams ? ` (you manage ${str(d, 'teams')})` : '';
  const permission = str(d, 'permission');
  if (d.subjectKind === 'team') return `${subject} is not one of your teams${yours}, so you cannot ${TEAM_WHAT[permission] ?? 'do that for it'}`;
  const what = PERSON_WHAT[permission];
  return what ? `${subject} is not in your teams${yours}, so you cannot ${what(subject)}` : `${subject} is not in your teams${yours}, so you cannot do that for them`;
}

/** The request, when it says more than its permission (the roster is read with the report's). */
const REQUEST_WHAT: Readonly<Record<string, string>> = {
  roster: 'see the roster',
  roles: 'see who has which role',
  teams: 'see the teams',
  digest: 'get the weekly team digest',
};

/** What the asker may not do, by permission. */
const FORBIDDEN_WHAT: Readonly<Record<string, string>> = {
  'see-records': "see someone else's records",
  'change-records': "change someone else's records",
  'export-paperwork': "export someone else's paperwork",
  'see-report': 'see the team report',
  'manage-roster': 'change the roster',
  'run-audits': 'run audits',
  'configure-reminders': 'set up reminders',
  'manage-teams': 'change the teams',
  'manage-roles': 'give or take away roles',
};

/** The same, about one person outside the asker's teams. */
const PERSON_WHAT: Readonly<Record<string, (name: string) => string>> = {
  'see-records': (name) => `see ${name}'s records`,
  'change-records': (name) => `change ${name}'s records`,
  'export-paperwork': (name) => `export ${name}'s paperwork`,
  'manage-roster': (name) => `change ${name}'s place on the roster (certificate, fee, teams, removal)`,
};

/** The same, about a team the asker does not manage. */
const TEAM_WHAT: Readonly<Record<string, string>> = {
  'see-report': 'see its report',
  'run-audits': 'audit it',
};
