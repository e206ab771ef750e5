// Key lifecycle: create, rotate with grace, revoke, suspend, reinstate. Each change is audited in the same transaction.
import type { AuditEvent } from '../audit/event.js';
import type { Deps } from '../deps.js';
import type { Endpoint } from '../api.js';
import type { KeyPatch } from '../store/port.js';
import { formatKey, newKid, newSecret } from './format.js';
import { hashSecret } from './hash.js';
import { effectiveStatus } from './verify.js';
import type { KeyLimits, KeyRecord, ProofKey } from './types.js';

export interface CreateKeyInput {
  tenantId: string;
  name: string;
  type?: 'live' | 'test';
  endpoints: Endpoint[];
  models?: string[] | null;
  expiresAt?: string | null;
  allowedCidrs?: string[];
  allowedAsns?: number[];
  canary?: boolean;
  requireProof?: boolean;
  /** Already checked and thumbprinted (proof/bind.ts). */
  proofKeys?: ProofKey[];
  limits?: KeyLimits;
}

export interface AdminActor {
  actor: string;
  requestId: string;
  clientIp?: string;
}

export function adminEvent(a: AdminActor, action: string, k: { keyId?: string; tenantId?: string }, detail?: unknown): AuditEvent {
  return {
    time: new Date().toISOString(),
    kind: 'admin',
    requestId: a.requestId,
    action,
    actor: a.actor,
    keyId: k.keyId ?? null,
    tenantId: k.tenantId ?? null,
    ...(a.clientIp ? { clientIp: a.clientIp } : {}),
    ...(detail !== undefined ? { detail } : {}),
  };
}

/** What an admin may see of a key: never the secret hash. */
export function publicKey(k: KeyRecord, now = Date.now()) {
  const { secretHash: _s, prevSecretHash: _p, ...rest } = k;
  return { ...rest, status: effectiveStatus(k, now) };
}

export function newKeyRecord(input: CreateKeyInput, pepper: string, now = new Date()): { record: KeyRecord; key: string } {
  const kid = newKid();
  const secret = newSecret();
  const type = input.type ?? 'live';
  const key = formatKey(type === 'live' ? 'l' : 't', kid, secret);
  const iso = now.toISOString();
  const record: KeyRecord = {
    id: kid,
    tenantId: input.tenantId,
    name: input.name,
    type,
    secretHash: hashSecret(pepper, secret),
    prevSecretHash: null,
    prevSecretValidUntil: null,
    last4: key.slice(-4),
    endpoints: [...new Set(input.endpoints)],
    models: input.models ?? null,
    allowedCidrs: input.allowedCidrs ?? [],
    allowedAsns: input.allowedAsns ?? [],
    limits: input.limits ?? {},
    requireProof: input.requireProof ?? false,
    proofKeys: input.proofKeys ?? [],
    canary: input.canary ?? false,
    leaked: false,
    status: 'active',
    statusReason: null,
    expiresAt: input.expiresAt ?? null,
    createdAt: iso,
    updatedAt: iso,
    version: 1,
  };
  return { record, key };
}

/** Never in an audit event: hashes of secrets (a hash of a short secret is a guessing oracle). */
const SECRET_FIELDS = new Set(['secretHash', 'prevSecretHash']);

/**
 * The fields a patch changes, before and after (secret hashes named, never shown; proof keys as thumbprints):
 * what an auditor needs to see what an admin did to a key.
 */
export function beforeAfter(before: KeyRecord, patch: KeyPatch): { before: Record<string, unknown>; after: Record<string, unknown> } | Record<string, never> {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  const show = (field: string, v: unknown): unknown =>
    SECRET_FIELDS.has(field) ? (v === null ? null : '(changed)') : field === 'proofKeys' ? ((v as ProofKey[] | undefined)?.map((p) => p.thumbprint) ?? []) : (v ?? null);
  for (const [field, next] of Object.entries(patch)) {
    if (next === undefined) continue;
    const prev = (before as unknown as Record<string, unknown>)[field];
    if (JSON.stringify(prev ?? null) === JSON.stringify(next ?? null)) continue;
    b[field] = SECRET_FIELDS.has(field) ? (prev === null ? null : '(set)') : show(field, prev);
    a[field] = show(field, next);
  }
  return Object.keys(a).length ? { before: b, after: a } : {};
}

export class KeyService {
  constructor(private readonly deps: Pick<Deps, 'store' | 'pepper' | 'keyChanged'>) {}

  async create(input: CreateKeyInput, a: AdminActor): Promise<{ record: KeyRecord; key: string }> {
    const made = newKeyRecord(input, this.deps.pepper);
    const { record } = made;
    await this.deps.store.createKey(
      record,
      adminEvent(
        a,
        'key.create',
        { keyId: record.id, tenantId: record.tenantId },
        {
          name: record.name,
          endpoints: record.endpoints,
          canary: record.canary,
          ...(record.requireProof || record.proofKeys?.length ? { requireProof: record.requireProof, proofKeys: record.proofKeys?.map((p) => p.thumbprint) } : {}),
        },
      ),
    );
    return made;
  }

  private async patch(id: string, patch: KeyPatch, a: AdminActor, action: string, detail?: Record<string, unknown>): Promise<KeyRecord | undefined> {
    const before = await this.deps.store.getKey(id);
    if (!before) return undefined;
    const after = await this.deps.store.updateKey(id, patch, adminEvent(a, action, { keyId: id, tenantId: before.tenantId }, { ...detail, ...beforeAfter(before, patch) }));
    if (after) this.deps.keyChanged(id, after.version);
    return after;
  }

  revoke(id: string, a: AdminActor, reason?: string): Promise<KeyRecord | undefined> {
    return this.patch(id, { status: 'revoked', statusReason: reason ?? null, prevSecretHash: null, prevSecretValidUntil: null }, a, 'key.revoke', { reason: reason ?? null });
  }

  suspend(id: string, a: AdminActor, reason?: string): Promise<KeyRecord | undefined> {
    return this.patch(id, { status: 'suspended', statusReason: reason ?? null }, a, 'key.suspend', { reason: reason ?? null });
  }

  async reinstate(id: string, a: AdminActor): Promise<KeyRecord | undefined | 'revoked'> {
    const k = await this.deps.store.getKey(id);
    if (k?.status === 'revoked') return 'revoked';
    return this.patch(id, { status: 'active', statusReason: null }, a, 'key.reinstate');
  }

  async setLeaked(id: string, leaked: boolean, a: AdminActor, source: string): Promise<KeyRecord | undefined> {
    return this.patch(id, { leaked }, a, leaked ? 'key.leaked' : 'key.leak_cleared', { source });
  }

  /**
   * Proof keys and `requireProof` as one change: `proofKeys` is the whole new list (bind.ts merges from `before`),
   * audited as a bind, an unbind or a setting change with the thumbprints involved. Applied only while the key
   * is still at `before.version`: undefined when another edit got there first (the caller reads again and
   * recomputes), so two concurrent binds on one key both land instead of one overwriting the other's list.
   */
  async setProof(
    before: KeyRecord,
    change: { proofKeys?: ProofKey[]; requireProof?: boolean },
    a: AdminActor,
    action: 'key.proof_keys.bind' | 'key.proof_keys.unbind' | 'key.require_proof',
    detail: Record<string, unknown>,
  ): Promise<KeyRecord | undefined> {
    const after = await this.deps.store.updateKey(
      before.id,
      change,
      adminEvent(a, action, { keyId: before.id, tenantId: before.tenantId }, { ...detail, ...beforeAfter(before, change) }),
      before.version,
    );
    if (after) this.deps.keyChanged(before.id, after.version);
    return after;
  }

  /** An edit of the key's settings (PATCH /admin/v1/keys/{id}); the cache drops the key on every replica. */
  update(id: string, change: KeyPatch, a: AdminActor): Promise<KeyRecord | undefined> {
    return this.patch(id, change, a, 'key.update');
  }

  /** New secret, same kid: the old secret keeps working until the grace period ends. */
  async rotate(id: string, graceSeconds: number, a: AdminActor): Promise<{ record: KeyRecord; key: string } | undefined | 'revoked'> {
    const k = await this.deps.store.getKey(id);
    if (!k) return undefined;
    if (k.status === 'revoked') return 'revoked';
    const secret = newSecret();
    const key = formatKey(k.type === 'live' ? 'l' : 't', k.id, secret);
    const validUntil = new Date(Date.now() + graceSeconds * 1000).toISOString();
    const record = await this.patch(
      id,
      { secretHash: hashSecret(this.deps.pepper, secret), prevSecretHash: graceSeconds > 0 ? k.secretHash : null, prevSecretValidUntil: graceSeconds > 0 ? validUntil : null, last4: key.slice(-4) },
      a,
      'key.rotate',
      { graceSeconds },
    );
    return record && { record, key };
  }
}
