/** @module A pg Pool that survives cut connections and frozen servers: every client heard, timeouts set, broken clients discarded. */
import type { PostgresPool, PostgresPoolClient } from "kysely";
import pg from "pg";

/** What `createResilientPool` needs beyond pg's own options. */
export interface ResilientPoolOptions {
  connectionString: string;
  max: number;
  /** Longest a statement may run or wait for a lock (server side), and the base of the client-side limit. */
  statementTimeoutMs: number;
  /** Schema set as `search_path` at connect time, when given. */
  schema?: string;
  /** Shown in `pg_stat_activity`, so an operator sees which connections are ours. */
  applicationName: string;
}

// 5 s: a request waits at most this long for a connection, then fails as unavailable (503) instead of hanging.
const CONNECT_TIMEOUT_MS = 5000;
// The client gives up this long after the server should have: the server's own timeout (a clean 57014 that leaves
// the connection usable) normally wins, and the client's fires only when the server cannot answer at all.
const CLIENT_GRACE_MS = 1000;

/** The pool Kysely takes, and one query on a pooled connection for statements sent past Kysely (named ones). */
export interface ResilientPool extends PostgresPool {
  run(query: pg.QueryConfig): Promise<pg.QueryResult>;
}

/**
 * A pool for Kysely's PostgresDialect. Three faults it turns into errors instead of a crash or a hang:
 * - a connection cut while a client is checked out: pg-pool removes its own `'error'` listener for that time,
 *   so an unheard `'error'` event would kill the process; every client gets a listener for its whole life;
 * - a statement that runs or waits too long: `statement_timeout` on the server, `query_timeout` on the client for a
 *   server that does not answer at all (stopped, partitioned), `idle_in_transaction_session_timeout` so a
 *   transaction whose client vanished does not hold its locks;
 * - a client that timed out on its side still has the statement running: it is never reused, and later queries
 *   on it (Kysely's ROLLBACK) fail at once instead of queueing behind it.
 */
export function createResilientPool(options: ResilientPoolOptions): ResilientPool {
  const { connectionString, max, statementTimeoutMs, schema, applicationName } = options;
  // Startup parameters rather than a SET per connection: no extra round trip.
  const settings = [
    `-c statement_timeout=${statementTimeoutMs}`,
    `-c idle_in_transaction_session_timeout=${statementTimeoutMs * 2}`,
    ...(schema !== undefined ? [`-c search_path=${schema}`] : []),
  ];
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: statementTimeoutMs + CLIENT_GRACE_MS,
    application_name: applicationName,
    options: settings.join(" "),
  });
  // An idle client that loses its server emits 'error' on the pool; the pool drops it and the next checkout
  // reconnects, so there is nothing more to do here than to hear it.
  pool.on("error", () => {});
  // A checked-out client emits 'error' on itself only; its query rejects too, and that is where it is handled.
  pool.on("connect", (client) => client.on("error", () => {}));

  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const broken = new WeakSet<pg.PoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    let facade = wrapped.get(client);
    if (facade !== undefined) return facade;
    facade = {
      // Kysely streams through a cursor object only when configured to, which this store is not.
      query: (async (text: string, values: readonly unknown[]) => {
        if (broken.has(client)) throw new Error("Connection terminated: the client timed out and is discarded");
        try {
          return await client.query(text, [...values]);
        } catch (error) {
          if (isClientTimeout(error)) broken.add(client);
          throw error;
        }
      }) as unknown as PostgresPoolClient["query"],
      release: (destroy) => client.release(destroy || broken.has(client) ? true : undefined),
    };
    wrapped.set(client, facade);
    return facade;
  };

  return {
    connect: async () => wrap(await pool.connect()),
    end: () => pool.end(),
    async run(query) {
      const client = await pool.connect();
      let destroy = false;
      try {
        return await client.query(query);
      } catch (error) {
        // Only a statement's own refusal (a unique key, a conflict) leaves the connection surely fit: after a
        // timeout the statement may still run, and a cut or terminated connection must not be handed out again.
        destroy = !/^(23|40)/.test(String((error as { code?: unknown }).code));
        throw error;
      } finally {
        client.release(destroy || undefined);
      }
    },
  };
}

/** pg's own client-side `query_timeout` error (it has no code). */
function isClientTimeout(error: unknown): boolean {
  return error instanceof Error && /^Query read timeout$/.test(error.message);
}
