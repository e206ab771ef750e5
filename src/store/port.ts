// The storage port. SQLite (default) and PostgreSQL implement it; every method is async. src/backends/storage.ts picks the
// backend and, on the same database, the domains' adapters (audit log, risk state): nothing else asks which it is.
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
  /** Editable settings (PATCH /admin/v1/keys/{id}). */
  name?: string;
  endpoints?: KeyRecord['endpoints'];
  models?: KeyRecord['models'];
  allowedCidrs?: KeyRecord['allowedCidrs'];
  limits?: KeyRecord['limits'];
  expiresAt?: string | null;
}

export type AdminRole = 'admin' | 'viewer';

/** A named admin credential: its token is shown once; only a peppered hash of the secret is kept. */
export interface AdminCredential {
  /** The token's kid: public, safe to log (actor `cred:<id>`). */
  readonly id: string;
  readonly name: string;
  readonly role: AdminRole;
  readonly secretHash: string;
  readonly last4: string;
  readonly createdAt: string;
  /** The actor that created it. */
  readonly createdBy: string;
  readonly revokedAt: string | null;
}

/** An incident webhook added through the admin API. `secret` signs deliveries and never leaves the gateway. */
export interface StoredWebhook {
  readonly id: string;
  readonly url: string;
  readonly secret: string;
  readonly description: string;
  readonly createdAt: string;
  /** The actor that added it. */
  readonly createdBy: string;
}

export type WebhookPatch = Partial<Pick<StoredWebhook, 'url' | 'secret' | 'description'>>;

/** Outcome of deleting a tenant: refused while any key is still usable (active or suspended, not expired). */
export type TenantDeletion = { ok: true; deletedKeys: string[] } | { ok: false; reason: 'not_found' } | { ok: false; reason: 'live_keys'; keyIds: string[] };

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
  /** Renames the tenant and writes the audit event; one transaction. */
  renameTenant(id: string, name: string, audit: AuditEvent): Promise<Tenant | undefined>;
  /**
   * Deletes the tenant with its revoked or expired key records and writes the audit event, in one transaction;
   * refused (nothing changes) while a key is live at `now` (ISO).
   */
  deleteTenant(id: string, now: string, audit: AuditEvent): Promise<TenantDeletion>;

  createCredential(c: AdminCredential, audit: AuditEvent): Promise<void>;
  getCredential(id: string): Promise<AdminCredential | undefined>;
  listCredentials(): Promise<AdminCredential[]>;
  /** Marks it revoked at `at` with the audit event; undefined when absent or already revoked (no event then). */
  revokeCredential(id: string, at: string, audit: AuditEvent): Promise<AdminCredential | undefined>;

  /** Run-time webhooks, oldest first (every replica reads the same list). */
  listWebhooks(): Promise<StoredWebhook[]>;
  /**
   * Adds it with its audit event, in one transaction, unless `max` webhooks are stored already
   * (checked inside the transaction, so concurrent adds on any replica cannot overshoot); false then, no event.
   */
  createWebhook(w: StoredWebhook, audit: AuditEvent, max: number): Promise<boolean>;
  /** Changes the given fields with the audit event, in one transaction; undefined when absent (no event then). */
  updateWebhook(id: string, patch: WebhookPatch, audit: AuditEvent): Promise<StoredWebhook | undefined>;
  /** Removes it with its audit event; undefined when absent (no event then). */
  deleteWebhook(id: string, audit: AuditEvent): Promise<StoredWebhook | undefined>;

  /** Writes the key and its admin audit event in one transaction. */
  createKey(k: KeyRecord, audit: AuditEvent): Promise<void>;
  getKey(id: string): Promise<KeyRecord | undefined>;
  listKeys(tenantId?: string): Promise<KeyRecord[]>;
  /**
   * Applies the patch, bumps version and updatedAt, writes the audit event; one transaction.
   * With `ifVersion`, only while the stored version is still that one (a read-modify-write that lost a race
   * gets undefined and no event, and reads again).
   */
  updateKey(id: string, patch: KeyPatch, audit: AuditEvent, ifVersion?: number): Promise<KeyRecord | undefined>;

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
