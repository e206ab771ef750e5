// AuditLogStore over the SQLite store's connection (the same file and WAL as the events).
import type Database from 'better-sqlite3';
import type { AuditLogStore, AuditQuery, AuditRow, StoredCheckpoint, TextRow } from './log-port.js';
import { SELECT_AUDIT_ROWS, toAuditRow, toCheckpoint, type RawAuditRow, type RawCheckpoint } from './log-rows.js';

export class SqliteAuditLog implements AuditLogStore {
  constructor(private readonly db: Database.Database) {}

  async rowsAfter(afterSeq: number, limit: number): Promise<AuditRow[]> {
    return (this.db.prepare(`${SELECT_AUDIT_ROWS} WHERE e.seq > ? ORDER BY e.seq LIMIT ?`).all(afterSeq, limit) as RawAuditRow[]).map(toAuditRow);
  }

  async find(q: AuditQuery): Promise<AuditRow[]> {
    const w = this.where(q);
    if (!w) return [];
    return (this.db.prepare(`${SELECT_AUDIT_ROWS}${w.sql} ORDER BY e.seq`).all(w.p) as RawAuditRow[]).map(toAuditRow);
  }

  async findNewest(q: AuditQuery, beforeSeq: number | undefined, limit: number): Promise<AuditRow[]> {
    const w = this.where(q, beforeSeq);
    if (!w) return [];
    return (this.db.prepare(`${SELECT_AUDIT_ROWS}${w.sql} ORDER BY e.seq DESC LIMIT @limit`).all({ ...w.p, limit }) as RawAuditRow[]).map(toAuditRow);
  }

  /** The query's WHERE clause and parameters; undefined when it can match nothing. */
  private where(q: AuditQuery, beforeSeq?: number): { sql: string; p: Record<string, unknown> } | undefined {
    const where: string[] = [];
    const p: Record<string, unknown> = {};
    if (beforeSeq !== undefined) where.push('e.seq < @before'), (p['before'] = beforeSeq);
    if (q.keyId !== undefined) where.push('e.key_id = @keyId'), (p['keyId'] = q.keyId);
    if (q.tenantId !== undefined) where.push('e.tenant_id = @tenantId'), (p['tenantId'] = q.tenantId);
    if (q.from !== undefined) where.push('e.time >= @from'), (p['from'] = q.from);
    if (q.to !== undefined) where.push('e.time < @to'), (p['to'] = q.to);
    // Canonical JSON makes the member text exact; the caller re-checks the parsed event.
    if (q.incidentId !== undefined) where.push('instr(e.body, @inc) > 0'), (p['inc'] = `"incidentId":${JSON.stringify(q.incidentId)}`);
    if (q.requestIds !== undefined) {
      if (q.requestIds.length === 0) return undefined;
      where.push(`e.request_id IN (${q.requestIds.map((_, i) => `@r${i}`).join(',')})`);
      q.requestIds.forEach((r, i) => (p[`r${i}`] = r));
    }
    return { sql: where.length ? ' WHERE ' + where.join(' AND ') : '', p };
  }

  async maxSeq(): Promise<number> {
    return (this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS n FROM audit_events').get() as { n: number }).n;
  }

  async commitSeal(seals: readonly { seq: number; seal: Buffer }[], cp: StoredCheckpoint): Promise<void> {
    const ins = this.db.prepare('INSERT OR REPLACE INTO audit_seals (seq, seal) VALUES (?, ?)');
    const cpIns = this.db.prepare('INSERT OR IGNORE INTO audit_checkpoints (tree_size, root, time, key_id, signature, frontier) VALUES (?, ?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const s of seals) ins.run(s.seq, s.seal);
      cpIns.run(cp.treeSize, cp.root, cp.time, cp.keyId, cp.signature, JSON.stringify(cp.frontier));
    })();
  }

  async checkpoints(): Promise<StoredCheckpoint[]> {
    return (this.db.prepare('SELECT * FROM audit_checkpoints ORDER BY tree_size').all() as RawCheckpoint[]).map(toCheckpoint);
  }

  async latestCheckpoint(): Promise<StoredCheckpoint | undefined> {
    const r = this.db.prepare('SELECT * FROM audit_checkpoints ORDER BY tree_size DESC LIMIT 1').get() as RawCheckpoint | undefined;
    return r && toCheckpoint(r);
  }

  async putTexts(rows: readonly TextRow[]): Promise<void> {
    const ins = this.db.prepare('INSERT OR REPLACE INTO audit_texts (request_id, field, blob, expires_at) VALUES (?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const r of rows) ins.run(r.requestId, r.field, r.blob, r.expiresAt);
    })();
  }

  async getTexts(requestIds: readonly string[]): Promise<TextRow[]> {
    const out: TextRow[] = [];
    const sel = this.db.prepare('SELECT request_id, field, blob, expires_at FROM audit_texts WHERE request_id = ?');
    for (const id of requestIds) {
      for (const r of sel.all(id) as { request_id: string; field: TextRow['field']; blob: Buffer; expires_at: string }[]) {
        out.push({ requestId: r.request_id, field: r.field, blob: r.blob, expiresAt: r.expires_at });
      }
    }
    return out;
  }

  async purgeTexts(now: string): Promise<number> {
    return this.db.prepare('DELETE FROM audit_texts WHERE expires_at <= ?').run(now).changes;
  }
}
