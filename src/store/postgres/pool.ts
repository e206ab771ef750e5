// A pg.Pool with deadlines on every step and an 'error' listener on every client, checked out or idle.
import { createRequire } from 'node:module';
import type pg from 'pg';

/**
 * Loaded on first use: a gateway on SQLite (the default) never holds pg's ~190 KB of code and its
 * objects (~2 MB of heap for the life of the process).
 */
const loadPg = (): typeof pg => createRequire(import.meta.url)('pg') as typeof pg;

export interface PgDeadlines {
  /** Opening a connection, or waiting for a free one in the pool. */
  connectTimeoutMs: number;
  /** The server cancels a statement running longer (statement_timeout); the client gives up a little later. */
  queryTimeoutMs: number;
  /** The server ends a session left idle inside a transaction (a replica that hung mid-transaction frees its locks). */
  idleInTransactionMs: number;
}

export interface PgPoolOptions extends PgDeadlines {
  url: string;
  max: number;
  schema?: string | undefined;
  /** A connection fault on any client: never thrown (an unhandled 'error' event would kill the process). */
  onError(err: Error): void;
}

/** Slack between the server's statement_timeout and the client's read deadline: a live server answers first, with a clean error. */
const CLIENT_SLACK_MS = 1_000;

export function createPgPool(o: PgPoolOptions): pg.Pool {
  const pool = new (loadPg().Pool)({
    connectionString: o.url,
    max: o.max,
    connectionTimeoutMillis: o.connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    // A server that stops answering (packets dropped) is noticed by the read deadline; keepalive also
    // ends idle sockets whose peer vanished, so the pool does not hand out a dead connection.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    statement_timeout: o.queryTimeoutMs,
    query_timeout: o.queryTimeoutMs + CLIENT_SLACK_MS,
    idle_in_transaction_session_timeout: o.idleInTransactionMs,
    ...(o.schema ? { options: `-c search_path=${o.schema}` } : {}),
  });
  // pg-pool listens for 'error' only on idle clients; a checked-out client whose socket resets emits
  // 'error' with no listener, which kills the process. This listener stays for the client's life.
  // The query in flight is rejected separately (and retried by the caller).
  pool.on('connect', (client) => client.on('error', (err: Error) => o.onError(err)));
  pool.on('error', (err: Error) => o.onError(err));
  return pool;
}
