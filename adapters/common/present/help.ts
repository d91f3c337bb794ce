import type { HelpTopic } from '../../../src/index.ts';
import { helpSections } from '../help.ts';
import { list, note, rich, type Presentation, type PresentContext } from '../presentation.ts';
import { helpNote } from './surface-words.ts';

/** What the bot can do: one list per topic, commands written for the platform. */
export function presentHelp(topic: HelpTopic, context: PresentContext): Presentation {
  const lists = helpSections(topic, context).map((s) => list(s.title, s.lines.map((l) => rich(l))));
  return { tone: 'info', heading: null, body: [...lists, note(helpNote(context))], actions: [], typed: null };
}
