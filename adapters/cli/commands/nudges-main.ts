import type { Config } from '../../../src/index.ts';
import { outboundPorts } from '../outbound-ports.ts';
import type { PlatformSettings } from '../platforms.ts';
import { makeLogger, withRuntime } from '../runtime.ts';
import { NUDGES_USAGE, nudgesCommand, parseNudgesArgs, type NudgesIo } from './nudges.ts';

const stdio: NudgesIo = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };

/** `recert nudges …`: arguments checked first, then the database opened; Slack posts when Slack is configured. */
export async function nudgesMain(args: readonly string[], config: Config, platforms: PlatformSettings, io: NudgesIo = stdio): Promise<number> {
  const parsed = parseNudgesArgs(args);
  if (typeof parsed === 'string') return (io.err(`${parsed}\n\n${NUDGES_USAGE}`), 2);
  return withRuntime(config, makeLogger(config, true), async (runtime) => nudgesCommand(runtime.deps, parsed, io, await outboundPorts(runtime, platforms)));
}
