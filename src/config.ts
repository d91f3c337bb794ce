import { z } from 'zod';
import { parseKeySpec } from './secrets/key-spec.ts';
import type { EncryptionKey } from './secrets/secret-box.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Config {
  readonly databaseUrl: string | null;
  readonly dataDir: string;
  readonly logLevel: LogLevel;
  readonly port: number;
  /** IANA zone for the local (terminal) organisation. */
  readonly timeZone: string;
  /** Who is speaking in the terminal chat at start. */
  readonly shellUser: string;
  /**
   * RECERT_ENCRYPTION_KEY: the first key encrypts stored tokens, all of them decrypt (rotation).
   * Null when unset: the embedded database then uses a key file in its data directory.
   */
  readonly encryptionKeys: readonly EncryptionKey[] | null;
  /** RECERT_EXPORT_DIR: where the terminal and `recert export` write paperwork (relative to the working directory). */
  readonly exportDir: string;
}

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Configuration problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const optional = z
  .string()
  .transform((v) => v.trim())
  .optional()
  .transform((v) => (v ? v : null));

const schema = z.object({
  DATABASE_URL: optional.refine((v) => v === null || /^postgres(ql)?:\/\//.test(v), 'DATABASE_URL must start with postgres:// or postgresql://'),
  RECERT_DATA_DIR: optional,
  RECERT_EXPORT_DIR: optional,
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() ? v.trim().toLowerCase() : undefined),
    z.enum(['debug', 'info', 'warn', 'error'], { errorMap: () => ({ message: 'LOG_LEVEL must be debug, info, warn or error' }) }).optional(),
  ),
  PORT: optional.refine((v) => v === null || (/^\d{1,5}$/.test(v) && Number(v) > 0 && Number(v) < 65536), 'PORT must be a port number (1-65535)'),
  RECERT_TIME_ZONE: optional,
  RECERT_USER: optional,
  RECERT_ENCRYPTION_KEY: optional.transform((v, ctx) => {
    if (v === null) return null;
    const { keys, problems } = parseKeySpec(v, 'RECERT_ENCRYPTION_KEY');
    for (const message of problems) ctx.addIssue({ code: z.ZodIssueCode.custom, message });
    return keys;
  }),
});

export interface ConfigDefaults {
  readonly timeZone: string;
  readonly userName: string;
  readonly isValidZone: (zone: string) => boolean;
}

/** Read the configuration once, from the environment the composition root passes in. */
export function parseConfig(env: Readonly<Record<string, string | undefined>>, defaults: ConfigDefaults): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => i.message));
  const e = parsed.data;
  const timeZone = e.RECERT_TIME_ZONE ?? defaults.timeZone;
  if (!defaults.isValidZone(timeZone)) throw new ConfigError([`RECERT_TIME_ZONE "${timeZone}" is not an IANA time zone (e.g. America/New_York)`]);
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: e.RECERT_DATA_DIR ?? './.recert',
    logLevel: e.LOG_LEVEL ?? 'info',
    port: e.PORT ? Number(e.PORT) : 3000,
    timeZone,
    shellUser: e.RECERT_USER ?? defaults.userName,
    encryptionKeys: e.RECERT_ENCRYPTION_KEY,
    exportDir: e.RECERT_EXPORT_DIR ?? './recert-exports',
  };
}
