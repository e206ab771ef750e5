// Row <-> record mapping shared by the SQL backends (column names are the same in both).
import { eventBody } from '../audit/event-body.js';
import type { AuditEvent } from '../audit/event.js';
import type { WrittenRows } from '../audit/written-rows.js';
import type { KeyRecord } from '../keys/types.js';
import type { AdminCredential, StoredAuditEvent, StoredWebhook } from './port.js';

export interface KeyRow {
  id: string;
  tenant_id: string;
  name: string;
  type: string;
  secret_hash: string;
  prev_secret_hash: string | null;
  prev_secret_valid_until: string | null;
  last4: string;
  endpoints: string;
  models: string | null;
  allowed_cidrs: string;
  allowed_asns: string;
  limits: string;
  require_proof: number | boolean;
  /** JSON array of ProofKey (migration 2). */
  proof_keys: string;
  canary: number | boolean;
  leaked: number | boolean;
  status: string;
  status_reason: string | null;
  expires_at: string | null;
  created_at: string;
  updated_at: string;
  version: number | string;
}

export function keyToRow(k: KeyRecord): KeyRow {
  return {
    id: k.id,
    tenant_id: k.tenantId,
    name: k.name,
    type: k.type,
    secret_hash: k.secretHash,
    prev_secret_hash: k.prevSecretHash,
    prev_secret_valid_until: k.prevSecretValidUntil,
    last4: k.last4,
    endpoints: JSON.stringify(k.endpoints),
    models: k.models === null ? null : JSON.stringify(k.models),
    allowed_cidrs: JSON.stringify(k.allowedCidrs),
    allowed_asns: JSON.stringify(k.allowedAsns),
    limits: JSON.stringify(k.limits),
    require_proof: k.requireProof ? 1 : 0,
    proof_keys: JSON.stringify(k.proofKeys ?? []),
    canary: k.canary ? 1 : 0,
    leaked: k.leaked ? 1 : 0,
    status: k.status,
    status_reason: k.statusReason,
    expires_at: k.expiresAt,
    created_at: k.createdAt,
    updated_at: k.updatedAt,
    version: k.version,
  };
}

export function rowToKey(r: KeyRow): KeyRecord {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    name: r.name,
    type: r.type as KeyRecord['type'],
    secretHash: r.secret_hash,
    prevSecretHash: r.prev_secret_hash,
    prevSecretValidUntil: r.prev_secret_valid_until,
    last4: r.last4,
    endpoints: JSON.parse(r.endpoints),
    models: r.models === null ? null : JSON.parse(r.models),
    allowedCidrs: JSON.parse(r.allowed_cidrs),
    allowedAsns: JSON.parse(r.allowed_asns),
    limits: JSON.parse(r.limits),
    requireProof: Boolean(r.require_proof),
    proofKeys: JSON.parse(r.proof_keys ?? '[]'),
    canary: Boolean(r.canary),
    leaked: Boolean(r.leaked),
    status: r.status as KeyRecord['status'],
    statusReason: r.status_reason,
    expiresAt: r.expires_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: Number(r.version),
  };
}

export const PATCH_COLUMNS = {
  status: 'status',
  statusReason: 'status_reason',
  secretHash: 'secret_hash',
  prevSecretHash: 'prev_secret_hash',
  prevSecretValidUntil: 'prev_secret_valid_until',
  last4: 'last4',
  leaked: 'leaked',
  requireProof: 'require_proof',
  proofKeys: 'proof_keys',
  name: 'name',
  endpoints: 'endpoints',
  models: 'models',
  allowedCidrs: 'allowed_cidrs',
  limits: 'limits',
  expiresAt: 'expires_at',
} as const;

export interface CredentialRow {
  id: string;
  name: string;
  role: string;
  secret_hash: string;
  last4: string;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
}

export function rowToCredential(r: CredentialRow): AdminCredential {
  return { id: r.id, name: r.name, role: r.role as AdminCredential['role'], secretHash: r.secret_hash, last4: r.last4, createdAt: r.created_at, createdBy: r.created_by, revokedAt: r.revoked_at };
}

export function credentialToRow(c: AdminCredential): CredentialRow {
  return { id: c.id, name: c.name, role: c.role, secret_hash: c.secretHash, last4: c.last4, created_at: c.createdAt, created_by: c.createdBy, revoked_at: c.revokedAt };
}

export interface WebhookRow {
  id: string;
  url: string;
  secret: string;
  description: string;
  created_at: string;
  created_by: string;
}

export function rowToWebhook(r: WebhookRow): StoredWebhook {
  return { id: r.id, url: r.url, secret: r.secret, description: r.description, createdAt: r.created_at, createdBy: r.created_by };
}

/** The fields a webhook PATCH may change, with their columns (fixed names: never from input). */
export const WEBHOOK_PATCH_COLUMNS = [
  ['url', 'url'],
  ['secret', 'secret'],
  ['description', 'description'],
] as const;

export function webhookToRow(w: StoredWebhook): WebhookRow {
  return { id: w.id, url: w.url, secret: w.secret, description: w.description, created_at: w.createdAt, created_by: w.createdBy };
}

/** Key rows that may go with their tenant: revoked, or expired at `now`. */
export const DEAD_KEY_SQL = (now: string): string => `(status = 'revoked' OR (expires_at IS NOT NULL AND expires_at <= ${now}))`;

/** A patch value as a SQL parameter: lists as JSON text (booleans are the backend's business). */
export function patchParam(v: unknown): unknown {
  return typeof v === 'object' && v !== null ? JSON.stringify(v) : v;
}

/** An audit_events row as the writer builds it. */
export interface AuditInsertRow {
  readonly time: string;
  readonly kind: string;
  readonly request_id: string;
  readonly key_id: string | null;
  readonly tenant_id: string | null;
  readonly body: string;
}

export function auditToRow(e: AuditEvent): AuditInsertRow {
  return { time: e.time, kind: e.kind, request_id: e.requestId, key_id: e.keyId ?? null, tenant_id: e.tenantId ?? null, body: eventBody(e) };
}

/**
 * Once its transaction has committed: the sealer may seal row `seq` from what we built. Only
 * well-typed columns can equal what the body says; a row with odd ones is read back and checked.
 */
export function noteWritten(written: WrittenRows, seq: number, row: AuditInsertRow): void {
  const nullableText = (v: unknown): boolean => v === null || typeof v === 'string';
  if (typeof row.time === 'string' && typeof row.kind === 'string' && typeof row.request_id === 'string' && nullableText(row.key_id) && nullableText(row.tenant_id)) {
    written.note(seq, row.body);
  }
}

export function rowToAudit(r: { seq: number | string; body: string }): StoredAuditEvent {
  return { ...(JSON.parse(r.body) as AuditEvent), seq: Number(r.seq) };
}
