// Rows this process produced, remembered until the sealer reads them back: a stored row equal,
// byte for byte and column for column, to one the writer built passes rowProblem by construction
// (the body is our canonical output, the columns were taken from the same event), so the sealer
// skips re-parsing it. Any other row (edited, written elsewhere, forgotten) gets the full check.
import type { AuditRow } from './log-port.js';

export interface WrittenRow {
  readonly time: string;
  readonly kind: string;
  readonly request_id: string;
  readonly key_id: string | null;
  readonly tenant_id: string | null;
  readonly body: string;
}

/** Bounds memory when nothing seals for a while; older rows simply get the full check. */
const LIMIT = 10_000;

class WrittenRows {
  private readonly rows = new Map<string, WrittenRow>();
  private on = false;

  /** Only a process that seals remembers rows (a CLI or a read-only open would only fill memory). */
  enable(): void {
    this.on = true;
  }

  /** By request id (short to hash); a second row with the same id replaces the first, which then gets the full check. */
  note(r: WrittenRow): void {
    if (!this.on) return;
    if (this.rows.size >= LIMIT) this.rows.delete(this.rows.keys().next().value!);
    this.rows.set(r.request_id, r);
  }

  /** True when `row` is exactly a row we wrote (and forgets it); false means: check it fully. */
  vouch(row: AuditRow): boolean {
    const w = this.rows.get(row.requestId);
    if (w === undefined) return false;
    this.rows.delete(row.requestId);
    return w.body === row.body && w.time === row.time && w.kind === row.kind && w.key_id === row.keyId && w.tenant_id === row.tenantId;
  }
}

export const writtenRows = new WrittenRows();
