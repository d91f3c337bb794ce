import { z } from 'zod';

/** What the "Log a training" modal carries between opening and submission (Slack's private_metadata). */
export interface ModalMetadata {
  /** The preview being edited: it is cancelled once the modal logs the entry. */
  readonly draftId?: string;
  /** Where to answer: the thread the preview lived in. Otherwise the person's DM. */
  readonly channel?: string;
  readonly threadTs?: string;
}

const schema = z.object({ draftId: z.string().uuid().optional(), channel: z.string().max(40).optional(), threadTs: z.string().max(40).optional() });

export function encodeModalMetadata(metadata: ModalMetadata): string {
  return JSON.stringify(metadata);
}

/** Parse what came back; anything unreadable means "no context" rather than an error. */
export function decodeModalMetadata(text: string | undefined): ModalMetadata {
  if (!text) return {};
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
