// Versioned SQLite migrations: append only; each runs once, in order, in a transaction.
import { auditSqliteMigrations } from '../../audit/sqlite-migrations.js';
import type { Migration } from './migration.js';

/** The same DDL on both backends (TEXT times, as everywhere): a credential's secret is kept only as a peppered hash. */
export const ADMIN_CREDENTIALS_SQL = `
  CREATE TABLE admin_credentials (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    last4 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    revoked_at TEXT
  );
`;

/**
 * Incident webhooks added at run time (the config file's stay in the config). The HMAC secret has to be kept as is
 * to sign with; the admin API never returns it.
 */
export const WEBHOOKS_SQL = `
  CREATE TABLE webhooks (
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    secret TEXT NOT NULL,
    description TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
  );
`;

export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'tenants, keys, audit events, settings',
    sql: `
      CREATE TABLE tenants (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE keys (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        secret_hash TEXT NOT NULL,
        prev_secret_hash TEXT,
        prev_secret_valid_until TEXT,
        last4 TEXT NOT NULL,
        endpoints TEXT NOT NULL,
        models TEXT,
        allowed_cidrs TEXT NOT NULL,
        allowed_asns TEXT NOT NULL,
        limits TEXT NOT NULL,
        require_proof INTEGER NOT NULL,
        canary INTEGER NOT NULL,
        leaked INTEGER NOT NULL,
        status TEXT NOT NULL,
        status_reason TEXT,
        expires_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL
      );
      CREATE INDEX keys_tenant ON keys(tenant_id);
      CREATE TABLE audit_events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        time TEXT NOT NULL,
        kind TEXT NOT NULL,
        request_id TEXT NOT NULL,
        key_id TEXT,
        tenant_id TEXT,
        body TEXT NOT NULL
      );
      CREATE INDEX audit_key ON audit_events(key_id, seq);
      CREATE INDEX audit_tenant ON audit_events(tenant_id, seq);
      CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
  {
    version: 2,
    name: 'keys: proof-of-possession public keys',
    sql: `ALTER TABLE keys ADD COLUMN proof_keys TEXT NOT NULL DEFAULT '[]';`,
  },
  {
    version: 3,
    name: 'named admin credentials',
    sql: ADMIN_CREDENTIALS_SQL,
  },
  { version: 4, name: 'incident webhooks', sql: WEBHOOKS_SQL },
  // Audit domain tables (versions 101+), owned by src/audit/sqlite-migrations.ts.
  ...auditSqliteMigrations,
];
