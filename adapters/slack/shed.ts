import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Refusal } from '../server/admission.ts';
import { respond } from '../server/front-door.ts';
import { BUSY_TEXT } from './inbound/accept.ts';

/** A slash command's form is a few hundred bytes; anything longer is not read when shedding (bytes). */
const MAX_COMMAND_BYTES = 8 * 1024;

/**
 * Past the front door's bound, Slack's events (JSON) get the 503, which Slack retries. A slash
 * command is never sent again, and a 503 shows the person only Slack's own error line, so its
 * form (small) is read and answered 200 with BUSY_TEXT, shown to the person alone; nothing is
 * stored or done. No signature check: the answer is a fixed sentence and nothing changes.
 * Buttons and forms keep the 503 (Slack marks the click or keeps the modal open, so the person
 * sees it failed and can try again).
 */
export function shedSlack(req: IncomingMessage, res: ServerResponse, refusal: Refusal): boolean {
  const type = req.headers['content-type'] ?? '';
  const length = Number(req.headers['content-length'] ?? Number.NaN);
  if (req.method !== 'POST' || !type.startsWith('application/x-www-form-urlencoded') || !(length <= MAX_COMMAND_BYTES)) return false;
  if (!(req.url ?? '').startsWith('/slack/')) return false;
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => {
    body += chunk;
    if (body.length > MAX_COMMAND_BYTES) req.destroy();
  });
  req.on('error', () => res.destroy());
  req.on('end', () => {
    if (!new URLSearchParams(body).has('command')) return void respond(res, refusal.status, refusal.reason, refusal.headers);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ response_type: 'ephemeral', text: BUSY_TEXT }));
  });
  return true;
}
