import {
  attachProof,
  converse,
  identify,
  importRoster,
  interpret,
  isRecertError,
  mayImportRoster,
  asReply,
  MAX_PROOF_BYTES,
  type Actor,
  type CoreDeps,
  type Reply,
  type ReminderChannel,
} from '../../src/index.ts';
import { withoutCommandName } from '../common/command-text.ts';
import { ExportFolderError } from './export-folder.ts';
import type { LocalFile } from './local-files.ts';

/** The terminal is one conversation: `remind here` subscribes it (its digests print here). */
export const TERMINAL_CHANNEL: ReminderChannel = { platform: 'shell', address: 'terminal', name: 'this terminal' };

/**
 * Slack's command name. The terminal takes a command typed the Slack way (`/ceu status`, as Slack's
 * help writes it) like the bare one, so a command copied from Slack works here too.
 */
const SLACK_COMMAND_NAME = 'ceu';

type PaperworkReply = Extract<Reply, { kind: 'paperwork' }>;

export interface ShellPorts {
  readonly deps: CoreDeps;
  readonly organisation: { readonly externalId: string; readonly name: string; readonly timeZone: string };
  readonly readFile: (path: string) => Promise<LocalFile>;
  /** A short id for an unexpected failure, shown to the person and logged with the error. */
  readonly newReference: () => string;
  /** Makes an export's files and writes them to the export folder (`folderDelivery`). */
  readonly deliverPaperwork: (reply: PaperworkReply) => Promise<PaperworkReply>;
}

export type Outcome = { readonly replies: readonly Reply[]; readonly notice?: string; readonly quit?: boolean };

/**
 * One terminal conversation: who is speaking, and what each line they type produces. It holds no
 * rules; lines go to the core (`converse`) except the terminal's own words (`as`, `quit`, `proof <path>`).
 */
export class ShellSession {
  private actor: Actor | null = null;
  private readonly ports: ShellPorts;

  constructor(ports: ShellPorts) {
    this.ports = ports;
  }

  get speaker(): string {
    return this.actor?.displayName ?? '';
  }

  /** Become `name` (creating the person on first use); a first contact is greeted. */
  async speakAs(name: string): Promise<Outcome> {
    const displayName = name.trim().replace(/\s+/g, ' ').slice(0, 80);
    if (!displayName) return { replies: [], notice: 'Usage: as NAME' };
    const { actor, firstContact } = await identify(this.ports.deps, {
      platform: 'shell',
      organisationExternalId: this.ports.organisation.externalId,
      organisationName: this.ports.organisation.name,
      organisationTimeZone: this.ports.organisation.timeZone,
      userExternalId: displayName.toLowerCase(),
      displayName,
      timeZone: null,
      source: 'shell',
      organisationZoneIsConfigured: true,
      // The terminal's first person is the local organisation's admin (they can then keep its roster).
      firstPersonIsAdmin: true,
    });
    this.actor = actor;
    return { replies: firstContact ? [{ kind: 'welcome', displayName, hasCredential: false }] : [], notice: `(you are ${displayName})` };
  }

  async handle(line: string): Promise<Outcome> {
    const text = line.trim();
    if (!text) return { replies: [] };
    if (/^(quit|exit|bye)$/i.test(text)) return { replies: [], quit: true };
    // `as NAME`: one to three words of a name; "as part of onboarding I finished…" is a message.
    const as = /^as\s+(\p{L}[\p{L}'.-]*(?:\s+\p{L}[\p{L}'.-]*){0,2})$/iu.exec(text);
    if (as?.[1]) return this.speakAs(as[1]);
    if (!this.actor) return { replies: [], notice: 'Say who you are first: as NAME' };
    try {
      const words = withoutCommandName(text, SLACK_COMMAND_NAME);
      const intent = interpret(words);
      if (intent.kind === 'attach-local') return { replies: [await this.attach(this.actor, intent.path, intent.seq)] };
      if (intent.kind === 'roster-import' && intent.path) return { replies: [await this.importRoster(this.actor, intent.path, intent.skipBad)] };
      return await this.deliver(await converse(this.ports.deps, this.actor, words, { channel: TERMINAL_CHANNEL }));
    } catch (error) {
      const reference = this.ports.newReference();
      this.ports.deps.log.error('shell request failed', { reference, error: error instanceof Error ? error.message : String(error) });
      return { replies: [], notice: `Something went wrong on my side (reference ${reference}). Check \`status\` or \`history\` before trying again.` };
    }
  }

  /** Paperwork goes into the export folder; the reply then says where. */
  private async deliver(replies: readonly Reply[]): Promise<Outcome> {
    const out: Reply[] = [];
    for (const reply of replies) {
      if (reply.kind !== 'paperwork') {
        out.push(reply);
        continue;
      }
      try {
        out.push(await this.ports.deliverPaperwork(reply));
      } catch (error) {
        if (!(error instanceof ExportFolderError)) throw error;
        return { replies: [...out, reply], notice: `I could not write to ${error.folder} (${error.reason}). Set RECERT_EXPORT_DIR to a folder you can write to, and ask again.` };
      }
    }
    return { replies: out };
  }

  /** `roster import [skip-bad] ./people.csv`: the file is read here, the rules are the core's. */
  private async importRoster(actor: Actor, filePath: string, skipBad: boolean): Promise<Reply> {
    // A scribe is refused before the path is looked at.
    try {
      await mayImportRoster(this.ports.deps, actor);
    } catch (error) {
      if (isRecertError(error)) return { kind: 'error', code: error.code, details: error.details };
      throw error;
    }
    const file = await this.ports.readFile(filePath);
    if (file.kind === 'missing' || file.kind === 'not-a-file') return { kind: 'error', code: 'roster-file-invalid', details: { problem: 'missing', path: filePath, folder: file.kind === 'not-a-file' } };
    if (file.kind === 'too-large') return { kind: 'error', code: 'roster-file-invalid', details: { problem: 'too-large' } };
    return asReply(() => importRoster(this.ports.deps, actor, { text: file.bytes, fileName: file.name, skipBad }));
  }

  private async attach(actor: Actor, filePath: string, seq: number | null): Promise<Reply> {
    const file = await this.ports.readFile(filePath);
    if (file.kind === 'missing' || file.kind === 'not-a-file') {
      return { kind: 'error', code: 'proof-file-missing', details: { path: filePath, folder: file.kind === 'not-a-file' } };
    }
    if (file.kind === 'too-large') {
      return { kind: 'error', code: 'proof-too-large', details: { fileName: file.name, sizeBytes: file.sizeBytes, maxBytes: MAX_PROOF_BYTES } };
    }
    return asReply(() => attachProof(this.ports.deps, actor, { fileName: file.name, bytes: file.bytes, ...(seq === null ? {} : { seq }) }));
  }
}
