// Row shapes and mapping shared by the SQL audit-log adapters (SQLite and PostgreSQL have the same tables).
import type { AuditRow, StoredCheckpoint } from './log-port.js';

/** Counters arrive as numbers from SQLite and as strings (BIGINT) from PostgreSQL. */
export interface RawAuditRow {
  seq: number | string;
  time: string;
  kind: string;
  request_id: string;
  key_id: string | null;
  tenant_id: string | null;
  body: string;
  seal: Buffer | null;
}

export interface RawCheckpoint {
  tree_size: number | string;
  root: string;
  time: string;
  key_id: string;
  signature: string;
  frontier: string;
}

export const SELECT_AUDIT_ROWS = 'SELECT e.seq, e.time, e.kind, e.request_id, e.key_id, e.tenant_id, e.body, s.seal FROM audit_events e LEFT JOIN audit_seals s ON s.seq = e.seq';

export function toAuditRow(r: RawAuditRow): AuditRow {
  return { seq: Number(r.seq), time: r.time, kind: r.kind, requestId: r.request_id, keyId: r.key_id, tenantId: r.tenant_id, body: r.body, seal: r.seal };
}

export function toCheckpoint(r: RawCheckpoint): StoredCheckpoint {
  return { treeSize: Number(r.tree_size), root: r.root, time: r.time, keyId: r.key_id, signature: r.signature, frontier: JSON.parse(r.frontier) as string[] };
}
