/** @module Wraps a Kysely dialect so every driver error passes through one engine-specific mapper. */
import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  Driver,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from "kysely";

/** Turns a driver error into `UniqueViolationError`/`StoreUnavailableError`, or returns it unchanged. */
export type ErrorMapper = (error: unknown) => unknown;

/**
 * The same dialect, but errors from connecting, querying and transaction control are mapped.
 * Doing it at the driver keeps the operations free of try/catch and also covers BEGIN/COMMIT and pool checkout.
 */
export function withErrorMapping(dialect: Dialect, mapError: ErrorMapper): Dialect {
  return {
    createDriver: () => new ErrorMappingDriver(dialect.createDriver(), mapError),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  };
}

class MappedConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly mapError: ErrorMapper,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return await this.inner.executeQuery<R>(query);
    } catch (error) {
      throw this.mapError(error);
    }
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    try {
      yield* this.inner.streamQuery<R>(query, chunkSize);
    } catch (error) {
      throw this.mapError(error);
    }
  }
}

type CompileQuery = QueryCompiler["compileQuery"];

class ErrorMappingDriver implements Driver {
  // One wrapper per underlying connection, so pooled connections are not re-wrapped on every checkout.
  readonly #wrapped = new WeakMap<DatabaseConnection, MappedConnection>();

  constructor(
    private readonly inner: Driver,
    private readonly mapError: ErrorMapper,
  ) {}

  async #guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw this.mapError(error);
    }
  }

  init(): Promise<void> {
    return this.#guard(() => this.inner.init());
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.#guard(() => this.inner.acquireConnection());
    let mapped = this.#wrapped.get(connection);
    if (mapped === undefined) {
      mapped = new MappedConnection(connection, this.mapError);
      this.#wrapped.set(connection, mapped);
    }
    return mapped;
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.#guard(() => this.inner.beginTransaction(unwrap(connection), settings));
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#guard(() => this.inner.commitTransaction(unwrap(connection)));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    // Kysely rolls back when the transaction's work failed, and a failed ROLLBACK would replace that error with
    // its own: SQLite ends the transaction itself on SQLITE_FULL or SQLITE_IOERR ("cannot rollback - no transaction
    // is active"), and a cut PostgreSQL connection fails the ROLLBACK too. The first error is the one that says what
    // went wrong. Nothing is left open: PostgreSQL's driver discards the connection whose ROLLBACK failed, and
    // the SQLite driver's next BEGIN ends a transaction it finds still open.
    try {
      await this.inner.rollbackTransaction(unwrap(connection));
    } catch {}
  }

  savepoint(connection: DatabaseConnection, name: string, compile: CompileQuery): Promise<void> {
    return this.#guard(async () => this.inner.savepoint?.(unwrap(connection), name, compile));
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: CompileQuery): Promise<void> {
    return this.#guard(async () => this.inner.rollbackToSavepoint?.(unwrap(connection), name, compile));
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compile: CompileQuery): Promise<void> {
    return this.#guard(async () => this.inner.releaseSavepoint?.(unwrap(connection), name, compile));
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(unwrap(connection));
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

function unwrap(connection: DatabaseConnection): DatabaseConnection {
  return connection instanceof MappedConnection ? connection.inner : connection;
}
