// The storage port. SQLite (default) and PostgreSQL implement it; every method is async.
import type { AuditEvent } from '../audit/event.js';
import type { WrittenRows } from '../audit/written-rows.js';
import type { KeyRecord, Tenant } from '../keys/types.js';

export interface KeyPatch {
  status?: KeyRecord['status'];
  statusReason?: string | null;
  secretHash?: string;
  prevSecretHash?: string | null;
  prevSecretValidUntil?: string | null;
  last4?: string;
  leaked?: boolean;
  requireProof?: boolean;
  /** The whole new list (stored as JSON). */
  proofKeys?: KeyRecord['proofKeys'];
}

export interface StoredAuditEvent extends AuditEvent {
  seq: number;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Resolves if the store answers a trivial query within `timeoutMs` (readiness probe). */
  ping(timeoutMs: number): Promise<void>;

  createTenant(t: Tenant, audit: AuditEvent): Promise<void>;
  getTenant(id: string): Promise<Tenant | undefined>;
  listTenants(): Promise<Tenant[]>;

  /** Writes the key and its admin audit event in one transaction. */
  createKey(k: KeyRecord, audit: AuditEvent): Promise<void>;
  getKey(id: string): Promise<KeyRecord | undefined>;
  listKeys(tenantId?: string): Promise<KeyRecord[]>;
  /** Applies the patch, bumps version and updatedAt, writes the audit event; one transaction. */
  updateKey(id: string, patch: KeyPatch, audit: AuditEvent): Promise<KeyRecord | undefined>;

  /** Leaves of the audit rows this store committed, for the sealer (audit/written-rows.ts). */
  readonly writtenRows?: WrittenRows;
  /** Batched request events (from the background writer). */
  appendAudit(events: readonly AuditEvent[]): Promise<void>;
  listAudit(filter: { keyId?: string; tenantId?: string; afterSeq?: number; limit?: number }): Promise<StoredAuditEvent[]>;

  /** Small settings (admin token hash, pepper id...). */
  getSetting(name: string): Promise<string | undefined>;
  setSetting(name: string, value: string): Promise<void>;
  /** Stores the value only if the name is absent (atomically); returns the value stored now, ours or an earlier one. */
  claimSetting(name: string, value: string): Promise<string>;
}
