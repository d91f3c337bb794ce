import { describe, expect, it } from 'vitest';
import { UPLOAD_FRAGMENT_BYTES, uploadToSession } from '../../../adapters/teams/file-consent.ts';
import { RecordingLogger } from '../../fakes/recording-logger.ts';

const SESSION = 'https://contoso-my.sharepoint.com/personal/x/_api/v2.0/drive/uploadSession/s1';

interface Put {
  readonly range: string | null;
  readonly size: number;
  readonly authorization: string | null;
}

/** A fake upload session: 202 for each fragment but the last, 201 for the last (as OneDrive answers). */
function session(total: number, failAt: number | null = null): { fetchFn: typeof fetch; puts: Put[] } {
  const puts: Put[] = [];
  const fetchFn = (async (_input: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const size = (init?.body as Uint8Array).length;
    puts.push({ range: headers.get('content-range'), size, authorization: headers.get('authorization') });
    if (puts.length === failAt) return new Response('{"error":{"code":"invalidRange"}}', { status: 416 });
    const end = Number(/-(\d+)\//.exec(headers.get('content-range') ?? '')?.[1]);
    return new Response('{}', { status: end === total - 1 ? 201 : 202 });
  }) as typeof fetch;
  return { fetchFn, puts };
}

describe('uploading an export to the OneDrive upload session of a file consent', () => {
  it('PUTs fragments of 12 × 320 KiB with Content-Range, the last one shorter, and no token', async () => {
    const total = 2 * UPLOAD_FRAGMENT_BYTES + 1000;
    const { fetchFn, puts } = session(total);
    expect(await uploadToSession({ files: { fetchFn }, log: new RecordingLogger() }, SESSION, new Uint8Array(total))).toBe('uploaded');
    expect(UPLOAD_FRAGMENT_BYTES % (320 * 1024)).toBe(0);
    expect(puts).toEqual([
      { range: `bytes 0-${UPLOAD_FRAGMENT_BYTES - 1}/${total}`, size: UPLOAD_FRAGMENT_BYTES, authorization: null },
      { range: `bytes ${UPLOAD_FRAGMENT_BYTES}-${2 * UPLOAD_FRAGMENT_BYTES - 1}/${total}`, size: UPLOAD_FRAGMENT_BYTES, authorization: null },
      { range: `bytes ${2 * UPLOAD_FRAGMENT_BYTES}-${total - 1}/${total}`, size: 1000, authorization: null },
    ]);
  });

  it('stops at the first refused fragment', async () => {
    const total = 3 * UPLOAD_FRAGMENT_BYTES;
    const { fetchFn, puts } = session(total, 2);
    expect(await uploadToSession({ files: { fetchFn }, log: new RecordingLogger() }, SESSION, new Uint8Array(total))).toBe('failed');
    expect(puts).toHaveLength(2);
  });

  it('uploads nowhere but SharePoint or OneDrive (https), and gives up after the timeout', async () => {
    const { fetchFn, puts } = session(10);
    const rt = { files: { fetchFn }, log: new RecordingLogger() };
    for (const url of ['https://collector.example/u', 'http://contoso-my.sharepoint.com/u', 'not a url', 'https://sharepoint.com.evil.example/u']) expect(await uploadToSession(rt, url, new Uint8Array(10))).toBe('host-not-allowed');
    expect(puts).toHaveLength(0);
    const hang = (async (_input: string | URL | Request, init?: RequestInit) => new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)))) as typeof fetch;
    expect(await uploadToSession({ files: { fetchFn: hang, uploadTimeoutMs: 30 }, log: new RecordingLogger() }, SESSION, new Uint8Array(10))).toBe('timeout');
  });
});
