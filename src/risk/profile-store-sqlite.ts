// SQLite implementation of the risk state port: its own tables, created idempotently on the store's database.
import type Database from 'better-sqlite3';
import type { Incident } from './incidents.js';
import type { KeyProfile } from './profile.js';
import type { IncidentFilter, RiskStore } from './profile-store.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS risk_profiles (key_id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, updated_at INTEGER NOT NULL, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS risk_incidents (
  id TEXT PRIMARY KEY, key_id TEXT NOT NULL, tenant_id TEXT NOT NULL, status TEXT NOT NULL,
  first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS risk_incidents_key ON risk_incidents (key_id, last_seen);
CREATE INDEX IF NOT EXISTS risk_incidents_last ON risk_incidents (last_seen);
`;

export class SqliteRiskStore implements RiskStore {
  readonly #load: Database.Statement;
  readonly #save: Database.Statement;
  readonly #saveInc: Database.Statement;
  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
    this.#load = db.prepare('SELECT body FROM risk_profiles WHERE key_id = ?');
    this.#save = db.prepare(
      'INSERT INTO risk_profiles (key_id, tenant_id, updated_at, body) VALUES (?, ?, ?, ?) ON CONFLICT(key_id) DO UPDATE SET updated_at = excluded.updated_at, body = excluded.body',
    );
    this.#saveInc = db.prepare(
      'INSERT INTO risk_incidents (id, key_id, tenant_id, status, first_seen, last_seen, body) VALUES (@id, @keyId, @tenantId, @status, @firstSeen, @lastSeen, @body) ' +
        'ON CONFLICT(id) DO UPDATE SET status = excluded.status, last_seen = excluded.last_seen, body = excluded.body',
    );
  }

  async load(keyId: string): Promise<KeyProfile | undefined> {
    const row = this.#load.get(keyId) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as KeyProfile) : undefined;
  }

  async save(batch: readonly KeyProfile[]): Promise<void> {
    if (batch.length === 0 || !this.db.open) return;
    this.db.transaction(() => {
      for (const p of batch) this.#save.run(p.keyId, p.tenantId, p.last, JSON.stringify(p));
    })();
  }

  async saveIncidents(batch: readonly Incident[]): Promise<void> {
    if (batch.length === 0 || !this.db.open) return;
    this.db.transaction(() => {
      for (const i of batch) this.#saveInc.run({ ...i, body: JSON.stringify(i) });
    })();
  }

  async listIncidents(f: IncidentFilter): Promise<Incident[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (f.keyId) where.push('key_id = ?'), args.push(f.keyId);
    if (f.tenantId) where.push('tenant_id = ?'), args.push(f.tenantId);
    if (f.status) where.push('status = ?'), args.push(f.status);
    const sql = `SELECT body FROM risk_incidents ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY last_seen DESC LIMIT ?`;
    args.push(Math.min(Math.max(f.limit ?? 100, 1), 1000));
    return (this.db.prepare(sql).all(...args) as { body: string }[]).map((r) => JSON.parse(r.body) as Incident);
  }
}
