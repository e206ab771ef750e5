// The audit log's storage port: what the verifier, sealer and exporter need from a backend.
// Events themselves are written by Store.appendAudit / createKey / updateKey (same table).
import type { SignedCheckpoint } from './checkpoint.js';

/** One stored event. Leaf index = seq - 1; seq must be contiguous from 1 in commit order. */
export interface AuditRow {
  readonly seq: number;
  readonly time: string;
  readonly kind: string;
  readonly requestId: string;
  readonly keyId: string | null;
  readonly tenantId: string | null;
  /** Canonical JSON of the event: exactly the bytes its leaf hashes. */
  readonly body: string;
  /** HMAC seal (audit/seal.ts), null until the sealer has reached the row. */
  readonly seal: Buffer | null;
}

export interface StoredCheckpoint extends SignedCheckpoint {
  /** Right edge of the tree at treeSize (hex), so the sealer resumes without rereading the log. */
  readonly frontier: readonly string[];
}

export interface TextRow {
  readonly requestId: string;
  readonly field: 'prompt' | 'output';
  readonly blob: Buffer;
  readonly expiresAt: string;
}

export interface AuditQuery {
  keyId?: string;
  tenantId?: string;
  incidentId?: string;
  requestIds?: readonly string[];
  /** ISO times, inclusive from, exclusive to. */
  from?: string;
  to?: string;
}

export interface AuditLogStore {
  /** Rows with seq > afterSeq, ascending, at most `limit`. */
  rowsAfter(afterSeq: number, limit: number): Promise<AuditRow[]>;
  /** Rows matching the query, ascending by seq. */
  find(q: AuditQuery): Promise<AuditRow[]>;
  /** Rows matching the query with seq < beforeSeq (no bound when undefined), newest first, at most `limit`: paging back from the end. */
  findNewest(q: AuditQuery, beforeSeq: number | undefined, limit: number): Promise<AuditRow[]>;
  maxSeq(): Promise<number>;
  /** Stores the seals and the checkpoint in one transaction. */
  commitSeal(seals: readonly { seq: number; seal: Buffer }[], cp: StoredCheckpoint): Promise<void>;
  /** Ascending by treeSize. */
  checkpoints(): Promise<StoredCheckpoint[]>;
  latestCheckpoint(): Promise<StoredCheckpoint | undefined>;
  putTexts(rows: readonly TextRow[]): Promise<void>;
  getTexts(requestIds: readonly string[]): Promise<TextRow[]>;
  /** Deletes ciphertext whose retention ended; the events (leaves) stay. Returns how many. */
  purgeTexts(now: string): Promise<number>;
}
