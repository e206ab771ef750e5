// Whether the audit log gets its own thread. SQLite only: there, committing and hashing are CPU in the request
// thread (better-sqlite3 is synchronous), and a second connection to the same WAL file is cheap. PostgreSQL's
// commit already waits off-thread on the network, and a per-thread pool would add connections to every replica.
import type { AuditConfig } from './config.js';

export type WorkerChoice = { use: true; path: string } | { use: false; why?: string };

export function auditWorkerChoice(setting: AuditConfig['worker'], cores: number, store: { kind: string; file?: string | undefined }): WorkerChoice {
  if (setting === 'off' || (setting === 'auto' && cores < 2)) return { use: false };
  const off = (why: string): WorkerChoice => (setting === 'on' ? { use: false, why } : { use: false });
  if (store.kind !== 'sqlite') return off('audit.worker applies to SQLite only; PostgreSQL writes the audit log from the request thread');
  // An in-memory database is private to its connection: another thread cannot reach it.
  if (!store.file || store.file === ':memory:') return off('audit.worker needs an SQLite file, not an in-memory database');
  return { use: true, path: store.file };
}
