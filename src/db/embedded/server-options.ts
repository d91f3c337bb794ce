export interface SocketServerOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly maxConnections: number;
  /**
   * A connection holding the backend inside a transaction that sends nothing for this long (ms) is
   * ended and its transaction rolled back, as PostgreSQL's idle_in_transaction_session_timeout does:
   * otherwise a client that forgot its transaction would stop every other connection.
   */
  readonly idleInTransactionMs: number;
  readonly onEvent?: (event: string, fields: Record<string, unknown>) => void;
}
