/** Payloads shaped like Slack's, with the fields Recert reads. Ids are fixed so tests can match them. */
export const TEAM = 'T0TEST';
export const USER = 'U0SCRIBE';
export const BOT_USER = 'U0BOT';
export const DM = 'D0DM';
export const RESPONSE_URL_HOST = 'https://hooks.slack.com';

let counter = 0;
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}

export function commandFields(text: string, overrides: Record<string, string> = {}): Record<string, string> {
  const id = uniqueId('');
  return {
    command: '/ceu',
    text,
    team_id: TEAM,
    team_domain: 'clinic',
    user_id: USER,
    user_name: 'scribe',
    channel_id: 'C0GENERAL',
    channel_name: 'general',
    api_app_id: 'A0RECERT',
    trigger_id: `trigger.${id}`,
    response_url: `${RESPONSE_URL_HOST}/commands/${TEAM}/${id}/secret`,
    ...overrides,
  };
}

export function eventEnvelope(event: Record<string, unknown>, eventId = uniqueId('Ev')): Record<string, unknown> {
  return {
    token: 'legacy',
    team_id: TEAM,
    api_app_id: 'A0RECERT',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: BOT_USER, is_bot: true, is_enterprise_install: false }],
    event,
  };
}

export function dmMessage(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const ts = `${Math.floor(Date.now() / 1000)}.${String(++counter).padStart(6, '0')}`;
  return { type: 'message', channel: DM, channel_type: 'im', user: USER, text, ts, event_ts: ts, client_msg_id: uniqueId('msg-'), team: TEAM, ...extra };
}

export function blockAction(actionId: string, value: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const id = uniqueId('');
  return {
    type: 'block_actions',
    team: { id: TEAM, domain: 'clinic' },
    user: { id: USER, username: 'scribe', team_id: TEAM },
    api_app_id: 'A0RECERT',
    trigger_id: `trigger.${id}`,
    response_url: `${RESPONSE_URL_HOST}/actions/${TEAM}/${id}/secret`,
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: DM, is_ephemeral: false },
    channel: { id: DM, name: 'directmessage' },
    message: { type: 'message', ts: '1700000000.000100', thread_ts: '1700000000.000001', text: 'preview' },
    actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value, action_ts: `${Date.now() / 1000}` }],
    ...extra,
  };
}
