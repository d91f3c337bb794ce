import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What the front door holds in memory at once. A request beyond a bound is refused before any
 * route reads it — so before anything is stored or acknowledged — with 503 and Retry-After, which
 * Slack and the Bot Framework retry: shedding never loses a delivery that was acknowledged.
 */
export interface AdmissionLimits {
  /** Requests being served at once (reading, storing, answering). */
  readonly maxInFlight: number;
  /** A request body larger than this (bytes, by its Content-Length) is refused with 413. */
  readonly maxBodyBytes: number;
  /** Seconds the client is asked to wait before trying a shed request again. */
  readonly retryAfterSeconds: number;
}

/**
 * 256 in flight: at the load targets (200 commands/s acknowledged within ~50 ms) about 10 are; past
 * 256 the process is not keeping up and more would only queue in memory. Slack's payloads are a
 * few kB (a view submission tens of kB): 1 MiB is far above any.
 */
export const DEFAULT_ADMISSION_LIMITS: AdmissionLimits = { maxInFlight: 256, maxBodyBytes: 1024 * 1024, retryAfterSeconds: 1 };

export type Refusal = { readonly status: 413 | 503; readonly reason: string; readonly headers: Readonly<Record<string, string>> };

export interface Admission {
  /** Null: admitted, and counted until its response closes. Otherwise the refusal to send. */
  admit(req: IncomingMessage, res: ServerResponse): Refusal | null;
  /** Requests being served now (tests, diagnostics). */
  inFlight(): number;
  /** Requests refused for load since start. */
  shed(): number;
}

export function admission(limits: AdmissionLimits): Admission {
  let inFlight = 0;
  let shed = 0;
  return {
    admit(req, res): Refusal | null {
      const length = Number(req.headers['content-length'] ?? 0);
      if (Number.isFinite(length) && length > limits.maxBodyBytes) return { status: 413, reason: 'request body too large', headers: { connection: 'close' } };
      if (inFlight >= limits.maxInFlight) {
        shed += 1;
        return { status: 503, reason: 'busy: try again shortly', headers: { 'retry-after': String(limits.retryAfterSeconds) } };
      }
      inFlight += 1;
      // 'close' fires once, whether the answer was sent or the client went away.
      res.once('close', () => void (inFlight -= 1));
      return null;
    },
    inFlight: () => inFlight,
    shed: () => shed,
  };
}
