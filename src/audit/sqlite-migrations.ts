// The audit domain's SQLite tables (seals, checkpoints, kept text), registered in store/migrations/sqlite.ts.
import type { Migration } from '../store/migrations/migration.js';

export const auditSqliteMigrations: readonly Migration[] = [
  {
    version: 101,
    name: 'audit: row seals, signed checkpoints, encrypted text',
    sql: `
      CREATE TABLE audit_seals (seq INTEGER PRIMARY KEY, seal BLOB NOT NULL);
      CREATE TABLE audit_checkpoints (
        tree_size INTEGER PRIMARY KEY,
        root TEXT NOT NULL,
        time TEXT NOT NULL,
        key_id TEXT NOT NULL,
        signature TEXT NOT NULL,
        frontier TEXT NOT NULL
      );
      CREATE TABLE audit_texts (
        request_id TEXT NOT NULL,
        field TEXT NOT NULL,
        blob BLOB NOT NULL,
        expires_at TEXT NOT NULL,
        PRIMARY KEY (request_id, field)
      );
      CREATE INDEX audit_texts_expiry ON audit_texts(expires_at);
      CREATE INDEX audit_time ON audit_events(time);
    `,
  },
  {
    version: 102,
    name: 'audit: drop the time index',
    // Every commit rewrote one more index page for it, on the request path. Time ranges are
    // only ever asked together with a key, tenant or incident, which have their own way in.
    sql: 'DROP INDEX IF EXISTS audit_time;',
  },
];
