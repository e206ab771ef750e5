// PostgreSQL implementation of the Store port: the shared store when several replicas run.
import type pg from 'pg';
import type { AuditEvent } from '../../audit/event.js';
import { WrittenRows } from '../../audit/written-rows.js';
import type { KeyRecord, Tenant } from '../../keys/types.js';
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
import { postgresMigrations } from './migrations.js';
import { StoreHealth } from './health.js';
import { createPgPool, type PgDeadlines } from './pool.js';
import { isTransient, withRetry } from './retry.js';
import { inTransaction, onceCommitted } from './transaction.js';
import { StoreUnavailableError } from '../unavailable.js';

export interface PostgresStoreOptions extends Partial<PgDeadlines> {
  url: string;
  /** Schema to create and use (tests use one per run); default: the URL's search_path. */
  schema?: string;
  poolSize?: number;
  /** How long a write keeps retrying through an outage before its error reaches the caller. */
  writeRetryMs?: number;
  /** Reads are idempotent and retried too, but briefly: callers (the key cache) have fallbacks. */
  readRetryMs?: number;
  log?: { warn(msg: string, fields?: Record<string, unknown>): void };
}

// Any fixed 64-bit numbers: one serialises migrations across replicas, one audit appends.
const MIGRATION_LOCK = 7_265_001;
const AUDIT_LOCK = 7_265_002;
// Serialises webhook adds so the count check and the insert are one step across replicas.
const WEBHOOK_LOCK = 7_265_003;

type Q = Pick<pg.PoolClient, 'query'>;

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly writtenRows = new WrittenRows();
  readonly pool: pg.Pool;
  /** Whether PostgreSQL answers: the data plane's gate and the readiness probe read it. */
  readonly health: StoreHealth;
  private readonly schema: string | undefined;
  /** One connection for health probes, so a saturated main pool does not read as an outage. */
  private readonly probePool: pg.Pool;

  constructor(private readonly opts: PostgresStoreOptions) {
    this.schema = opts.schema;
    if (this.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(this.schema)) throw new Error(`invalid schema name ${this.schema}`);
    const deadlines: PgDeadlines = {
      connectTimeoutMs: opts.connectTimeoutMs ?? 2_000,
      queryTimeoutMs: opts.queryTimeoutMs ?? 5_000,
      idleInTransactionMs: opts.idleInTransactionMs ?? 10_000,
    };
    this.health = new StoreHealth({ ...(opts.log ? { log: opts.log } : {}), probe: () => this.ping(1_000) });
    // A lost connection is logged once per incident; the query that used it fails and is retried.
    const onError = (err: Error): void => void this.health.fault(err, 'connection lost');
    this.pool = createPgPool({ url: opts.url, max: opts.poolSize ?? 10, schema: this.schema, onError, ...deadlines });
    this.probePool = createPgPool({ url: opts.url, max: 1, schema: this.schema, onError: () => undefined, ...deadlines });
  }

  async migrate(): Promise<void> {
    await this.tx(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      if (this.schema) await c.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
      await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      const done = new Set((await c.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      for (const m of postgresMigrations) {
        if (done.has(m.version)) continue;
        await c.query(m.sql);
        await c.query('INSERT INTO schema_migrations VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
      }
    });
  }

  async close(): Promise<void> {
    this.health.close();
    await Promise.all([this.pool.end(), this.probePool.end()]);
  }

  /** Resolves if PostgreSQL answers `SELECT 1` within `timeoutMs`; feeds `health` either way. */
  async ping(timeoutMs: number): Promise<void> {
    try {
      await this.probePool.query({ text: 'SELECT 1', query_timeout: timeoutMs } as pg.QueryConfig);
    } catch (err) {
      this.health.probeFailed(err);
      throw err;
    }
    this.health.ok();
  }

  async createTenant(t: Tenant, audit: AuditEvent): Promise<void> {
    await this.write((c) => c.query('INSERT INTO tenants (id, name, created_at) VALUES ($1, $2, $3)', [t.id, t.name, t.createdAt]), [audit]);
  }

  async getTenant(id: string): Promise<Tenant | undefined> {
    const r = (await this.read<{ id: string; name: string; created_at: string }>('SELECT id, name, created_at FROM tenants WHERE id = $1', [id])).rows[0];
    return r && { id: r.id, name: r.name, createdAt: r.created_at };
  }

  async listTenants(): Promise<Tenant[]> {
    const rows = (await this.read<{ id: string; name: string; created_at: string }>('SELECT id, name, created_at FROM tenants ORDER BY created_at, id')).rows;
    return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at }));
  }

  async renameTenant(id: string, name: string, audit: AuditEvent): Promise<Tenant | undefined> {
    let out: Tenant | undefined;
    await this.write(
      async (c) => {
        const r = (await c.query<{ created_at: string }>('UPDATE tenants SET name = $2 WHERE id = $1 RETURNING created_at', [id, name])).rows[0];
        out = r && { id, name, createdAt: r.created_at };
        return out !== undefined;
      },
      [audit],
    );
    return out;
  }

  async deleteTenant(id: string, now: string, audit: AuditEvent): Promise<TenantDeletion> {
    let out: TenantDeletion = { ok: false, reason: 'not_found' };
    await this.write(
      async (c) => {
        // FOR UPDATE conflicts with the KEY SHARE lock a concurrent key insert takes on its tenant row: no key slips in.
        if ((await c.query('SELECT 1 FROM tenants WHERE id = $1 FOR UPDATE', [id])).rowCount === 0) return ((out = { ok: false, reason: 'not_found' }), false);
        const live = (await c.query<{ id: string }>(`SELECT id FROM keys WHERE tenant_id = $1 AND NOT ${DEAD_KEY_SQL('$2')} ORDER BY id`, [id, now])).rows;
        if (live.length > 0) return ((out = { ok: false, reason: 'live_keys', keyIds: live.map((r) => r.id) }), false);
        const dead = (await c.query<{ id: string }>('DELETE FROM keys WHERE tenant_id = $1 RETURNING id', [id])).rows.map((r) => r.id).sort();
        await c.query('DELETE FROM tenants WHERE id = $1', [id]);
        out = { ok: true, deletedKeys: dead };
        return true;
      },
      [audit],
    );
    return out;
  }

  async createCredential(cr: AdminCredential, audit: AuditEvent): Promise<void> {
    const row = credentialToRow(cr);
    const cols = Object.keys(row);
    const sql = `INSERT INTO admin_credentials (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`;
    await this.write((c) => c.query(sql, Object.values(row)), [audit]);
  }

  async getCredential(id: string): Promise<AdminCredential | undefined> {
    const r = (await this.read<CredentialRow>('SELECT * FROM admin_credentials WHERE id = $1', [id])).rows[0];
    return r && rowToCredential(r);
  }

  async listCredentials(): Promise<AdminCredential[]> {
    return (await this.read<CredentialRow>('SELECT * FROM admin_credentials ORDER BY created_at, id')).rows.map(rowToCredential);
  }

  async revokeCredential(id: string, at: string, audit: AuditEvent): Promise<AdminCredential | undefined> {
    let out: AdminCredential | undefined;
    await this.write(
      async (c) => {
        const r = (await c.query<CredentialRow>('UPDATE admin_credentials SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING *', [id, at])).rows[0];
        out = r && rowToCredential(r);
        return out !== undefined;
      },
      [audit],
    );
    return out;
  }

  async listWebhooks(): Promise<StoredWebhook[]> {
    return (await this.read<WebhookRow>('SELECT * FROM webhooks ORDER BY created_at, id')).rows.map(rowToWebhook);
  }

  async createWebhook(w: StoredWebhook, audit: AuditEvent, max: number): Promise<boolean> {
    const row = webhookToRow(w);
    const cols = Object.keys(row);
    const sql = `INSERT INTO webhooks (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`;
    let added = false;
    await this.write(
      async (c) => {
        await c.query('SELECT pg_advisory_xact_lock($1)', [WEBHOOK_LOCK]);
        const n = Number((await c.query<{ n: string }>('SELECT count(*) AS n FROM webhooks')).rows[0]!.n);
        added = n < max;
        if (!added) return false;
        await c.query(sql, Object.values(row));
        return true;
      },
      [audit],
    );
    return added;
  }

  async updateWebhook(id: string, patch: WebhookPatch, audit: AuditEvent): Promise<StoredWebhook | undefined> {
    const cols = WEBHOOK_PATCH_COLUMNS.filter(([k]) => patch[k] !== undefined);
    const sets = [...cols.map(([, c], i) => `${c} = $${i + 2}`), 'id = id'].join(', ');
    let out: StoredWebhook | undefined;
    await this.write(
      async (c) => {
        const r = (await c.query<WebhookRow>(`UPDATE webhooks SET ${sets} WHERE id = $1 RETURNING *`, [id, ...cols.map(([k]) => patch[k])])).rows[0];
        out = r && rowToWebhook(r);
        return out !== undefined;
      },
      [audit],
    );
    return out;
  }

  async deleteWebhook(id: string, audit: AuditEvent): Promise<StoredWebhook | undefined> {
    let out: StoredWebhook | undefined;
    await this.write(
      async (c) => {
        const r = (await c.query<WebhookRow>('DELETE FROM webhooks WHERE id = $1 RETURNING *', [id])).rows[0];
        out = r && rowToWebhook(r);
        return out !== undefined;
      },
      [audit],
    );
    return out;
  }

  async createKey(k: KeyRecord, audit: AuditEvent): Promise<void> {
    const row = toPgRow(keyToRow(k));
    const cols = Object.keys(row);
    const sql = `INSERT INTO keys (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`;
    await this.write((c) => c.query(sql, Object.values(row)), [audit]);
  }

  async getKey(id: string): Promise<KeyRecord | undefined> {
    const r = (await this.read<KeyRow>('SELECT * FROM keys WHERE id = $1', [id])).rows[0];
    return r && rowToKey(r);
  }

  async listKeys(tenantId?: string): Promise<KeyRecord[]> {
    const res =
      tenantId === undefined
        ? await this.read<KeyRow>('SELECT * FROM keys ORDER BY created_at, id')
        : await this.read<KeyRow>('SELECT * FROM keys WHERE tenant_id = $1 ORDER BY created_at, id', [tenantId]);
    return res.rows.map(rowToKey);
  }

  async updateKey(id: string, patch: KeyPatch, audit: AuditEvent, ifVersion?: number): Promise<KeyRecord | undefined> {
    const sets: string[] = ['updated_at = $2', 'version = version + 1'];
    const params: unknown[] = [id, new Date().toISOString()];
    for (const [field, col] of Object.entries(PATCH_COLUMNS)) {
      const v = patch[field as keyof KeyPatch];
      if (v === undefined) continue;
      params.push(patchParam(v));
      sets.push(`${col} = $${params.length}`);
    }
    if (ifVersion !== undefined) params.push(ifVersion);
    const where = ifVersion === undefined ? 'id = $1' : `id = $1 AND version = $${params.length}`;
    let updated: KeyRecord | undefined;
    await this.write(
      async (c) => {
        const r = (await c.query<KeyRow>(`UPDATE keys SET ${sets.join(', ')} WHERE ${where} RETURNING *`, params)).rows[0];
        updated = r && rowToKey(r);
        // No key, no change: the audit event is only written with a real change.
        return updated !== undefined;
      },
      [audit],
    );
    return updated;
  }

  async appendAudit(events: readonly AuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.write(async () => true, events);
  }

  async listAudit(f: { keyId?: string; tenantId?: string; afterSeq?: number; limit?: number }): Promise<StoredAuditEvent[]> {
    const params: unknown[] = [f.afterSeq ?? 0];
    const where = ['seq > $1'];
    if (f.keyId !== undefined) params.push(f.keyId), where.push(`key_id = $${params.length}`);
    if (f.tenantId !== undefined) params.push(f.tenantId), where.push(`tenant_id = $${params.length}`);
    params.push(Math.min(f.limit ?? 1000, 100_000));
    const sql = `SELECT seq, body FROM audit_events WHERE ${where.join(' AND ')} ORDER BY seq LIMIT $${params.length}`;
    return (await this.read<{ seq: string; body: string }>(sql, params)).rows.map(rowToAudit);
  }

  async getSetting(name: string): Promise<string | undefined> {
    return (await this.read<{ value: string }>('SELECT value FROM settings WHERE name = $1', [name])).rows[0]?.value;
  }

  async setSetting(name: string, value: string): Promise<void> {
    await this.attempt(() => this.pool.query('INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value', [name, value]), this.retryOpts());
  }

  async claimSetting(name: string, value: string): Promise<string> {
    // Two replicas claiming at once: one INSERT wins, the other's DO NOTHING leaves the winner's value to read.
    await withRetry(() => this.pool.query('INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, value]), this.retryOpts());
    const stored = await this.getSetting(name);
    if (stored === undefined) throw new Error(`setting ${name} vanished after it was claimed`);
    return stored;
  }

  /**
   * One transaction: the change, then its audit events. Audit inserts hold a lock so that
   * `seq` order is commit order across replicas (a reader paging by seq never skips a row).
   * Retried as a whole through brief outages.
   */
  private async write(change: (c: Q) => Promise<unknown>, audit: readonly AuditEvent[]): Promise<void> {
    let inserted: { seq: number; row: AuditInsertRow }[] = [];
    // onceCommitted: a COMMIT whose answer was lost is looked up, not blindly run again (no event written twice).
    await this.attempt(
      onceCommitted(this.pool, async (c) => {
        inserted = [];
        const res = await change(c);
        if (res === false || audit.length === 0) return;
        await c.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
        inserted = await insertAudit(c, audit);
      }),
      this.retryOpts(),
    );
    // Committed: the sealer may seal these from what we built.
    for (const w of inserted) noteWritten(this.writtenRows, w.seq, w.row);
  }

  private read<R extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>> {
    return this.attempt(() => this.pool.query<R>(sql, params), { ...this.retryOpts(), maxMs: this.opts.readRetryMs ?? 2_000 });
  }

  /** Retried through transient faults; every outcome tells `health` whether the store answers. */
  private async attempt<T>(fn: () => Promise<T>, opts: { maxMs: number; onRetry: (attempt: number, err: unknown) => void }): Promise<T> {
    try {
      const out = await withRetry(fn, opts);
      this.health.ok();
      return out;
    } catch (err) {
      if (!isTransient(err)) throw err;
      this.health.fault(err);
      throw new StoreUnavailableError(err);
    }
  }

  private retryOpts() {
    return {
      maxMs: this.opts.writeRetryMs ?? 15_000,
      // Once per incident, not once per retry: under load an outage would otherwise write thousands of lines.
      onRetry: (_attempt: number, err: unknown) => void this.health.fault(err),
    };
  }

  private tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, fn);
  }
}

async function insertAudit(c: Q, events: readonly AuditEvent[]): Promise<{ seq: number; row: AuditInsertRow }[]> {
  // Caller holds AUDIT_LOCK: max(seq)+1.. is free and a rollback leaves no gap.
  const base = Number((await c.query<{ n: string }>('SELECT COALESCE(MAX(seq), 0) AS n FROM audit_events')).rows[0]?.n ?? 0);
  const inserted: { seq: number; row: AuditInsertRow }[] = [];
  // One multi-row INSERT per chunk (keeps the parameter count under pg's 65535).
  for (let i = 0; i < events.length; i += 1000) {
    const chunk = events.slice(i, i + 1000).map(auditToRow);
    const params: unknown[] = [];
    const values = chunk.map((r, j) => {
      inserted.push({ seq: base + i + j + 1, row: r });
      params.push(base + i + j + 1, r.time, r.kind, r.request_id, r.key_id, r.tenant_id, r.body);
      const n = params.length;
      return `($${n - 6}, $${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
    });
    await c.query(`INSERT INTO audit_events (seq, time, kind, request_id, key_id, tenant_id, body) VALUES ${values.join(', ')}`, params);
  }
  return inserted;
}

/** SQLite stores booleans as 0/1; PostgreSQL has real booleans. */
function toPgRow(r: KeyRow): Record<string, unknown> {
  return { ...r, require_proof: Boolean(r.require_proof), canary: Boolean(r.canary), leaked: Boolean(r.leaked) };
}
