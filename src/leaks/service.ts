// Leak response: a reported token is confirmed against the store, then handled by policy. Every reporter lands here.
import { createHash } from 'node:crypto';
import type { Deps } from '../deps.js';
import { parseKey } from '../keys/format.js';
import { hashSecret, sameHash } from '../keys/hash.js';
import { KeyService, type AdminActor } from '../keys/service.js';
import type { KeyRecord } from '../keys/types.js';
import { effectiveStatus } from '../keys/verify.js';

export type Label = 'true_positive' | 'false_positive';
export type LeakAction = 'suspended' | 'revoked' | 'flagged' | 'none';

export interface LeakWhere {
  /** Who reported: `github`, `warden-scan`, `admin`… */
  readonly reporter: string;
  readonly url: string | null;
  readonly source: string | null;
}

export interface LeakOutcome {
  readonly token_hash: string;
  readonly label: Label;
  readonly keyId: string | null;
  /** The key's status before this report (`rotated`: a secret rotated out, grace over); null for a false positive. */
  readonly status: string | null;
  readonly action: LeakAction;
  readonly incidentId: string | null;
}

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Pure: is the token this key's secret, and does it still open the key? A token matching a secret rotated out
 * (grace over) is a real leak that no longer works: labelled, nothing done.
 */
export function classify(k: KeyRecord, secret: string, pepper: string, now: number): 'no_match' | 'stale' | 'usable' {
  const h = hashSecret(pepper, secret);
  if (sameHash(h, k.secretHash)) return 'usable';
  if (k.prevSecretHash === null || !sameHash(h, k.prevSecretHash)) return 'no_match';
  return k.prevSecretValidUntil !== null && Date.parse(k.prevSecretValidUntil) > now ? 'usable' : 'stale';
}

export class LeakService {
  readonly #keys: KeyService;
  constructor(private readonly deps: Pick<Deps, 'store' | 'pepper' | 'keyChanged' | 'risk' | 'log' | 'config'>) {
    this.#keys = new KeyService(deps);
  }

  /** One outcome per token, in order; a token repeated in a batch is handled once. `dryRun`: classify only, change nothing. */
  async report(tokens: readonly string[], where: LeakWhere, requestId: string, dryRun = false): Promise<LeakOutcome[]> {
    const done = new Map<string, LeakOutcome>();
    const out: LeakOutcome[] = [];
    for (const t of tokens) {
      let o = done.get(t);
      if (!o) done.set(t, (o = await this.#one(t, where, requestId, dryRun)));
      out.push(o);
    }
    return out;
  }

  async #one(token: string, where: LeakWhere, requestId: string, dryRun: boolean): Promise<LeakOutcome> {
    const token_hash = tokenHash(token);
    const miss: LeakOutcome = { token_hash, label: 'false_positive', keyId: null, status: null, action: 'none', incidentId: null };
    const p = parseKey(token);
    // Admin tokens (wdn_a_) are not keys in the store; checksum failures are not ours at all.
    if (!p.ok || p.type === 'a') return miss;
    const k = await this.deps.store.getKey(p.kid);
    if (!k) return miss;
    const now = Date.now();
    const match = classify(k, p.secret, this.deps.pepper, now);
    if (match === 'no_match') return miss;
    const status = effectiveStatus(k, now);
    const hit = { token_hash, label: 'true_positive' as const, keyId: k.id, status: match === 'stale' ? 'rotated' : status };
    // Revoked and expired keys, and rotated-out secrets, open nothing: the report is right, there is nothing to stop.
    if (dryRun || match === 'stale' || status === 'revoked' || status === 'expired') return { ...hit, action: 'none', incidentId: null };

    const actor: AdminActor = { actor: `leak-report:${where.reporter}`, requestId };
    if (!k.leaked) await this.#keys.setLeaked(k.id, true, actor, where.reporter);
    const policy = this.deps.config.leaks.onReport;
    const reason = `leak reported by ${where.reporter}${where.url ? ` at ${where.url}` : ''}`.slice(0, 300);
    let action: LeakAction = 'flagged';
    if (policy === 'revoke') {
      await this.#keys.revoke(k.id, actor, reason);
      action = 'revoked';
    } else if (policy === 'suspend' && status === 'active') {
      // Already suspended: not suspended again (its reason stays the first one).
      await this.#keys.suspend(k.id, actor, reason);
      action = 'suspended';
    }
    const incident = this.deps.risk.leakReported({ keyId: k.id, tenantId: k.tenantId }, requestId, policy === 'flag' ? 'flag' : 'suspend-key', {
      reporter: where.reporter,
      url: where.url,
      source: where.source,
    });
    this.deps.log.warn('leak: key reported leaked', { keyId: k.id, tenantId: k.tenantId, reporter: where.reporter, url: where.url, action, incident: incident.id });
    return { ...hit, action, incidentId: incident.id };
  }
}
