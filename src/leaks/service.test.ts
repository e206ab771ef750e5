// Pure: whether a reported token is a key's secret, and whether that secret still opens the key.
import { describe, expect, it } from 'vitest';
import { newKeyRecord } from '../keys/service.js';
import { hashSecret } from '../keys/hash.js';
import { classify, tokenHash } from './service.js';

const PEPPER = 'pepper-0123456789abcdef';

describe('classify', () => {
  const { record, key } = newKeyRecord({ tenantId: 't', name: 'n', endpoints: ['chat'] }, PEPPER, new Date(0));
  const secret = key.slice(18, 50);
  const now = 1_000_000;

  it('current secret usable; another secret no match', () => {
    expect(classify(record, secret, PEPPER, now)).toBe('usable');
    expect(classify(record, 'x'.repeat(32), PEPPER, now)).toBe('no_match');
    expect(classify(record, secret, 'other-pepper-0123456789', now)).toBe('no_match');
  });

  it('a rotated-out secret is usable during its grace, stale after', () => {
    const rotated = { ...record, secretHash: hashSecret(PEPPER, 'y'.repeat(32)), prevSecretHash: record.secretHash, prevSecretValidUntil: new Date(now + 1000).toISOString() };
    expect(classify(rotated, secret, PEPPER, now)).toBe('usable');
    expect(classify(rotated, secret, PEPPER, now + 2000)).toBe('stale');
  });

  it('token_hash is the SHA-256 hex GitHub expects', () => {
    expect(tokenHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
