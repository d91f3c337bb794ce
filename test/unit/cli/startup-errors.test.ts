import { describe, expect, it } from 'vitest';
import { describeFailure, type StartupSettings } from '../../../adapters/cli/startup-errors.ts';
import { SlackStartError } from '../../../adapters/slack/start-error.ts';
import { ConfigError } from '../../../src/config.ts';
import { DataDirUnusableError } from '../../../src/db/data-dir-check.ts';
import { DataDirInUseError } from '../../../src/db/data-dir-lock.ts';
import { MigrationFailedError } from '../../../src/db/migrate.ts';
import { DatabaseHungUpError, DatabaseTimeoutError } from '../../../src/db/probe.ts';

const POSTGRES: StartupSettings = { databaseUrl: 'postgres://scribe:s3cret-pw@db.example.org:6543/recert', dataDir: './.recert', port: 3000 };
const EMBEDDED: StartupSettings = { databaseUrl: null, dataDir: './.recert', port: 3000 };

/** What pg and Node throw: an Error with the errno name or SQLSTATE on `code` (and the syscall for socket errors). */
function coded(code: string, message: string, syscall?: string): Error {
  return Object.assign(new Error(message), { code, ...(syscall ? { syscall } : {}) });
}

/** As the migrator reports a connection that failed during its first query. */
function duringMigration(error: Error): MigrationFailedError {
  return new MigrationFailedError('(setup)', error);
}

const line = (error: unknown, settings: StartupSettings | null = POSTGRES) => describeFailure(error, settings).line;

describe('start-up failures, one line each', () => {
  it('names DATABASE_URL, host and port for a server that is down, unknown or silent', () => {
    expect(line(coded('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.1:6543', 'connect'))).toBe(
      'DATABASE_URL: nothing is listening at db.example.org:6543 (connection refused); is PostgreSQL running there?',
    );
    expect(line(duringMigration(coded('ENOTFOUND', 'getaddrinfo ENOTFOUND db.example.org', 'getaddrinfo')))).toBe(
      'DATABASE_URL: the host "db.example.org" cannot be found (ENOTFOUND); check the host name and the network.',
    );
    expect(line(coded('EHOSTUNREACH', 'connect EHOSTUNREACH', 'connect'))).toBe('DATABASE_URL: db.example.org:6543 cannot be reached (EHOSTUNREACH); check the address and the network.');
    expect(line(new DatabaseTimeoutError(10, new Error('timeout expired')))).toBe(
      'DATABASE_URL: no answer from db.example.org:6543 within 10 s; check the host and port, and that no firewall is in the way.',
    );
  });

  it('names the database, the user or the password the server refused (SQLSTATE 3D000, 28000, 28P01)', () => {
    expect(line(duringMigration(coded('3D000', 'database "recert" does not exist')))).toBe(
      'DATABASE_URL: there is no database "recert" at db.example.org:6543; create it (createdb recert) or correct the name.',
    );
    expect(line(coded('28000', 'no pg_hba.conf entry for host "10.1.1.1", user "scribe", database "recert", no encryption'))).toBe(
      'DATABASE_URL: db.example.org:6543 does not let user "scribe" in: no pg_hba.conf entry for host "10.1.1.1", user "scribe", database "recert", no encryption.',
    );
    expect(line(coded('28P01', 'password authentication failed for user "scribe"'))).toBe('DATABASE_URL: wrong password for user "scribe" at db.example.org:6543.');
    expect(line(coded('53300', 'sorry, too many clients already'))).toBe('DATABASE_URL: db.example.org:6543 refused the connection: sorry, too many clients already (53300).');
    expect(line(coded('57P03', 'the database system is starting up'))).toContain('refused the connection: the database system is starting up (57P03)');
  });

  it('never shows the password, and fills in PostgreSQL defaults for what the URL leaves out', () => {
    for (const code of ['ECONNREFUSED', '3D000', '28000', '28P01']) expect(line(coded(code, 'x'))).not.toContain('s3cret-pw');
    const bare: StartupSettings = { ...POSTGRES, databaseUrl: 'postgresql://localhost' };
    expect(line(coded('3D000', 'database "postgres" does not exist'), bare)).toBe(
      'DATABASE_URL: there is no database "postgres" at localhost:5432; create it (createdb postgres) or correct the name.',
    );
  });

  it('names RECERT_DATA_DIR, with the reason, for a folder the embedded database cannot use', () => {
    const unusable = (code: string) => line(new DataDirUnusableError('/srv/recert', code, coded(code, code)), EMBEDDED);
    expect(unusable('EACCES')).toBe(
      'RECERT_DATA_DIR: the embedded database cannot keep its files in "/srv/recert": permission denied (EACCES). Set RECERT_DATA_DIR to a folder you can write to, or DATABASE_URL to a PostgreSQL server.',
    );
    expect(unusable('EROFS')).toContain('the file system is read-only (EROFS)');
    expect(unusable('ENOTDIR')).toContain('part of the path is a file, not a folder (ENOTDIR)');
    expect(unusable('ENOENT')).toContain('the folder cannot be created there (ENOENT)');
    expect(unusable('EWHATEVER')).toContain('it cannot be written (EWHATEVER)');
  });

  it('names PORT when the HTTP server cannot listen', () => {
    expect(line(coded('EADDRINUSE', 'listen EADDRINUSE: address already in use :::3000', 'listen'), EMBEDDED)).toBe(
      'PORT: port 3000 is already in use by another program; stop it, or set PORT to a free port.',
    );
    expect(line(coded('EACCES', 'listen EACCES: permission denied 0.0.0.0:80', 'listen'), { ...EMBEDDED, port: 80 })).toBe('PORT: this user may not listen on port 80; set PORT to a port above 1023.');
  });

  it('passes on the sentences the configuration, the data directory lock and the Slack adapter already give', () => {
    expect(line(new ConfigError(['LOG_LEVEL must be debug, info, warn or error']), null)).toBe('Configuration problems:\n  - LOG_LEVEL must be debug, info, warn or error');
    expect(line(new DataDirInUseError('./.recert', 4242), EMBEDDED)).toBe('another Recert process (pid 4242) is using ./.recert; stop it first or set RECERT_DATA_DIR to another folder');
    expect(line(new SlackStartError('Slack refused SLACK_BOT_TOKEN (invalid_auth). Check the token, or reinstall the app in the workspace.'))).toContain('Slack refused SLACK_BOT_TOKEN');
  });

  it('keeps a genuine migration failure apart from a connection failure', () => {
    const report = describeFailure(new MigrationFailedError('20261127T120000Z-create-core-tables', coded('42P07', 'relation "people" already exists')), POSTGRES);
    expect(report).toEqual({ line: 'Recert could not bring the database schema up to date: migration 20261127T120000Z-create-core-tables failed: relation "people" already exists', known: true });
  });

  it('does not blame DATABASE_URL when there is none, and marks an unforeseen error as such', () => {
    expect(describeFailure(coded('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:41234', 'connect'), EMBEDDED)).toEqual({
      line: 'Recert stopped: connect ECONNREFUSED 127.0.0.1:41234 (LOG_LEVEL=debug shows the details)',
      known: false,
    });
    expect(describeFailure(new TypeError('x is not a function'), POSTGRES)).toEqual({ line: 'Recert stopped: x is not a function (LOG_LEVEL=debug shows the details)', known: false });
  });

  it('names DATABASE_URL for an address that hangs up before answering as PostgreSQL', () => {
    expect(line(new DatabaseHungUpError(new Error('Connection terminated unexpectedly')))).toBe(
      "DATABASE_URL: db.example.org:6543 the server closed the connection before answering as PostgreSQL (Connection terminated unexpectedly); check that the host and port are a PostgreSQL server's.",
    );
  });

  it('says what a thrown non-Error is, never "[object Object]"', () => {
    expect(line({ message: 'worker gave up' }, EMBEDDED)).toBe('Recert stopped: worker gave up (LOG_LEVEL=debug shows the details)');
    expect(line({ status: 1, name: 'ExitStatus' }, EMBEDDED)).toBe('Recert stopped: {"status":1,"name":"ExitStatus"} (LOG_LEVEL=debug shows the details)');
  });
});
