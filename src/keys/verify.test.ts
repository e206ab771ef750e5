import { describe, expect, it } from 'vitest';
import { newKeyRecord } from './service.js';
import { verifySecret } from './verify.js';
import { hashSecret } from './hash.js';
import { parseKey } from './format.js';
import type { KeyRecord } from './types.js';

const PEPPER = 'pepper-0123456789abcdef';
const now = Date.parse('2026-06-01T00:00:00Z');

function make(patch: Partial<KeyRecord> = {}): { rec: KeyRecord; secret: string } {
  const { record, key } = newKeyRecord({ tenantId: 't', name: 'n', endpoints: ['chat'] }, PEPPER);
  const p = parseKey(key);
  if (!p.ok) throw new Error('bad key');
  return { rec: { ...record, ...patch }, secret: p.secret };
}

describe('verifySecret', () => {
  it('accepts the right secret and rejects a wrong one', () => {
    const { rec, secret } = make();
    expect(verifySecret(rec, secret, PEPPER, now)).toEqual({ ok: true, usedPreviousSecret: false });
    expect(verifySecret(rec, 'x'.repeat(32), PEPPER, now)).toEqual({ ok: false, code: 'INVALID_API_KEY' });
    expect(verifySecret(rec, secret, 'another-pepper-123456', now)).toEqual({ ok: false, code: 'INVALID_API_KEY' });
  });
  it.each([
    [{ status: 'revoked' as const }, 'KEY_REVOKED'],
    [{ status: 'suspended' as const }, 'KEY_SUSPENDED'],
    [{ expiresAt: '2026-05-31T23:59:59Z' }, 'KEY_EXPIRED'],
  ])('status %j → %s (only for the holder of the secret)', (patch, code) => {
    const { rec, secret } = make(patch);
    expect(verifySecret(rec, secret, PEPPER, now)).toEqual({ ok: false, code });
    expect(verifySecret(rec, 'y'.repeat(32), PEPPER, now)).toEqual({ ok: false, code: 'INVALID_API_KEY' });
  });
  it('honours the previous secret only until the grace period ends', () => {
    const old = 'o'.repeat(32);
    const { rec } = make({ prevSecretHash: hashSecret(PEPPER, old), prevSecretValidUntil: '2026-06-01T00:01:00Z' });
    expect(verifySecret(rec, old, PEPPER, now)).toEqual({ ok: true, usedPreviousSecret: true });
    expect(verifySecret(rec, old, PEPPER, now + 61_000)).toEqual({ ok: false, code: 'INVALID_API_KEY' });
  });
});
