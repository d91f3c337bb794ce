import { PGlite } from '@electric-sql/pglite';

/**
 * PostgreSQL settings for the embedded database, on top of PGlite's own start parameters.
 *
 * shared_buffers: PGlite starts PostgreSQL with its default of 128 MB, and PostgreSQL touches the
 * whole pool while setting up shared memory, so it is all resident in the WebAssembly heap from the
 * start (151 of the heap's 189 MiB at idle). 16 MB (2,048 pages of 8 kB) holds a Recert database's
 * hot pages; a page that does not fit is read back from the data directory's files through the
 * operating system's page cache. wal_buffers follows (its default is 1/32 of shared_buffers).
 * Measured with `npm run bench:memory`; see docs/benchmarks.md ("Start-up").
 *
 * Durability is PGlite's as before: no relaxedDurability, so a commit's WAL is written to the data
 * directory's files before its reply is sent (to the operating system: PGlite does not fsync; see
 * docs/benchmarks.md, "Idle memory of the embedded database").
 */
export const EMBEDDED_SHARED_BUFFERS = '16MB';

export function embeddedStartParams(): string[] {
  return [...PGlite.defaultStartParams, '-c', `shared_buffers=${EMBEDDED_SHARED_BUFFERS}`];
}
