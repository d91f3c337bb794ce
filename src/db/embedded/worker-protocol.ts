/** Messages between embedded.ts (main thread) and worker-main.ts (the database thread). */
export interface WorkerSettings {
  /** Where PGlite keeps its files; null in memory. */
  readonly dataDir: string | null;
  /** A data-directory tarball (`dumpDataDir`) to start from instead, in memory (tests). */
  readonly snapshot: string | null;
  readonly maxConnections: number;
  readonly idleInTransactionMs: number;
  /** PGlite's initial WebAssembly memory (bytes); null for its default. */
  readonly initialMemoryBytes: number | null;
  /** Only create the database in the (empty) data directory, close it and say 'initialised'. */
  readonly initialiseOnly: boolean;
}

export type ToWorker = { readonly type: 'stop' };

export type FromWorker =
  | { readonly type: 'ready'; readonly host: string; readonly port: number }
  | { readonly type: 'initialised' }
  | { readonly type: 'failed'; readonly message: string; readonly code: string | null }
  | { readonly type: 'event'; readonly event: string; readonly fields: Record<string, unknown> }
  | { readonly type: 'stopped'; readonly error?: string };
