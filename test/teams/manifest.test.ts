import { readFileSync } from 'node:fs';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import { unzipSync } from 'fflate';
import nock from 'nock';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpSections } from '../../adapters/common/help.ts';
import { TEAMS_WORDING } from '../../adapters/teams/runtime.ts';
import { AppPackageError, appPackageFrom, fillManifest } from '../../manifest/teams/app-package.ts';
import { schemaProblems } from '../../manifest/teams/schema.ts';
import { interpret, type HelpTopic } from '../../src/index.ts';

const DIR = new URL('../../manifest/teams/', import.meta.url);
const TEMPLATE = readFileSync(new URL('manifest.json', DIR), 'utf8');
const ENV = { MicrosoftAppId: '2b7c1e4a-0d7f-4b8e-9a51-3f2d6c8e9b10', RECERT_TEAMS_DOMAIN: 'recert.example.org' };

interface Command { readonly title: string; readonly description: string }
interface Manifest { readonly manifestVersion: string; id: string; readonly validDomains: string[]; readonly bots: { botId: string; scopes: string[]; supportsFiles: boolean; commandLists: { scopes: string[]; commands: Command[] }[] }[] }

const filled = (): Manifest => fillManifest(TEMPLATE, ENV) as unknown as Manifest;
const ALL_TOPICS: readonly HelpTopic[] = ['all', 'log', 'cert', 'fee', 'proof', 'edit', 'report', 'manage', 'remind', 'export', 'roster', 'audit'];
/** Every line of help Teams can show, in Teams' wording (no command prefix). */
const HELP_TEXT = ALL_TOPICS.flatMap((t) => helpSections(t, TEAMS_WORDING)).flatMap((s) => s.lines).join('\n');

// Offline: neither validator may reach developer.microsoft.com for a schema.
beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

describe('manifest/teams/manifest.json against the official schema (bundled, offline)', () => {
  it('is valid once its placeholders are filled, by our check and by Microsoft\'s own validator', async () => {
    const manifest = filled();
    expect(manifest.manifestVersion).toBe('1.30');
    expect(schemaProblems(manifest)).toEqual([]);
    expect(await AppManifestUtils.validateAgainstSchema(manifest as unknown as TeamsManifest)).toEqual([]);
  });

  it('reports what is wrong with a broken manifest', () => {
    const broken = JSON.parse(JSON.stringify(filled())) as Record<string, unknown> & Manifest;
    broken.bots[0]?.scopes.push('meetings');
    delete broken.name;
    broken.id = 'not-a-guid';
    const problems = schemaProblems(broken);
    expect(problems).toContain("/ must have required property 'name'");
    expect(problems.some((p) => p.startsWith('/bots/0/scopes/3 must be equal to one of the allowed values'))).toBe(true);
    expect(problems.some((p) => p.startsWith('/id must match pattern'))).toBe(true);
  });

  it('has one bot in personal, team and group chats, with files, and the app id everywhere', () => {
    const manifest = filled();
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.bots[0]).toMatchObject({ botId: ENV.MicrosoftAppId, supportsFiles: true });
    expect([...(manifest.bots[0]?.scopes ?? [])].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(manifest.id).toBe(ENV.MicrosoftAppId);
    expect(manifest.validDomains).toEqual([ENV.RECERT_TEAMS_DOMAIN]);
  });
});

describe('commandLists against the code', () => {
  const lists = filled().bots[0]?.commandLists ?? [];
  const commands = lists.flatMap((l) => l.commands);

  it('has a list for personal chat and one for channels and group chats', () => {
    expect(lists.map((l) => [...l.scopes].sort())).toEqual([['personal'], ['groupChat', 'team']]);
  });

  it.each(commands.map((c) => [c.title, c] as const))('"%s" is a command the interpreter knows and help names', (title, command) => {
    const intent = interpret(title);
    // A bare command word ("log", "cert") shows its usage: known, just incomplete.
    expect(intent.kind === 'unknown' && intent.reason === 'unrecognised').toBe(false);
    expect(HELP_TEXT).toMatch(new RegExp(`(^|[\\s·—(])${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'm'));
    // Teams shows at most 32 characters of a title and 128 of a description (the schema's older limits).
    expect(title.length).toBeLessThanOrEqual(32);
    expect(command.description.length).toBeLessThanOrEqual(128);
  });

  it('offers the everyday scribe commands in personal chat', () => {
    const personal = lists.find((l) => l.scopes.includes('personal'))?.commands.map((c) => c.title);
    expect(personal).toEqual(expect.arrayContaining(['log', 'status', 'history', 'undo', 'help', 'report']));
  });
});

describe('icons', () => {
  const png = (name: string) => PNG.sync.read(readFileSync(new URL(name, DIR)));

  it('color.png is 192×192 and opaque', () => {
    const color = png('color.png');
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(color.data.filter((_, i) => i % 4 === 3).every((alpha) => alpha === 255)).toBe(true);
  });

  it('outline.png is 32×32, white on a transparent background', () => {
    const outline = png('outline.png');
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const pixels = Array.from({ length: outline.width * outline.height }, (_, i) => outline.data.subarray(i * 4, i * 4 + 4));
    expect(pixels.some((p) => p[3] === 0)).toBe(true);
    expect(pixels.filter((p) => (p[3] ?? 0) > 0).every((p) => p[0] === 255 && p[1] === 255 && p[2] === 255)).toBe(true);
  });
});

describe('npm run package:teams', () => {
  it('zips manifest.json, color.png and outline.png at the root, with the app id filled in', () => {
    const files = unzipSync(appPackageFrom(DIR, ENV));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Manifest;
    expect(manifest.id).toBe(ENV.MicrosoftAppId);
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(files['color.png']).toEqual(new Uint8Array(readFileSync(new URL('color.png', DIR))));
  });

  it('refuses without MicrosoftAppId, or with one that is not a GUID, saying what it is', () => {
    expect(() => appPackageFrom(DIR, { RECERT_TEAMS_DOMAIN: ENV.RECERT_TEAMS_DOMAIN })).toThrow(/MicrosoftAppId is not set: it is the bot's Microsoft App ID, a GUID/);
    expect(() => appPackageFrom(DIR, { ...ENV, MicrosoftAppId: 'my-bot' })).toThrow(/MicrosoftAppId "my-bot" is not the bot's Microsoft App ID/);
  });

  it('refuses a domain that is not a bare host name, and lists every problem at once', () => {
    const attempt = () => fillManifest(TEMPLATE, { RECERT_TEAMS_DOMAIN: 'https://recert.example.org/' });
    expect(attempt).toThrow(AppPackageError);
    try {
      attempt();
    } catch (error) {
      expect((error as AppPackageError).problems).toEqual([
        expect.stringMatching(/^MicrosoftAppId is not set/),
        expect.stringMatching(/^RECERT_TEAMS_DOMAIN "https:\/\/recert.example.org\/" is not the public host name/),
      ]);
    }
  });

  it('refuses a placeholder it does not know', () => {
    expect(() => fillManifest(TEMPLATE.replace('"0.1.0"', '"${{APP_VERSION}}"'), ENV)).toThrow(/uses \$\{\{APP_VERSION\}\}, which the packaging script does not know/);
  });
});
