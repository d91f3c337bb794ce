import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort, startServe } from '../../test/support/serve-process.ts';
import { SERVE_NODE_ARGS } from './processes.ts';

const PROBE = fileURLToPath(new URL('./memory-probe.ts', import.meta.url));
/** PGlite's WebAssembly.Memory starts at 2,048 pages of 64 KiB (its declared minimum): no other anonymous mapping is that large. */
const WASM_MIN_BYTES = 128 * 2 ** 20;

export interface ServeMemory {
  /** Spawn until /healthz answers (ms). */
  readonly startMs: number;
  /** MiB, from /proc/<pid>/status. */
  readonly rss: number;
  readonly mainHeap: number;
  readonly workerHeap: number;
  /** PGlite's WebAssembly.Memory: its size, and how much of it is resident (MiB; 0 on PostgreSQL). */
  readonly wasmSize: number;
  readonly wasmResident: number;
}

interface ProbeLine {
  readonly main: { readonly heapTotal: number };
  readonly workers: readonly { readonly heapTotal: number }[];
}

const mib = (bytes: number) => bytes / 2 ** 20;

/** `recert serve` (Teams in dev mode, the scheduler on) with `env`, left idle for `idleMs` after it answers, then measured and stopped. */
export async function measureServe(env: Record<string, string>, idleMs: number): Promise<ServeMemory> {
  const port = await freePort();
  const started = performance.now();
  const serve = await startServe({ RECERT_TEAMS_DEV: '1', LOG_LEVEL: 'warn', ...env }, port, [...SERVE_NODE_ARGS, '--import', PROBE]);
  const startMs = performance.now() - started;
  try {
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    const pid = serve.child.pid ?? 0;
    const probe = await askProbe(serve, pid);
    const wasm = wasmMapping(pid);
    return {
      startMs,
      rss: Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
      mainHeap: mib(probe.main.heapTotal),
      workerHeap: mib(probe.workers.reduce((sum, w) => sum + w.heapTotal, 0)),
      wasmSize: wasm.size,
      wasmResident: wasm.resident,
    };
  } finally {
    await serve.stop();
  }
}

async function askProbe(serve: Awaited<ReturnType<typeof startServe>>, pid: number): Promise<ProbeLine> {
  const before = serve.output().length;
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 100; i += 1) {
    const line = /MEMORY-PROBE (.*)\n/.exec(serve.output().slice(before))?.[1];
    if (line) return JSON.parse(line) as ProbeLine;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no answer from the memory probe:\n${serve.output()}`);
}

/** The largest anonymous read-write mapping of at least WASM_MIN_BYTES: PGlite's WebAssembly memory (MiB). */
function wasmMapping(pid: number): { size: number; resident: number } {
  let best = { size: 0, resident: 0 };
  let current: { size: number; resident: number } | null = null;
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const range = /^([0-9a-f]+)-([0-9a-f]+) rw-p 0+ 00:00 0\s*$/.exec(line);
    if (range) {
      const size = parseInt(range[2] ?? '0', 16) - parseInt(range[1] ?? '0', 16);
      current = size >= WASM_MIN_BYTES ? { size: mib(size), resident: 0 } : null;
      continue;
    }
    if (/^[0-9a-f]+-[0-9a-f]+ /.test(line)) current = null;
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss && current) {
      current.resident = Number(rss[1]) / 1024;
      if (current.size > best.size) best = current;
    }
  }
  return best;
}
