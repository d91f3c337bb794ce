import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { schemaProblems } from './schema.ts';

/** A Teams app package that cannot be built, with every reason (one line each). */
export class AppPackageError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Cannot build the Teams app package:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'AppPackageError';
    this.problems = problems;
  }
}

/** What each `${{NAME}}` placeholder in manifest.json must look like, and what it is. */
const PLACEHOLDERS: Readonly<Record<string, { readonly pattern: RegExp; readonly what: string }>> = {
  MicrosoftAppId: { pattern: /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i, what: "the bot's Microsoft App ID, a GUID like 00000000-0000-0000-0000-000000000000 (Azure Bot → Configuration)" },
  RECERT_TEAMS_DOMAIN: { pattern: /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, what: 'the public host name Recert is served at, without https:// (like recert.example.org)' },
};

const PLACEHOLDER = /\$\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/g;

/**
 * manifest.json with its `${{NAME}}` placeholders filled in from the environment, parsed and
 * checked against the bundled official schema. Throws AppPackageError naming every missing or
 * malformed setting (nothing is half-filled).
 */
export function fillManifest(template: string, env: Readonly<Record<string, string | undefined>>): Record<string, unknown> {
  const problems: string[] = [];
  const names = new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''));
  for (const name of names) {
    const rule = PLACEHOLDERS[name];
    const value = env[name]?.trim();
    if (!rule) problems.push(`manifest.json uses \${{${name}}}, which the packaging script does not know`);
    else if (!value) problems.push(`${name} is not set: it is ${rule.what}`);
    else if (!rule.pattern.test(value)) problems.push(`${name} "${value}" is not ${rule.what}`);
  }
  if (problems.length) throw new AppPackageError(problems);
  // JSON-escaped, so a value can never break out of its string (the patterns allow no quote anyway).
  const filled = template.replace(PLACEHOLDER, (_, name: string) => JSON.stringify(env[name]?.trim() ?? '').slice(1, -1));
  const manifest: unknown = JSON.parse(filled);
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) throw new AppPackageError(['manifest.json is not a JSON object']);
  const invalid = schemaProblems(manifest);
  if (invalid.length) throw new AppPackageError(invalid.map((p) => `manifest.json does not match the Teams schema: ${p}`));
  return manifest as Record<string, unknown>;
}

/** The app package Teams uploads: manifest.json and the two icons at the root of a zip. */
export function appPackage(manifest: Readonly<Record<string, unknown>>, icons: { readonly color: Uint8Array; readonly outline: Uint8Array }): Uint8Array {
  return zipSync({
    'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
    'color.png': icons.color,
    'outline.png': icons.outline,
  });
}

/** The package built from the files in manifest/teams/ (`dir`), for the given environment. */
export function appPackageFrom(dir: URL, env: Readonly<Record<string, string | undefined>>): Uint8Array {
  const manifest = fillManifest(readFileSync(new URL('manifest.json', dir), 'utf8'), env);
  return appPackage(manifest, { color: readFileSync(new URL('color.png', dir)), outline: readFileSync(new URL('outline.png', dir)) });
}
