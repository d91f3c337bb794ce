/**
 * Framing of the PostgreSQL frontend protocol, as much as the embedded server needs: split a
 * connection's bytes into whole messages. The first message of a connection (startup, SSL or
 * cancel request) has no type byte: a 4-byte length, then a 4-byte code. Every later message is a
 * type byte followed by a 4-byte length that counts itself but not the type byte.
 */

/** Request codes of untyped first messages. */
export const SSL_REQUEST = 80877103;
export const GSSENC_REQUEST = 80877104;
export const CANCEL_REQUEST = 80877102;
/** Protocol 3.0, the startup message's code. */
export const PROTOCOL_3 = 196608;

export type Frame =
  | { readonly kind: 'startup'; readonly bytes: Buffer }
  | { readonly kind: 'ssl-request' | 'gssenc-request' | 'cancel-request' | 'unknown-request'; readonly bytes: Buffer }
  | { readonly kind: 'message'; readonly type: string; readonly bytes: Buffer };

/** Messages after which the backend answers ReadyForQuery: the end of one unit of work. */
export function endsUnitOfWork(frame: Frame): boolean {
  return frame.kind === 'startup' || (frame.kind === 'message' && (frame.type === 'S' || frame.type === 'Q'));
}

/**
 * Whole frames at the front of `buffer`, and the incomplete rest. `started` says whether the
 * connection has sent its startup message (before that, frames are untyped).
 */
export function splitFrames(buffer: Buffer, started: boolean): { frames: Frame[]; rest: Buffer; started: boolean } {
  const frames: Frame[] = [];
  let offset = 0;
  let begun = started;
  for (;;) {
    const frame = begun ? typedFrame(buffer, offset) : untypedFrame(buffer, offset);
    if (!frame) break;
    frames.push(frame);
    offset += frame.bytes.length;
    if (frame.kind === 'startup') begun = true;
  }
  return { frames, rest: buffer.subarray(offset), started: begun };
}

function untypedFrame(buffer: Buffer, offset: number): Frame | null {
  if (buffer.length - offset < 8) return null;
  const length = buffer.readInt32BE(offset);
  if (length < 8) throw new ProtocolError(`bad startup length ${length}`);
  if (buffer.length - offset < length) return null;
  const bytes = buffer.subarray(offset, offset + length);
  const code = buffer.readInt32BE(offset + 4);
  if (code === PROTOCOL_3) return { kind: 'startup', bytes };
  if (code === SSL_REQUEST) return { kind: 'ssl-request', bytes };
  if (code === GSSENC_REQUEST) return { kind: 'gssenc-request', bytes };
  if (code === CANCEL_REQUEST) return { kind: 'cancel-request', bytes };
  return { kind: 'unknown-request', bytes };
}

/** 1 GiB: PostgreSQL's own limit on one message. */
const MAX_MESSAGE_BYTES = 1 << 30;

function typedFrame(buffer: Buffer, offset: number): Frame | null {
  if (buffer.length - offset < 5) return null;
  const length = buffer.readInt32BE(offset + 1);
  if (length < 4 || length > MAX_MESSAGE_BYTES) throw new ProtocolError(`bad message length ${length}`);
  if (buffer.length - offset < length + 1) return null;
  return { kind: 'message', type: String.fromCharCode(buffer[offset] ?? 0), bytes: buffer.subarray(offset, offset + length + 1) };
}

export class ProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtocolError';
  }
}

/** A Sync message: ends an extended-protocol sequence a vanished client left half done. */
export const SYNC = Buffer.from([0x53, 0, 0, 0, 4]);

/**
 * A parameter of a startup message (length, protocol, then name\0value\0 pairs ending in \0), or
 * null when the message does not carry it.
 */
export function startupParameter(bytes: Buffer, name: string): string | null {
  const fields = bytes.subarray(8).toString('utf8').split('\0');
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1] ?? null;
  return null;
}
