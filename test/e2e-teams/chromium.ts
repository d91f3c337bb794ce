import { execFileSync } from 'node:child_process';

/** Debian's chromium (`apt-get install -y chromium`), or the browser CHROMIUM names. */
export function findChromium(): string {
  const named = process.env.CHROMIUM?.trim();
  if (named) return named;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim().split('\n')[0] ?? '';
  } catch {
    throw new Error('No Chromium found: apt-get install -y chromium, or set CHROMIUM to a Chrome/Chromium binary');
  }
}

/** Headless, and quiet: no GPU, no QUIC, no background updates or sync (the machine may be offline). */
export const HEADLESS_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
