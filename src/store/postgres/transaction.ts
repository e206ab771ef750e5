// One PostgreSQL transaction on a pooled connection: commit, or roll back and discard a connection that died.
import type pg from 'pg';
import { isTransient } from './retry.js';

/** Runs `fn` between BEGIN and COMMIT; a dead or hung connection is discarded, not returned to the pool (the server rolls back). */
export async function inTransaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  let broken = false;
  try {
    await c.query('BEGIN');
    const out = await fn(c);
    await c.query('COMMIT');
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
