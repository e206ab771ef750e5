// The one place a storage backend is chosen: the config's store kind gives the core Store and, on the same
// database, every domain's adapter (the audit log, risk profiles and incidents), with the connection's health
// where it has one. A domain never asks which backend it runs on; it is handed its adapter.
import { join } from 'node:path';
import { PostgresAuditLog } from '../audit/log-postgres.js';
import type { AuditLogStore } from '../audit/log-port.js';
import { SqliteAuditLog } from '../audit/log-sqlite.js';
import type { Config } from '../config/schema.js';
import type { Logger } from '../log.js';
import type { RiskStore } from '../risk/profile-store.js';
import { PostgresRiskStore } from '../risk/profile-store-postgres.js';
import { SqliteRiskStore } from '../risk/profile-store-sqlite.js';
import type { StoreHealth } from '../store/postgres/health.js';
import { PostgresStore } from '../store/postgres/store.js';
import type { Store } from '../store/port.js';
import { SqliteStore } from '../store/sqlite/store.js';

export interface Storage {
  readonly store: Store;
  readonly auditLog: AuditLogStore;
  readonly risk: RiskStore;
  /** Whether the database answers: PostgreSQL only (an SQLite file is never "down"). */
  readonly health: StoreHealth | undefined;
}

export function sqliteStorage(store: SqliteStore): Storage {
  return { store, auditLog: new SqliteAuditLog(store.db), risk: new SqliteRiskStore(store.db), health: undefined };
}

export function postgresStorage(store: PostgresStore): Storage {
  return { store, auditLog: new PostgresAuditLog(store.pool), risk: new PostgresRiskStore(store.pool), health: store.health };
}

/** The local SQLite store the config names (the CLI's offline commands use it directly). */
export function openSqliteStorage(config: Config): Storage {
  if (config.store.kind !== 'sqlite') throw new Error('this command works on the local SQLite store; use the admin API for PostgreSQL');
  return sqliteStorage(new SqliteStore(config.store.path ?? join(config.dataDir, 'warden.db')));
}

export function openStorage(config: Config, log?: Logger): Storage {
  if (config.store.kind === 'sqlite') return openSqliteStorage(config);
  const { kind: _kind, ...pgOpts } = config.store;
  return postgresStorage(new PostgresStore({ ...pgOpts, ...(log ? { log } : {}) }));
}
