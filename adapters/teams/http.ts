import type { IncomingMessage, ServerResponse } from 'node:http';

/** Teams activities are small (a message is ≤ ~100 KB); anything larger is refused before parsing. */
const MAX_BODY_BYTES = 1024 * 1024;

/** The Express-style request botbuilder's CloudAdapter.process reads: the body already parsed. */
export interface ParsedRequest {
  readonly method: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Record<string, unknown>;
}

/** The Express-style response it writes (`status`, `header`, `send`, `end`); teams-ai forwards only when `header` exists. */
export interface ExpressLikeResponse {
  readonly socket: unknown;
  status(code: number): ExpressLikeResponse;
  header(name: string, value: unknown): ExpressLikeResponse;
  send(body?: unknown): ExpressLikeResponse;
  end(): ExpressLikeResponse;
}

/** Read and parse a JSON body; null (and the request answered 400/413) when it is not one. */
export async function readJsonBody(req: IncomingMessage, res: ServerResponse): Promise<ParsedRequest | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return refuse(res, 413, 'request body too large');
    chunks.push(buffer);
  }
  try {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return refuse(res, 400, 'the body must be a JSON object');
    return { method: req.method ?? 'GET', headers: req.headers, body: body as Record<string, unknown> };
  } catch {
    return refuse(res, 400, 'the body is not JSON');
  }
}

function refuse(res: ServerResponse, status: number, text: string): null {
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(text);
  return null;
}

/** A Node response dressed as Express's, for botbuilder: objects are sent as JSON. */
export function expressLike(res: ServerResponse): ExpressLikeResponse {
  let sent = false;
  const shim: ExpressLikeResponse = {
    socket: res.socket,
    status: (code) => ((res.statusCode = code), shim),
    header: (name, value) => (res.headersSent || res.setHeader(name, String(value)), shim),
    send: (body) => {
      if (body === undefined || sent) return shim;
      sent = true;
      const json = typeof body !== 'string' && !Buffer.isBuffer(body);
      if (json && !res.headersSent) res.setHeader('content-type', 'application/json; charset=utf-8');
      res.write(json ? JSON.stringify(body) : body);
      return shim;
    },
    end: () => (res.writableEnded || res.end(), shim),
  };
  return shim;
}
