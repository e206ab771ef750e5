// PostgreSQL twin of the risk state port: same two tables, created idempotently.
import type pg from 'pg';
import type { Incident } from './incidents.js';
import type { KeyProfile } from './profile.js';
import type { IncidentFilter, RiskStore } from './profile-store.js';

// Replicas start together: serialise the DDL (concurrent CREATE TABLE IF NOT EXISTS races in pg_type).
const SCHEMA = `
BEGIN;
SELECT pg_advisory_xact_lock(hashtext('warden_risk_schema'));
CREATE TABLE IF NOT EXISTS risk_profiles (key_id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, updated_at BIGINT NOT NULL, body JSONB NOT NULL);
CREATE TABLE IF NOT EXISTS risk_incidents (
  id TEXT PRIMARY KEY, key_id TEXT NOT NULL, tenant_id TEXT NOT NULL, status TEXT NOT NULL,
  first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, body JSONB NOT NULL);
CREATE INDEX IF NOT EXISTS risk_incidents_key ON risk_incidents (key_id, last_seen);
COMMIT;
`;

export class PostgresRiskStore implements RiskStore {
  #ready: Promise<unknown> | undefined;
  constructor(private readonly pool: pg.Pool) {}

  #init(): Promise<unknown> {
    this.#ready ??= this.pool.query(SCHEMA).catch((err: unknown) => {
      this.#ready = undefined; // a brief outage must not poison every later call
      throw err;
    });
    return this.#ready;
  }

  async load(keyId: string): Promise<KeyProfile | undefined> {
    await this.#init();
    const r = await this.pool.query<{ body: KeyProfile }>('SELECT body FROM risk_profiles WHERE key_id = $1', [keyId]);
    return r.rows[0]?.body;
  }

  async save(batch: readonly KeyProfile[]): Promise<void> {
    if (batch.length === 0) return;
    await this.#init();
    await this.pool.query(
      `INSERT INTO risk_profiles (key_id, tenant_id, updated_at, body)
       SELECT * FROM UNNEST($1::text[], $2::text[], $3::bigint[], $4::jsonb[])
       ON CONFLICT (key_id) DO UPDATE SET updated_at = EXCLUDED.updated_at, body = EXCLUDED.body`,
      [batch.map((p) => p.keyId), batch.map((p) => p.tenantId), batch.map((p) => p.last), batch.map((p) => JSON.stringify(p))],
    );
  }

  async saveIncidents(batch: readonly Incident[]): Promise<void> {
    if (batch.length === 0) return;
    await this.#init();
    for (const i of batch) {
      await this.pool.query(
        `INSERT INTO risk_incidents (id, key_id, tenant_id, status, first_seen, last_seen, body) VALUES ($1,$2,$3,$4,$5,$6,$7)
         ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, last_seen = EXCLUDED.last_seen, body = EXCLUDED.body`,
        [i.id, i.keyId, i.tenantId, i.status, i.firstSeen, i.lastSeen, JSON.stringify(i)],
      );
    }
  }

  async listIncidents(f: IncidentFilter): Promise<Incident[]> {
    await this.#init();
    const where: string[] = [];
    const args: unknown[] = [];
    if (f.keyId) args.push(f.keyId), where.push(`key_id = $${args.length}`);
    if (f.tenantId) args.push(f.tenantId), where.push(`tenant_id = $${args.length}`);
    if (f.status) args.push(f.status), where.push(`status = $${args.length}`);
    args.push(Math.min(Math.max(f.limit ?? 100, 1), 1000));
    const r = await this.pool.query<{ body: Incident }>(`SELECT body FROM risk_incidents ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY last_seen DESC LIMIT $${args.length}`, args);
    return r.rows.map((x) => x.body);
  }
}
