import nock from 'nock';

/** A request the fake Slack received: the Web API method (or `response_url/<path>`) and its body. */
export interface SlackCall {
  readonly path: string;
  readonly body: Record<string, unknown>;
}

export type SlackPeople = Readonly<Record<string, { readonly name: string; readonly admin?: boolean }>>;

/**
 * The Web API a manager's workspace needs, at nock: `users.info` answers for the given people
 * (zone America/Chicago; `admin` → is_admin), and every chat.postMessage and response_url post is
 * recorded in the returned list, in order.
 */
export function interceptSlackPeople(team: string, people: SlackPeople): SlackCall[] {
  const calls: SlackCall[] = [];
  nock('https://slack.com')
    .persist()
    .post('/api/users.info')
    .reply(200, async (req: Request) => {
      const user = new URLSearchParams(await req.text()).get('user') ?? '';
      const who = people[user] ?? { name: user };
      return { ok: true, user: { id: user, team_id: team, name: who.name.toLowerCase(), real_name: who.name, tz: 'America/Chicago', is_admin: who.admin === true, profile: { display_name: who.name } } };
    })
    .post(/\/api\/chat\.postMessage/)
    .reply(200, async (req: Request) => {
      calls.push({ path: 'chat.postMessage', body: Object.fromEntries(new URLSearchParams(await req.text())) });
      return { ok: true, ts: '1.1' };
    });
  nock('https://hooks.slack.com')
    .persist()
    .post(/.*/)
    .reply(200, async (req: Request) => {
      calls.push({ path: `response_url${new URL(req.url).pathname}`, body: (await req.json()) as Record<string, unknown> });
      return 'ok';
    });
  return calls;
}
