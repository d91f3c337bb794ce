import type { Reply, Role } from '../../src/index.ts';
import { plural } from './format.ts';

type ManagerReply = Extract<Reply, { kind: 'role-changed' | 'roles' | 'team-changed' | 'teams' }>;

const ROLE_WORDS: Readonly<Record<Role, string>> = { admin: 'an admin', manager: 'a manager', scribe: 'a scribe' };

/** Plain sentences for the roster-keeping replies; each adapter escapes and lays them out. */
export function managerLines(reply: ManagerReply): { readonly heading: string; readonly lines: readonly string[] } {
  switch (reply.kind) {
    case 'role-changed': {
      const scope = reply.role === 'manager' ? (reply.teams.length ? ` of ${reply.teams.join(', ')}` : ' of the whole organisation') : '';
      const note = reply.platformAdmin && reply.role !== 'admin' ? [`${reply.person} administers the workspace, so stays an admin here whatever this role says.`] : [];
      return { heading: `${reply.person} is now ${ROLE_WORDS[reply.role]}${scope}.`, lines: [`(was ${ROLE_WORDS[reply.previous]})`, ...note] };
    }
    case 'roles':
      return {
        heading: 'Roles',
        lines: [
          ...reply.people.map((p) => `${p.displayName}: ${p.role}${p.role === 'manager' ? (p.managerOf.length ? ` of ${p.managerOf.join(', ')}` : ' (whole organisation)') : ''}${p.platformAdmin ? ' (workspace admin)' : ''}`),
          `${plural(reply.scribes, 'scribe')}.`,
        ],
      };
    case 'team-changed': {
      const verb = reply.op === 'add' ? 'Added to' : 'Removed from';
      const already = reply.unchanged.length ? [`${reply.unchanged.join(', ')} ${reply.op === 'add' ? 'already in it' : 'not in it'}.`] : [];
      return { heading: reply.changed.length ? `${verb} ${reply.team}: ${reply.changed.join(', ')}.` : `No change to ${reply.team}.`, lines: already };
    }
    case 'teams':
      return { heading: 'Teams', lines: reply.teams.length ? reply.teams.map((t) => `${t.name}: ${plural(t.members, 'person', 'people')}`) : ['No teams yet: `team <name> add @person`.'] };
  }
}
