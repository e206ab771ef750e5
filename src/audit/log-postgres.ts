// The audit log adapter (audit/log-port.ts) over PostgreSQL: what the verifier, sealer and exporter read.
import type pg from 'pg';
import type { AuditLogStore, AuditQuery, AuditRow, StoredCheckpoint, TextRow } from './log-port.js';
import { SELECT_AUDIT_ROWS, toAuditRow, toCheckpoint, type RawAuditRow, type RawCheckpoint } from './log-rows.js';
import { inTransaction } from '../store/postgres/transaction.js';

export class PostgresAuditLog implements AuditLogStore {
  constructor(private readonly pool: pg.Pool) {}

  async rowsAfter(afterSeq: number, limit: number): Promise<AuditRow[]> {
    return (await this.pool.query<RawAuditRow>(`${SELECT_AUDIT_ROWS} WHERE e.seq > $1 ORDER BY e.seq LIMIT $2`, [afterSeq, limit])).rows.map(toAuditRow);
  }

  async find(q: AuditQuery): Promise<AuditRow[]> {
    const w = where(q);
    if (!w) return [];
    return (await this.pool.query<RawAuditRow>(`${SELECT_AUDIT_ROWS}${w.sql} ORDER BY e.seq`, w.p)).rows.map(toAuditRow);
  }

  async findNewest(q: AuditQuery, beforeSeq: number | undefined, limit: number): Promise<AuditRow[]> {
    const w = where(q, beforeSeq);
    if (!w) return [];
    return (await this.pool.query<RawAuditRow>(`${SELECT_AUDIT_ROWS}${w.sql} ORDER BY e.seq DESC LIMIT $${w.p.length + 1}`, [...w.p, limit])).rows.map(toAuditRow);
  }

  async maxSeq(): Promise<number> {
    return Number((await this.pool.query<{ n: string }>('SELECT COALESCE(MAX(seq), 0) AS n FROM audit_events')).rows[0]?.n ?? 0);
  }

  async commitSeal(seals: readonly { seq: number; seal: Buffer }[], cp: StoredCheckpoint): Promise<void> {
    await inTransaction(this.pool, async (c) => {
      if (seals.length) {
        await c.query('INSERT INTO audit_seals (seq, seal) SELECT * FROM unnest($1::bigint[], $2::bytea[]) ON CONFLICT (seq) DO UPDATE SET seal = excluded.seal', [
          seals.map((s) => s.seq),
          seals.map((s) => s.seal),
        ]);
      }
      // Several replicas may seal the same tree size; the first checkpoint stands.
      await c.query('INSERT INTO audit_checkpoints (tree_size, root, time, key_id, signature, frontier) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (tree_size) DO NOTHING', [
        cp.treeSize,
        cp.root,
        cp.time,
        cp.keyId,
        cp.signature,
        JSON.stringify(cp.frontier),
      ]);
    });
  }

  async checkpoints(): Promise<StoredCheckpoint[]> {
    return (await this.pool.query<RawCheckpoint>('SELECT * FROM audit_checkpoints ORDER BY tree_size')).rows.map(toCheckpoint);
  }

  async latestCheckpoint(): Promise<StoredCheckpoint | undefined> {
    const r = (await this.pool.query<RawCheckpoint>('SELECT * FROM audit_checkpoints ORDER BY tree_size DESC LIMIT 1')).rows[0];
    return r && toCheckpoint(r);
  }

  async putTexts(rows: readonly TextRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.pool.query(
      `INSERT INTO audit_texts (request_id, field, blob, expires_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[], $4::text[])
       ON CONFLICT (request_id, field) DO UPDATE SET blob = excluded.blob, expires_at = excluded.expires_at`,
      [rows.map((r) => r.requestId), rows.map((r) => r.field), rows.map((r) => r.blob), rows.map((r) => r.expiresAt)],
    );
  }

  async getTexts(requestIds: readonly string[]): Promise<TextRow[]> {
    if (requestIds.length === 0) return [];
    const res = await this.pool.query<{ request_id: string; field: TextRow['field']; blob: Buffer; expires_at: string }>(
      'SELECT request_id, field, blob, expires_at FROM audit_texts WHERE request_id = ANY($1::text[])',
      [[...requestIds]],
    );
    return res.rows.map((r) => ({ requestId: r.request_id, field: r.field, blob: r.blob, expiresAt: r.expires_at }));
  }

  async purgeTexts(now: string): Promise<number> {
    return (await this.pool.query('DELETE FROM audit_texts WHERE expires_at <= $1', [now])).rowCount ?? 0;
  }
}

/** The query's WHERE clause and parameters; undefined when it can match nothing. */
function where(q: AuditQuery, beforeSeq?: number): { sql: string; p: unknown[] } | undefined {
  const clauses: string[] = [];
  const p: unknown[] = [];
  const add = (sql: (n: number) => string, v: unknown): void => {
    p.push(v);
    clauses.push(sql(p.length));
  };
  if (beforeSeq !== undefined) add((n) => `e.seq < $${n}`, beforeSeq);
  if (q.keyId !== undefined) add((n) => `e.key_id = $${n}`, q.keyId);
  if (q.tenantId !== undefined) add((n) => `e.tenant_id = $${n}`, q.tenantId);
  if (q.from !== undefined) add((n) => `e.time >= $${n}`, q.from);
  if (q.to !== undefined) add((n) => `e.time < $${n}`, q.to);
  // Canonical JSON makes the member text exact; the caller re-checks the parsed event.
  if (q.incidentId !== undefined) add((n) => `strpos(e.body, $${n}) > 0`, `"incidentId":${JSON.stringify(q.incidentId)}`);
  if (q.requestIds !== undefined) {
    if (q.requestIds.length === 0) return undefined;
    add((n) => `e.request_id = ANY($${n}::text[])`, [...q.requestIds]);
  }
  return { sql: clauses.length ? ' WHERE ' + clauses.join(' AND ') : '', p };
}
