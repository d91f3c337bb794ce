import { parseSlackConfig, slackSecrets, type SlackConfig } from '../slack/config.ts';
import { parseTeamsConfig, teamsSecrets, type TeamsConfig } from '../teams/config.ts';
import { parseSchedulerSettings, type SchedulerSettings } from './scheduler-settings.ts';

/**
 * Each platform's own settings, parsed by its adapter's schema from the same environment as the
 * core's Config (only the schemas are loaded here, never an SDK: see serve.ts).
 */
export interface PlatformSettings {
  readonly slack: SlackConfig | null;
  readonly teams: TeamsConfig | null;
  /** The jobs `serve` runs beside the platforms (reminders, digests, housekeeping). */
  readonly scheduler: SchedulerSettings;
}

export function parsePlatforms(env: Readonly<Record<string, string | undefined>>): PlatformSettings {
  return { slack: parseSlackConfig(env), teams: parseTeamsConfig(env), scheduler: parseSchedulerSettings(env) };
}

export function anyPlatform(platforms: PlatformSettings): boolean {
  return platforms.slack !== null || platforms.teams !== null;
}

/** Every platform secret, so no log line can carry one verbatim. */
export function platformSecrets(platforms: PlatformSettings | null): string[] {
  return platforms ? [...slackSecrets(platforms.slack), ...teamsSecrets(platforms.teams)] : [];
}
