import { createHmac } from 'node:crypto';
import { request } from 'node:http';

export interface HttpResult {
  readonly status: number;
  readonly body: string;
  readonly headers: Record<string, string | string[] | undefined>;
}

export interface SignOptions {
  /** Seconds since the epoch; defaults to now. */
  readonly timestamp?: number;
  /** Sign with another secret (a forged request). */
  readonly secret?: string;
  readonly headers?: Record<string, string>;
  /** The request target; defaults to Slack's `/slack/events`. */
  readonly path?: string;
}

/** Slack's v0 signature: HMAC-SHA256 of "v0:<timestamp>:<raw body>" with the signing secret. */
export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POST a raw body to the app the way Slack does, over node:http (nock passes these through). */
export function post(port: number, path: string, body: string, contentType: string, headers: Record<string, string>): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': contentType, 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export function get(port: number, path: string, headers: Record<string, string> = {}): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A Slack client for tests: signs every request with `secret` (unless told otherwise). */
export class SlackSender {
  private readonly port: number;
  private readonly secret: string;

  constructor(port: number, secret: string) {
    this.port = port;
    this.secret = secret;
  }

  /** Events API delivery (JSON). */
  event(payload: object, options: SignOptions = {}): Promise<HttpResult> {
    return this.send(JSON.stringify(payload), 'application/json', options);
  }

  /** Slash command (form-encoded fields). */
  command(fields: Record<string, string>, options: SignOptions = {}): Promise<HttpResult> {
    return this.send(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);
  }

  /** Interactivity: block actions, view submissions, shortcuts (form field `payload` holding JSON). */
  interaction(payload: object, options: SignOptions = {}): Promise<HttpResult> {
    return this.send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', options);
  }

  raw(body: string, contentType: string, options: SignOptions = {}): Promise<HttpResult> {
    return this.send(body, contentType, options);
  }

  private send(body: string, contentType: string, options: SignOptions): Promise<HttpResult> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const signature = sign(options.secret ?? this.secret, timestamp, body);
    return post(this.port, options.path ?? '/slack/events', body, contentType, { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature, ...options.headers });
  }
}
