import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { AppPackageError, appPackageFrom } from './app-package.ts';

/**
 * `npm run package:teams`: build the Teams app package (upload it in Teams → Apps → Manage your
 * apps → Upload an app, or in the Teams admin center) from manifest/teams/, with MicrosoftAppId and
 * RECERT_TEAMS_DOMAIN from the environment or `.env` (real variables win, as for `recert serve`).
 * Writes .tmp/recert-teams.zip, or RECERT_TEAMS_PACKAGE when set.
 */
const env = { ...(existsSync('.env') ? parseDotenv(readFileSync('.env')) : {}), ...process.env };
const out = env.RECERT_TEAMS_PACKAGE?.trim() || '.tmp/recert-teams.zip';
try {
  const zip = appPackageFrom(new URL('./', import.meta.url), env);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  console.log(`Teams app package: ${out} (${zip.length} bytes; manifest.json, color.png, outline.png), app id ${env.MicrosoftAppId?.trim()}`);
} catch (error) {
  if (!(error instanceof AppPackageError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
