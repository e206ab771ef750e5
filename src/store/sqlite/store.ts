// SQLite implementation of the Store port (embedded default; WAL mode, one process).
import { mkdirSync } from 'node:fs';
import { PRIVATE_DIR_MODE, preparePrivateDbFile } from '../private-files.js';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { AuditEvent } from '../../audit/event.js';
import { WrittenRows } from '../../audit/written-rows.js';
import type { KeyRecord, Tenant } from '../../keys/types.js';
import { sqliteMigrations } from '../migrations/sqlite.js';
import type { AdminCredential, KeyPatch, Store, StoredAuditEvent, StoredWebhook, TenantDeletion, WebhookPatch } from '../port.js';
import {
  type AuditInsertRow,
  auditToRow,
  credentialToRow,
  type CredentialRow,
  DEAD_KEY_SQL,
  rowToCredential,
  keyToRow,
  noteWritten,
  PATCH_COLUMNS,
  patchParam,
  rowToAudit,
  rowToKey,
  type KeyRow,
  rowToWebhook,
  webhookToRow,
  WEBHOOK_PATCH_COLUMNS,
  type WebhookRow,
} from '../rows.js';

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly db: Database.Database;
  readonly writtenRows = new WrittenRows();
  private readonly insertAuditStmt: Database.Statement;
  /** Audit rows inserted by the open transaction, noted for the sealer once it commits. */
  private readonly inserted: { seq: number; row: AuditInsertRow }[] = [];
  /** One transaction wrapper for all (better-sqlite3 builds several functions per `transaction()`). */
  private readonly inTransaction: <T>(fn: () => T) => T;

  constructor(path: string) {
    if (path !== ':memory:') {
      // Owner-only: the database holds the audit log and the key records (new directory 0700, file 0600).
      mkdirSync(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE });
      preparePrivateDbFile(path);
    }
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    this.migrateSync();
    // BEGIN IMMEDIATE: the write lock is taken up front, so a transaction that reads first waits (busy_timeout)
    // for another connection's commit (the audit worker's) instead of failing when it comes to write.
    const tx = this.db.transaction((fn: () => unknown) => fn());
    this.inTransaction = (<T>(fn: () => T): T => tx.immediate(fn) as T) as <T>(fn: () => T) => T;
    this.insertAuditStmt = this.db.prepare('INSERT INTO audit_events (time, kind, request_id, key_id, tenant_id, body) VALUES (?, ?, ?, ?, ?, ?)');
  }

  private migrateSync(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const done = new Set(
      this.db
        .prepare('SELECT version FROM schema_migrations')
        .all()
        .map((r) => (r as { version: number }).version),
    );
    for (const m of sqliteMigrations) {
      if (done.has(m.version)) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      })();
    }
  }

  async migrate(): Promise<void> {
    this.migrateSync();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** Reads a page of the file (synchronous and local, so no deadline is needed); throws if the file is unusable. */
  async ping(_timeoutMs: number): Promise<void> {
    this.db.prepare('SELECT count(*) FROM schema_migrations').get();
  }

  private insertAudit(e: AuditEvent): void {
    const row = auditToRow(e);
    // Positional: binding by name looks each of the six names up on the row, per row (~1 µs more).
    const seq = Number(this.insertAuditStmt.run(row.time, row.kind, row.request_id, row.key_id, row.tenant_id, row.body).lastInsertRowid);
    this.inserted.push({ seq, row });
  }

  /** Runs `fn` in a transaction; its audit rows are noted for the sealer only if it commits. */
  private withAudit<T>(fn: () => T): T {
    try {
      const out = this.inTransaction(fn);
      for (const w of this.inserted) noteWritten(this.writtenRows, w.seq, w.row);
      return out;
    } finally {
      // Emptied in place: one array for the store's life, not two per transaction.
      this.inserted.length = 0;
    }
  }

  async createTenant(t: Tenant, audit: AuditEvent): Promise<void> {
    this.withAudit(() => {
      this.db.prepare('INSERT INTO tenants (id, name, created_at) VALUES (?, ?, ?)').run(t.id, t.name, t.createdAt);
      this.insertAudit(audit);
    });
  }

  async getTenant(id: string): Promise<Tenant | undefined> {
    const r = this.db.prepare('SELECT id, name, created_at FROM tenants WHERE id = ?').get(id) as { id: string; name: string; created_at: string } | undefined;
    return r && { id: r.id, name: r.name, createdAt: r.created_at };
  }

  async listTenants(): Promise<Tenant[]> {
    const rows = this.db.prepare('SELECT id, name, created_at FROM tenants ORDER BY created_at, id').all() as { id: string; name: string; created_at: string }[];
    return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at }));
  }

  async renameTenant(id: string, name: string, audit: AuditEvent): Promise<Tenant | undefined> {
    return this.withAudit(() => {
      if (this.db.prepare('UPDATE tenants SET name = ? WHERE id = ?').run(name, id).changes === 0) return undefined;
      this.insertAudit(audit);
      return { id, name, createdAt: (this.db.prepare('SELECT created_at FROM tenants WHERE id = ?').get(id) as { created_at: string }).created_at };
    });
  }

  async deleteTenant(id: string, now: string, audit: AuditEvent): Promise<TenantDeletion> {
    // One writer at a time in SQLite: nothing can add a key between the check and the delete.
    return this.withAudit((): TenantDeletion => {
      if (!this.db.prepare('SELECT 1 FROM tenants WHERE id = ?').get(id)) return { ok: false, reason: 'not_found' };
      const live = this.db.prepare(`SELECT id FROM keys WHERE tenant_id = @id AND NOT ${DEAD_KEY_SQL('@now')} ORDER BY id`).all({ id, now }) as { id: string }[];
      if (live.length > 0) return { ok: false, reason: 'live_keys', keyIds: live.map((r) => r.id) };
      const dead = (this.db.prepare('SELECT id FROM keys WHERE tenant_id = ? ORDER BY id').all(id) as { id: string }[]).map((r) => r.id);
      this.db.prepare('DELETE FROM keys WHERE tenant_id = ?').run(id);
      this.db.prepare('DELETE FROM tenants WHERE id = ?').run(id);
      this.insertAudit(audit);
      return { ok: true, deletedKeys: dead };
    });
  }

  async createCredential(c: AdminCredential, audit: AuditEvent): Promise<void> {
    const row = credentialToRow(c);
    const cols = Object.keys(row);
    this.withAudit(() => {
      this.db.prepare(`INSERT INTO admin_credentials (${cols.join(', ')}) VALUES (${cols.map((x) => '@' + x).join(', ')})`).run(row);
      this.insertAudit(audit);
    });
  }

  async getCredential(id: string): Promise<AdminCredential | undefined> {
    const r = this.db.prepare('SELECT * FROM admin_credentials WHERE id = ?').get(id) as CredentialRow | undefined;
    return r && rowToCredential(r);
  }

  async listCredentials(): Promise<AdminCredential[]> {
    return (this.db.prepare('SELECT * FROM admin_credentials ORDER BY created_at, id').all() as CredentialRow[]).map(rowToCredential);
  }

  async revokeCredential(id: string, at: string, audit: AuditEvent): Promise<AdminCredential | undefined> {
    return this.withAudit(() => {
      if (this.db.prepare('UPDATE admin_credentials SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 0) return undefined;
      this.insertAudit(audit);
      return rowToCredential(this.db.prepare('SELECT * FROM admin_credentials WHERE id = ?').get(id) as CredentialRow);
    });
  }

  async listWebhooks(): Promise<StoredWebhook[]> {
    return (this.db.prepare('SELECT * FROM webhooks ORDER BY created_at, id').all() as WebhookRow[]).map(rowToWebhook);
  }

  async createWebhook(w: StoredWebhook, audit: AuditEvent, max: number): Promise<boolean> {
    const row = webhookToRow(w);
    const cols = Object.keys(row);
    return this.withAudit(() => {
      const { n } = this.db.prepare('SELECT count(*) AS n FROM webhooks').get() as { n: number };
      if (n >= max) return false;
      this.db.prepare(`INSERT INTO webhooks (${cols.join(', ')}) VALUES (${cols.map((x) => '@' + x).join(', ')})`).run(row);
      this.insertAudit(audit);
      return true;
    });
  }

  async updateWebhook(id: string, patch: WebhookPatch, audit: AuditEvent): Promise<StoredWebhook | undefined> {
    const cols = WEBHOOK_PATCH_COLUMNS.filter(([k]) => patch[k] !== undefined);
    return this.withAudit(() => {
      const sets = cols.map(([k, c]) => `${c} = @${k}`).join(', ');
      const params = { id, ...Object.fromEntries(cols.map(([k]) => [k, patch[k]])) };
      if (sets && this.db.prepare(`UPDATE webhooks SET ${sets} WHERE id = @id`).run(params).changes === 0) return undefined;
      const r = this.db.prepare('SELECT * FROM webhooks WHERE id = ?').get(id) as WebhookRow | undefined;
      if (!r) return undefined;
      this.insertAudit(audit);
      return rowToWebhook(r);
    });
  }

  async deleteWebhook(id: string, audit: AuditEvent): Promise<StoredWebhook | undefined> {
    return this.withAudit(() => {
      const r = this.db.prepare('SELECT * FROM webhooks WHERE id = ?').get(id) as WebhookRow | undefined;
      if (!r) return undefined;
      this.db.prepare('DELETE FROM webhooks WHERE id = ?').run(id);
      this.insertAudit(audit);
      return rowToWebhook(r);
    });
  }

  async createKey(k: KeyRecord, audit: AuditEvent): Promise<void> {
    const row = keyToRow(k);
    const cols = Object.keys(row);
    this.withAudit(() => {
      this.db.prepare(`INSERT INTO keys (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`).run(row);
      this.insertAudit(audit);
    });
  }

  async getKey(id: string): Promise<KeyRecord | undefined> {
    const r = this.db.prepare('SELECT * FROM keys WHERE id = ?').get(id) as KeyRow | undefined;
    return r && rowToKey(r);
  }

  async listKeys(tenantId?: string): Promise<KeyRecord[]> {
    const rows = (
      tenantId === undefined ? this.db.prepare('SELECT * FROM keys ORDER BY created_at, id').all() : this.db.prepare('SELECT * FROM keys WHERE tenant_id = ? ORDER BY created_at, id').all(tenantId)
    ) as KeyRow[];
    return rows.map(rowToKey);
  }

  async updateKey(id: string, patch: KeyPatch, audit: AuditEvent, ifVersion?: number): Promise<KeyRecord | undefined> {
    const sets: string[] = ['updated_at = @updated_at', 'version = version + 1'];
    const params: Record<string, unknown> = { id, updated_at: new Date().toISOString() };
    for (const [field, col] of Object.entries(PATCH_COLUMNS)) {
      const v = patch[field as keyof KeyPatch];
      if (v === undefined) continue;
      sets.push(`${col} = @${col}`);
      params[col] = typeof v === 'boolean' ? (v ? 1 : 0) : patchParam(v);
    }
    return this.withAudit(() => {
      const where = ifVersion === undefined ? 'id = @id' : 'id = @id AND version = @if_version';
      if (ifVersion !== undefined) params['if_version'] = ifVersion;
      const changed = this.db.prepare(`UPDATE keys SET ${sets.join(', ')} WHERE ${where}`).run(params).changes;
      if (changed === 0) return undefined;
      this.insertAudit(audit);
      return rowToKey(this.db.prepare('SELECT * FROM keys WHERE id = ?').get(id) as KeyRow);
    });
  }

  async appendAudit(events: readonly AuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    this.withAudit(() => {
      for (const e of events) this.insertAudit(e);
    });
  }

  async listAudit(f: { keyId?: string; tenantId?: string; afterSeq?: number; limit?: number }): Promise<StoredAuditEvent[]> {
    const where: string[] = ['seq > @after'];
    const params: Record<string, unknown> = { after: f.afterSeq ?? 0, limit: Math.min(f.limit ?? 1000, 100_000) };
    if (f.keyId !== undefined) where.push('key_id = @keyId'), (params['keyId'] = f.keyId);
    if (f.tenantId !== undefined) where.push('tenant_id = @tenantId'), (params['tenantId'] = f.tenantId);
    const rows = this.db.prepare(`SELECT seq, body FROM audit_events WHERE ${where.join(' AND ')} ORDER BY seq LIMIT @limit`).all(params) as { seq: number; body: string }[];
    return rows.map(rowToAudit);
  }

  async getSetting(name: string): Promise<string | undefined> {
    const r = this.db.prepare('SELECT value FROM settings WHERE name = ?').get(name) as { value: string } | undefined;
    return r?.value;
  }

  async setSetting(name: string, value: string): Promise<void> {
    this.db.prepare('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value').run(name, value);
  }

  async claimSetting(name: string, value: string): Promise<string> {
    this.db.prepare('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT(name) DO NOTHING').run(name, value);
    return (this.db.prepare('SELECT value FROM settings WHERE name = ?').get(name) as { value: string }).value;
  }
}
