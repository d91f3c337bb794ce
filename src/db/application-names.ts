/**
 * The application_name of the acknowledgement pool's connections: the embedded server serves them
 * before the others (src/db/embedded/backend-lock.ts); on PostgreSQL it names them in pg_stat_activity.
 * Its own module: the embedded database's thread reads it without loading pg or kysely.
 */
export const ACK_APPLICATION_NAME = 'recert-ack';
