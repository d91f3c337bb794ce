import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every Teams and botbuilder type stays inside adapters/teams/ (docs/teams.md: a move to the Teams
 * SDK then touches that folder only). dependency-cruiser enforces it for src, adapters, migrations
 * and bin in `npm run lint`; this also covers the tests, benches and scripts, and proves the rule
 * still catches an import.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const SCANNED = ['src', 'adapters', 'migrations', 'bin', 'test', 'bench', 'manifest'];
const TEAMS_SDK = /^(@microsoft\/teams[-.]|@microsoft\/agents-|botbuilder|botframework-)/;
// Static (`import type … from`, `export … from`, bare `import '…'`), dynamic `import('…')` and `require('…')`.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(c|m)?(t|j)s$/.test(entry.name) ? [full] : [];
  });
}

function teamsSdkImports(source: string): string[] {
  return [...source.matchAll(SPECIFIER)].map((m) => m[1] ?? '').filter((s) => TEAMS_SDK.test(s));
}

describe('Teams SDK boundary', () => {
  it('finds the imports it looks for (so an empty result below means something)', () => {
    const sample = ["import type { TurnContext } from 'botbuilder';", "const { Application } = await import('@microsoft/teams-ai');", "import { App } from '@microsoft/teams.apps';", "export { x } from 'botframework-connector';", "import { z } from 'zod';"].join('\n');
    expect(teamsSdkImports(sample)).toEqual(['botbuilder', '@microsoft/teams-ai', '@microsoft/teams.apps', 'botframework-connector']);
    // The manifest tooling is not the bot SDK.
    expect(teamsSdkImports("import { AppManifestUtils } from '@microsoft/app-manifest';")).toEqual([]);
  });

  it('no file outside adapters/teams/ imports teams-ai, botbuilder, botframework or the Teams SDK', () => {
    const teamsDir = path.join(ROOT, 'adapters', 'teams') + path.sep;
    const offenders = SCANNED.flatMap((dir) => sourceFiles(path.join(ROOT, dir)))
      .filter((file) => !file.startsWith(teamsDir) && file !== import.meta.filename)
      .flatMap((file) => teamsSdkImports(readFileSync(file, 'utf8')).map((spec) => `${path.relative(ROOT, file)}: ${spec}`));
    expect(offenders).toEqual([]);
  });

  it('adapters/teams/ does import them (the scan sees real imports)', () => {
    const found = sourceFiles(path.join(ROOT, 'adapters', 'teams')).flatMap((file) => teamsSdkImports(readFileSync(file, 'utf8')));
    expect(found).toEqual(expect.arrayContaining(['@microsoft/teams-ai', 'botbuilder']));
  });
});
