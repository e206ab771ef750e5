// One PostgreSQL transaction on a pooled connection: commit, or roll back and discard a connection that died.
import type pg from 'pg';
import { isTransient } from './retry.js';

/** Runs `fn` between BEGIN and COMMIT; a dead or hung connection is discarded, not returned to the pool (the server rolls back). */
export async function inTransaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  return run(pool, fn, undefined);
}

/**
 * A transaction to be retried through faults (`withRetry`) that never runs twice. When the connection dies while
 * COMMIT is on the wire, the client cannot tell whether the server committed; a blind retry would then apply the
 * change a second time (an audit batch written twice, a key created twice). So each attempt notes its transaction
 * id, and the attempt after an unanswered COMMIT first asks the server how that transaction ended: committed → the
 * first attempt's result stands; aborted → run again; still in progress (the server has not yet noticed the lost
 * connection) → a transient "resolution unknown" error, so the retry loop asks again after its back-off.
 */
export function onceCommitted<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): () => Promise<T> {
  let unresolved: Unresolved<T> | undefined;
  return async () => {
    if (unresolved) {
      const status = await transactionStatus(pool, unresolved.xid);
      if (status === 'committed') return unresolved.out;
      if (status === 'in progress') throw resolutionUnknown(unresolved.xid);
      unresolved = undefined;
    }
    return run(pool, fn, (u) => (unresolved = u));
  };
}

interface Unresolved<T> {
  xid: string;
  out: T;
}

async function run<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>, onUnanswered: ((u: Unresolved<T>) => void) | undefined): Promise<T> {
  const c = await pool.connect();
  let broken = false;
  try {
    let xid: string | undefined;
    if (onUnanswered) {
      // One round trip as before: BEGIN and the id in one simple-protocol query (an array of two results).
      const res = (await c.query('BEGIN; SELECT txid_current()::text AS xid')) as unknown as pg.QueryResult<{ xid: string }>[];
      xid = res[1]?.rows[0]?.xid;
    } else {
      await c.query('BEGIN');
    }
    const out = await fn(c);
    try {
      await c.query('COMMIT');
    } catch (err) {
      if (xid !== undefined && isTransient(err)) onUnanswered?.({ xid, out });
      throw err;
    }
    return out;
  } catch (err) {
    // A dead connection cannot roll back (and would wait out a deadline trying): discard it instead.
    if (isTransient(err)) broken = true;
    else await c.query('ROLLBACK').catch(() => (broken = true));
    throw err;
  } finally {
    c.release(broken);
  }
}

/** How the server says a transaction ended ('committed', 'aborted', 'in progress'; null once it is too old to tell). */
async function transactionStatus(pool: pg.Pool, xid: string): Promise<string | null> {
  const r = await pool.query<{ s: string | null }>('SELECT txid_status($1::bigint) AS s', [xid]);
  return r.rows[0]?.s ?? null;
}

/** SQLSTATE 08007 (transaction_resolution_unknown): transient, so the caller's retry asks again. */
function resolutionUnknown(xid: string): Error {
  return Object.assign(new Error(`transaction ${xid}: commit outcome not yet known`), { code: '08007' });
}
