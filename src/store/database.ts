/**
 * The one seam between Threadline and PostgreSQL: the embedded PGlite by default, a
 * PostgreSQL server when DATABASE_URL is set. Same SQL, same migrations.
 */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * The first column of each row a SELECT (with no parameters) returns, as bytes: for
   * reading large bytea values without hex text on the way (the server's binary COPY).
   * Absent where plain queries already return bytes (PGlite).
   */
  readBytes?(select: string): Promise<Uint8Array[]>;
  /** Runs `work` in one transaction: all of it is stored, or none. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface Transaction extends Queryable {
  /** Bulk-loads rows already in COPY text format (tab-separated, escaped). */
  copyIn(table: string, columns: readonly string[], text: string): Promise<void>;
  /**
   * Starts a bulk load that rows can be written to as they are prepared, so that the
   * server loads them while the caller works. If the transaction's work fails before
   * `end`, the load is abandoned and nothing of it is stored.
   */
  copyFrom(table: string, columns: readonly string[]): CopyWriter;
}

export interface CopyWriter {
  /** Adds rows in COPY text format; never waits. */
  write(text: string): void;
  /** Finishes the load; resolves when the server has stored every row. */
  end(): Promise<void>;
}
