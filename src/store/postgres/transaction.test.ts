import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { isTransient } from './retry.js';
import { onceCommitted } from './transaction.js';

/** A pool that scripts the server: COMMIT's answer is lost once, then txid_status answers from `statuses` in turn. */
function scriptedPool(statuses: string[]) {
  const log: string[] = [];
  let commits = 0;
  const client = {
    query: async (sql: string) => {
      log.push(sql);
      if (sql.startsWith('BEGIN')) return [{ rows: [] }, { rows: [{ xid: '4242' }] }];
      if (sql === 'COMMIT' && commits++ === 0) throw Object.assign(new Error('Connection terminated unexpectedly'), {});
      return { rows: [] };
    },
    release: () => undefined,
  };
  const pool = {
    connect: async () => client,
    query: async (sql: string, params: unknown[]) => {
      log.push(`${sql} ${JSON.stringify(params)}`);
      return { rows: [{ s: statuses.shift() ?? null }] };
    },
  } as unknown as pg.Pool;
  return { pool, log };
}

describe('onceCommitted', () => {
  it('asks how an unanswered COMMIT ended before running again: in progress is transient, committed returns the first result', async () => {
    const { pool, log } = scriptedPool(['in progress', 'committed']);
    let runs = 0;
    const attempt = onceCommitted(pool, async () => ++runs);
    await expect(attempt()).rejects.toThrow(/Connection terminated/);
    const pending = await attempt().catch((e: unknown) => e);
    expect(isTransient(pending)).toBe(true);
    expect((pending as { code: string }).code).toBe('08007');
    expect(await attempt()).toBe(1);
    expect(runs).toBe(1);
    expect(log.filter((l) => l.startsWith('SELECT txid_status'))).toEqual(['SELECT txid_status($1::bigint) AS s ["4242"]', 'SELECT txid_status($1::bigint) AS s ["4242"]']);
  });

  it('runs the transaction again when the server says it was aborted', async () => {
    const { pool } = scriptedPool(['aborted']);
    let runs = 0;
    const attempt = onceCommitted(pool, async () => ++runs);
    await expect(attempt()).rejects.toThrow(/Connection terminated/);
    expect(await attempt()).toBe(2);
  });
});
