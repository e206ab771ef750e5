import { describe, expect, it } from 'vitest';
import type { Deps } from '../../deps.js';
import type { Outcome } from '../../errors/denial.js';
import { KeyCache } from '../../keys/cache.js';
import { formatKey, newKid, newSecret } from '../../keys/format.js';
import { hashSecret } from '../../keys/hash.js';
import type { KeyRecord } from '../../keys/types.js';
import type { RequestContext } from '../context.js';
import { keyRecord } from '../../../test/support/keys.js';
import { authenticate } from './authenticate.js';

const PEPPER = 'test-pepper-0123456789';
const NOW = Date.parse('2026-01-01T00:00:00Z');

function record(kid: string, secret: string, more: Partial<KeyRecord> = {}): KeyRecord {
  return keyRecord({ id: kid, secretHash: hashSecret(PEPPER, secret), last4: secret.slice(-4), ...more });
}

const ctx = (authorization?: string): RequestContext => ({ id: 'r', time: NOW, headers: authorization === undefined ? {} : { authorization }, vars: {}, audit: {} }) as unknown as RequestContext;

/** One scenario: each key as presented, the store's records, and what the stage answers (first call loads, second is a cache hit). */
async function judge(records: KeyRecord[], presented: string | undefined): Promise<{ first: Outcome; second: Outcome; secondSync: boolean; ctx: RequestContext }> {
  const byKid = new Map(records.map((r) => [r.id, r]));
  const keys = new KeyCache(async (kid) => byKid.get(kid), { ttlMs: 60_000, negativeTtlMs: 60_000 });
  const stage = authenticate({ keys, pepper: PEPPER } as Pick<Deps, 'keys' | 'pepper'>);
  const first = await stage.before!(ctx(presented));
  const c = ctx(presented);
  const r = stage.before!(c);
  const secondSync = !(r instanceof Promise);
  return { first, second: await r, secondSync, ctx: c };
}
const code = (o: Outcome): string => (o.ok ? 'OK' : o.denial.code);

describe('authenticate', () => {
  const kid = newKid();
  const secret = newSecret();
  const key = formatKey('l', kid, secret);

  it('accepts the right secret, loading once and deciding the cached kid synchronously', async () => {
    const j = await judge([record(kid, secret)], `Bearer ${key}`);
    expect([code(j.first), code(j.second), j.secondSync]).toEqual(['OK', 'OK', true]);
    expect(j.ctx.key?.id).toBe(kid);
    expect(j.ctx.presentedKey).toBe(key);
  });

  it('gives the same verdicts and audit details whether the kid was loaded or cached', async () => {
    const other = newSecret();
    const cases: [KeyRecord[], string | undefined, string, unknown][] = [
      [[record(kid, secret)], undefined, 'MISSING_API_KEY', undefined],
      [[record(kid, secret)], 'Bearer wdn_l_short', 'INVALID_API_KEY', { auth: 'malformed' }],
      [[record(kid, secret)], `Bearer ${formatKey('a', kid, secret)}`, 'INVALID_API_KEY', { auth: 'admin_key_on_data_plane' }],
      [[], `Bearer ${key}`, 'INVALID_API_KEY', { auth: 'unknown_kid', kid }],
      [[record(kid, secret, { type: 'test' })], `Bearer ${key}`, 'INVALID_API_KEY', { auth: 'unknown_kid', kid }],
      [[record(kid, other)], `Bearer ${key}`, 'INVALID_API_KEY', { auth: 'wrong_secret' }],
      [[record(kid, secret, { status: 'revoked' })], `Bearer ${key}`, 'KEY_REVOKED', { auth: 'key_revoked' }],
      [[record(kid, secret, { status: 'suspended', statusReason: 'abuse' })], `Bearer ${key}`, 'KEY_SUSPENDED', { auth: 'key_suspended' }],
      [[record(kid, secret, { expiresAt: '2025-01-01T00:00:00Z' })], `Bearer ${key}`, 'KEY_EXPIRED', { auth: 'key_expired' }],
      [[record(kid, secret, { canary: true })], `Bearer ${key}`, 'INVALID_API_KEY', { auth: 'canary' }],
      [[record(kid, other, { prevSecretHash: hashSecret(PEPPER, secret), prevSecretValidUntil: '2026-02-01T00:00:00Z' })], `Bearer ${key}`, 'OK', { auth: 'previous_secret_in_grace' }],
    ];
    for (const [records, presented, want, detail] of cases) {
      const j = await judge(records, presented);
      expect([code(j.first), code(j.second)]).toEqual([want, want]);
      expect(j.ctx.audit.detail).toEqual(detail);
      if (!j.first.ok && !j.second.ok) expect(j.second.denial).toEqual(j.first.denial);
    }
  });

  it('a failing key store fails the request (the promise rejects), as before', async () => {
    const keys = new KeyCache(async () => {
      throw new Error('store down');
    });
    const stage = authenticate({ keys, pepper: PEPPER } as Pick<Deps, 'keys' | 'pepper'>);
    await expect(Promise.resolve(stage.before!(ctx(`Bearer ${key}`)))).rejects.toThrow('store down');
  });
});

describe('KeyCache.hit', () => {
  it('answers only fresh entries (negative ones too), as get would without loading', async () => {
    let loads = 0;
    const c = new KeyCache(async (kid) => (loads++, kid === 'a' ? ({ id: 'a' } as KeyRecord) : undefined), { ttlMs: 100, negativeTtlMs: 10 });
    expect(c.hit('a', 0)).toBeUndefined();
    await c.get('a', 0);
    await c.get('b', 0);
    expect(c.hit('a', 99)?.key?.id).toBe('a');
    expect(c.hit('a', 100)).toBeUndefined();
    expect(c.hit('b', 9)).toEqual({ key: undefined, until: 10 });
    expect(c.hit('b', 10)).toBeUndefined();
    c.invalidate('a');
    expect(c.hit('a', 1)).toBeUndefined();
    expect(loads).toBe(2);
  });
});
