import { filledCells, type Tone } from '../../common/presentation.ts';

/** Slack's glyphs for the model's tones and progress: the only things this renderer adds to the words. */

/** A bar of `cells` cells, filled by the shared rule (full only when the requirement is met). */
export function progressBar(earned: number, required: number, cells = 10): string {
  const filled = filledCells(earned, required, cells);
  return `${'▰'.repeat(filled)}${'▱'.repeat(cells - filled)}`;
}

/** Put before a heading or a reply's first line; an informational reply has none. */
export const TONE_EMOJI: Readonly<Record<Tone, string>> = { ok: ':white_check_mark:', info: '', warning: ':warning:', error: ':x:' };
