import { z } from 'zod';
import { ConfigError } from '../../src/index.ts';

export type TeamsAppType = 'SingleTenant' | 'UserAssignedMSI' | 'MultiTenant';

/** Teams' platform settings: the adapter's own, parsed from the environment the command line passes in. */
export type TeamsConfig =
  | {
      readonly mode: 'authenticated';
      readonly appId: string;
      /** Null for a user-assigned managed identity (it has no secret). */
      readonly appPassword: string | null;
      readonly appType: TeamsAppType;
      /** Null only for a (legacy) multi-tenant bot. */
      readonly tenantId: string | null;
    }
  /** RECERT_TEAMS_DEV=1: no credentials, so botbuilder checks no token; allowed on loopback only. */
  | { readonly mode: 'dev' };

const optional = z
  .string()
  .transform((v) => v.trim())
  .optional()
  .transform((v) => (v ? v : null));

const APP_TYPES: Readonly<Record<string, TeamsAppType>> = { singletenant: 'SingleTenant', userassignedmsi: 'UserAssignedMSI', multitenant: 'MultiTenant' };

const schema = z.object({
  MicrosoftAppId: optional,
  MicrosoftAppPassword: optional,
  MicrosoftAppType: optional.transform((v, ctx) => {
    if (v === null) return null;
    const type = APP_TYPES[v.toLowerCase()];
    if (!type) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'MicrosoftAppType must be SingleTenant, UserAssignedMSI or MultiTenant' });
    return type ?? null;
  }),
  MicrosoftAppTenantId: optional,
  RECERT_TEAMS_DEV: optional.refine((v) => v === null || v === '1' || v === '0', 'RECERT_TEAMS_DEV must be 1 (or unset)'),
});

/**
 * Teams' settings, or null when Teams is not configured. SingleTenant needs the tenant and the
 * password; UserAssignedMSI the tenant and no password; MultiTenant (no new bots since July 2025)
 * the password. Dev mode (no credentials at all) is refused here when credentials are also given.
 */
export function parseTeamsConfig(env: Readonly<Record<string, string | undefined>>): TeamsConfig | null {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => i.message));
  const e = parsed.data;
  const dev = e.RECERT_TEAMS_DEV === '1';
  const any = [e.MicrosoftAppId, e.MicrosoftAppPassword, e.MicrosoftAppType, e.MicrosoftAppTenantId].some((v) => v !== null);
  if (!any) return dev ? { mode: 'dev' } : null;
  if (dev) throw new ConfigError(['RECERT_TEAMS_DEV=1 runs Teams without credentials: unset it, or unset the Microsoft* variables']);
  const problems: string[] = [];
  if (!e.MicrosoftAppId) problems.push('Teams needs MicrosoftAppId (the bot\'s Microsoft App ID)');
  if (!e.MicrosoftAppType) problems.push('Teams needs MicrosoftAppType (SingleTenant, UserAssignedMSI or MultiTenant)');
  const type = e.MicrosoftAppType;
  if ((type === 'SingleTenant' || type === 'UserAssignedMSI') && !e.MicrosoftAppTenantId) problems.push(`MicrosoftAppType ${type} needs MicrosoftAppTenantId (the Entra tenant the bot is registered in)`);
  if ((type === 'SingleTenant' || type === 'MultiTenant') && !e.MicrosoftAppPassword) problems.push(`MicrosoftAppType ${type} needs MicrosoftAppPassword (the bot's client secret)`);
  if (type === 'UserAssignedMSI' && e.MicrosoftAppPassword) problems.push('MicrosoftAppType UserAssignedMSI takes no MicrosoftAppPassword (a managed identity has no secret): unset it');
  if (problems.length || !e.MicrosoftAppId || !type) throw new ConfigError(problems);
  return { mode: 'authenticated', appId: e.MicrosoftAppId, appPassword: e.MicrosoftAppPassword, appType: type, tenantId: e.MicrosoftAppTenantId };
}

/** The settings botbuilder reads (its ConfigurationBotFrameworkAuthentication), for inbound and outbound calls alike. */
export function botFrameworkSettings(config: TeamsConfig): Record<string, string> {
  if (config.mode === 'dev') return {};
  return {
    MicrosoftAppId: config.appId,
    MicrosoftAppType: config.appType,
    ...(config.appPassword ? { MicrosoftAppPassword: config.appPassword } : {}),
    ...(config.tenantId ? { MicrosoftAppTenantId: config.tenantId } : {}),
  };
}

export function teamsSecrets(config: TeamsConfig | null): string[] {
  return config?.mode === 'authenticated' && config.appPassword ? [config.appPassword] : [];
}

/** Dev mode accepts any request: only a loopback listener may run it. */
export function isLoopback(host: string | undefined): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost';
}
