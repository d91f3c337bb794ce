import type { ColumnType } from 'kysely';

/**
 * Column types shared by the table shapes (schema*.ts). Calendar dates (`date`) come back as `yyyy-MM-dd` strings
 * (see connection.ts), instants (`timestamptz`) as Date, `numeric` as string, `bigint` as string.
 */
export type Instant = ColumnType<Date, Date | string, Date | string>;
export type Numeric = ColumnType<string, string | number, string | number>;
export type Json<T> = ColumnType<T, string, string>;
export type BigId = ColumnType<string, never, never>;
