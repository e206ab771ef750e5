// Versioned PostgreSQL migrations: the same tables, columns and versions as migrations/sqlite.ts.
import type { Migration } from '../migrations/migration.js';
import { ADMIN_CREDENTIALS_SQL, WEBHOOKS_SQL } from '../migrations/sqlite.js';

// Times stay ISO TEXT (as in SQLite) so ordering and round-trips are identical on both
// backends; the audit body stays TEXT so its bytes are exactly what was hashed. audit_events.seq
// is assigned by the store under a lock (not a sequence), so it is contiguous in commit order
// across replicas: the Merkle leaf index is seq - 1 (audit/log-port.ts).
export const postgresMigrations: readonly Migration[] = [
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
        require_proof BOOLEAN NOT NULL,
        canary BOOLEAN NOT NULL,
        leaked BOOLEAN NOT NULL,
        status TEXT NOT NULL,
        status_reason TEXT,
        expires_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version BIGINT NOT NULL
      );
      CREATE INDEX keys_tenant ON keys(tenant_id);
      CREATE TABLE audit_events (
        seq BIGINT PRIMARY KEY,
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
  { version: 3, name: 'named admin credentials', sql: ADMIN_CREDENTIALS_SQL },
  { version: 4, name: 'incident webhooks', sql: WEBHOOKS_SQL },
  // Mirrors src/audit/sqlite-migrations.ts (version 101).
  {
    version: 101,
    name: 'audit: row seals, signed checkpoints, encrypted text',
    sql: `
      CREATE TABLE audit_seals (seq BIGINT PRIMARY KEY, seal BYTEA NOT NULL);
      CREATE TABLE audit_checkpoints (
        tree_size BIGINT PRIMARY KEY,
        root TEXT NOT NULL,
        time TEXT NOT NULL,
        key_id TEXT NOT NULL,
        signature TEXT NOT NULL,
        frontier TEXT NOT NULL
      );
      CREATE TABLE audit_texts (
        request_id TEXT NOT NULL,
        field TEXT NOT NULL,
        blob BYTEA NOT NULL,
        expires_at TEXT NOT NULL,
        PRIMARY KEY (request_id, field)
      );
      CREATE INDEX audit_texts_expiry ON audit_texts(expires_at);
      CREATE INDEX audit_time ON audit_events(time);
    `,
  },
];
