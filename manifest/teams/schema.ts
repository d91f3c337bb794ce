import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

/**
 * Teams manifests are checked offline against Microsoft's own JSON schema, the copy bundled in
 * @microsoft/app-manifest (v1.0–v1.30 except 1.18): never fetched from developer.microsoft.com.
 * The schemas are draft-04, hence ajv-draft-04; formats as Microsoft's own validator sets them.
 */
export function bundledSchemaPath(manifestVersion: string): string {
  if (!/^1\.\d{1,2}$/.test(manifestVersion)) throw new Error(`manifestVersion "${manifestVersion}" is not a Teams schema version (like 1.30)`);
  const require = createRequire(import.meta.url);
  try {
    return require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`);
  } catch {
    throw new Error(`@microsoft/app-manifest bundles no schema for manifestVersion ${manifestVersion}: pick a bundled one (1.0–1.30, not 1.18)`);
  }
}

/** The manifest's schema problems ("/name must have required property 'short'"), none when it is valid. */
export function schemaProblems(manifest: unknown): string[] {
  const version = isRecord(manifest) && typeof manifest.manifestVersion === 'string' ? manifest.manifestVersion : '';
  if (!version) return ['manifestVersion is missing'];
  const validate = validatorFor(version);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params && 'allowedValues' in e.params ? ` (${String(e.params.allowedValues)})` : ''}`);
}

/** Compiling a 127 kB schema takes ~0.5 s: once per version and process. */
const compiled = new Map<string, ValidateFunction>();

function validatorFor(version: string): ValidateFunction {
  const known = compiled.get(version);
  if (known) return known;
  const schema: unknown = JSON.parse(readFileSync(bundledSchemaPath(version), 'utf8'));
  if (!isRecord(schema)) throw new Error(`the bundled schema for ${version} is not a JSON object`);
  const ajv = new Ajv04.default({ allErrors: true, strictTypes: false, strict: false });
  addFormats.default(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  compiled.set(version, validate);
  return validate;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
