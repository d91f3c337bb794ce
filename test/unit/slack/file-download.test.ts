import { describe, expect, it } from 'vitest';
import { downloadFailure, downloadFile, MAX_REDIRECTS, type FileInfo, type SlackFile } from '../../../adapters/slack/file-download.ts';
import { errorMessage } from '../../../adapters/common/error-messages.ts';
import { pdfBytes } from '../../builders/files.ts';

const TOKEN = 'xoxb-download-token';
const URL_OF = 'https://files.slack.com/files-pri/T1-F1/download/cert.pdf';

function info(overrides: Partial<FileInfo> = {}): FileInfo {
  return { id: 'F1', name: 'cert.pdf', sizeBytes: 400, url: URL_OF, userId: 'U1', shares: [], mimetype: 'application/pdf', filetype: 'pdf', ...overrides };
}

interface Call {
  readonly url: string;
  readonly authorization: string | null;
  readonly redirect: RequestInit['redirect'];
}

/** A fake fetch answering from a table of URL → response (a function, to build a fresh body each time). */
function fakeFetch(routes: Record<string, (signal: AbortSignal) => Response | Promise<Response>>): { fetchFn: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, authorization: new Headers(init?.headers).get('authorization'), redirect: init?.redirect });
    const route = routes[url];
    if (!route) throw new TypeError(`fetch failed: no route for ${url}`);
    return route(init?.signal ?? new AbortController().signal);
  }) as typeof fetch;
  return { fetchFn, calls };
}

const pdf = () => new Response(pdfBytes(), { status: 200, headers: { 'content-type': 'application/pdf' } });
const html = () => new Response('<html>sign in to Slack</html>', { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
const redirect = (location: string) => () => new Response(null, { status: 302, headers: { location } });

/** A request that answers only when its signal gives up (a server that never replies). */
const hang = (signal: AbortSignal) => new Promise<Response>((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));

describe('downloading a shared certificate', () => {
  it('downloads from Slack\'s file server with the bot token, following no redirect on its own', async () => {
    const { fetchFn, calls } = fakeFetch({ [URL_OF]: pdf });
    const file = await downloadFile(info(), TOKEN, [], { fetchFn });
    expect(file).toMatchObject({ kind: 'file', name: 'cert.pdf' });
    expect(calls).toEqual([{ url: URL_OF, authorization: `Bearer ${TOKEN}`, redirect: 'manual' }]);
  });

  it.each([
    ['mimetype text/html', { mimetype: 'text/html', filetype: null }],
    ['filetype html', { mimetype: null, filetype: 'html' }],
    ['application/xhtml+xml', { mimetype: 'application/xhtml+xml', filetype: 'xhtml' }],
  ])('treats an HTML file (%s) as an unsupported type, without downloading it', async (_name, type) => {
    const { fetchFn, calls } = fakeFetch({ [URL_OF]: html });
    expect(await downloadFile(info({ name: 'cert.html', ...type }), TOKEN, [], { fetchFn })).toEqual({ kind: 'unsupported', name: 'cert.html', mediaType: 'text/html' });
    expect(calls).toEqual([]);
  });

  it.each([
    ['a PDF', { mimetype: 'application/pdf', filetype: 'pdf' }],
    ['a PNG', { mimetype: 'image/png', filetype: 'png' }],
    ['a file Slack has no type for', { mimetype: null, filetype: null }],
  ])('reads an HTML page served for %s as the login page (the token lacks files:read)', async (_name, type) => {
    const { fetchFn } = fakeFetch({ [URL_OF]: html });
    expect(await downloadFile(info(type), TOKEN, [], { fetchFn })).toEqual({ kind: 'unavailable', name: 'cert.pdf', reason: 'login-page' });
  });

  it('follows a redirect to a Slack file host, absolute or relative, with the token', async () => {
    const second = 'https://files.slack.com/files-pri/T1-F1/download/cert.pdf?origin=1';
    const third = 'https://files.slack.com/edge/cert.pdf';
    const { fetchFn, calls } = fakeFetch({ [URL_OF]: redirect(second), [second]: redirect('/edge/cert.pdf'), [third]: pdf });
    expect(await downloadFile(info(), TOKEN, [], { fetchFn })).toMatchObject({ kind: 'file' });
    expect(calls.map((c) => [c.url, c.authorization])).toEqual([URL_OF, second, third].map((u) => [u, `Bearer ${TOKEN}`]));
  });

  it.each([
    ['another host', 'https://evil.example/steal', 'evil.example'],
    ['a look-alike host', 'https://files.slack.com.evil.example/x', 'files.slack.com.evil.example'],
    ['plain http', 'http://files.slack.com/x', 'files.slack.com'],
  ])('never follows a redirect to %s, and says where it pointed', async (_name, location, host) => {
    const { fetchFn, calls } = fakeFetch({ [URL_OF]: redirect(location) });
    expect(await downloadFile(info(), TOKEN, [], { fetchFn })).toEqual({ kind: 'unavailable', name: 'cert.pdf', reason: 'redirect-not-allowed', host });
    expect(calls.map((c) => c.url)).toEqual([URL_OF]);
  });

  it(`gives up after ${MAX_REDIRECTS} redirects`, async () => {
    const hop = (n: number) => `https://files.slack.com/hop/${n}`;
    const routes = Object.fromEntries([[URL_OF, redirect(hop(1))], ...[1, 2, 3, 4].map((n) => [hop(n), redirect(hop(n + 1))])]);
    const { fetchFn, calls } = fakeFetch(routes);
    expect(await downloadFile(info(), TOKEN, [], { fetchFn })).toEqual({ kind: 'unavailable', name: 'cert.pdf', reason: 'too-many-redirects' });
    expect(calls).toHaveLength(MAX_REDIRECTS + 1);
  });

  it('stops when Slack does not answer in time, and when the body stalls', async () => {
    const stalled = (signal: AbortSignal) =>
      new Response(new ReadableStream({ start: (controller) => signal.addEventListener('abort', () => controller.error(signal.reason)) }), { status: 200, headers: { 'content-type': 'application/pdf' } });
    for (const route of [hang, stalled]) {
      const { fetchFn } = fakeFetch({ [URL_OF]: route });
      expect(await downloadFile(info(), TOKEN, [], { fetchFn, timeoutMs: 30 })).toEqual({ kind: 'unavailable', name: 'cert.pdf', reason: 'timeout' });
    }
  });

  it('reports an error status, a file stored elsewhere, a missing URL and a body over 10 MB', async () => {
    const { fetchFn } = fakeFetch({ [URL_OF]: () => new Response('gone', { status: 404 }), 'https://files.slack.com/big': () => new Response(new Uint8Array(10 * 1024 * 1024 + 1)) });
    expect(await downloadFile(info(), TOKEN, [], { fetchFn })).toMatchObject({ reason: 'http-error', status: 404 });
    expect(await downloadFile(info({ url: 'https://example.com/cert.pdf' }), TOKEN, [], { fetchFn })).toMatchObject({ reason: 'host-not-allowed', host: 'example.com' });
    expect(await downloadFile(info({ url: null }), TOKEN, [], { fetchFn })).toMatchObject({ reason: 'no-url' });
    expect(await downloadFile(info({ url: 'https://files.slack.com/big', sizeBytes: 10 }), TOKEN, [], { fetchFn })).toMatchObject({ kind: 'too-large' });
  });

  it('lets a network failure through (the caller reports it with a reference)', async () => {
    const { fetchFn } = fakeFetch({});
    await expect(downloadFile(info(), TOKEN, [], { fetchFn })).rejects.toThrow(/fetch failed/);
  });
});

describe('what the person is told', () => {
  const said = (file: Exclude<SlackFile, { kind: 'file' }>) => {
    const reply = downloadFailure(file);
    if (reply.kind !== 'error') throw new Error('expected an error reply');
    return errorMessage(reply.code, reply.details);
  };

  it.each<[Exclude<SlackFile, { kind: 'file' }>, string]>([
    [{ kind: 'unsupported', name: 'cert.html', mediaType: 'text/html' }, '"cert.html" is a web page (HTML), not a PDF, PNG or JPEG. Save or print the certificate as a PDF, or take a screenshot, and send that.'],
    [{ kind: 'unavailable', name: 'cert.pdf', reason: 'login-page' }, 'I couldn\'t download "cert.pdf": the app lacks permission to read files (files:read). Ask your Slack admin to reinstall Recert.'],
    [
      { kind: 'unavailable', name: 'cert.pdf', reason: 'redirect-not-allowed', host: 'evil.example' },
      'Slack redirected the download of "cert.pdf" to evil.example; I only download from Slack\'s file servers. Please share the file again, or ask your Slack admin.',
    ],
    [{ kind: 'unavailable', name: 'cert.pdf', reason: 'too-many-redirects' }, 'I couldn\'t download "cert.pdf": Slack kept redirecting the download. Please share it again.'],
    [{ kind: 'unavailable', name: 'cert.pdf', reason: 'timeout' }, 'Downloading "cert.pdf" from Slack took too long, so I stopped. Please share it again in a minute.'],
    [{ kind: 'unavailable', name: 'cert.pdf', reason: 'http-error', status: 503 }, 'I couldn\'t download "cert.pdf" (Slack answered 503). Please share it again.'],
    [{ kind: 'unavailable', name: 'cert.pdf', reason: 'host-not-allowed', host: 'example.com' }, '"cert.pdf" is not stored on Slack\'s file servers (example.com), so I didn\'t download it. Upload the file itself to Slack.'],
    [{ kind: 'unavailable', name: 'cert.pdf', reason: 'no-url' }, 'I couldn\'t download "cert.pdf". Please share it again.'],
    [{ kind: 'too-large', name: 'big.pdf', sizeBytes: 20 * 1024 * 1024 }, '"big.pdf" is 20.0 MB; certificates can be 10.0 MB at most. Try a smaller scan or a PDF export.'],
  ])('%o', (file, message) => {
    expect(said(file)).toBe(message);
  });
});
