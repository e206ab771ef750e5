import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sealMatches, sealOf } from './seal.js';

describe('sealOf', () => {
  it('is HMAC-SHA256(key, tag || index (u64 BE) || leaf), so seals written before stay valid', () => {
    const key = randomBytes(32);
    const leaf = randomBytes(32);
    for (const index of [0, 1, 255, 2 ** 40 + 7]) {
      const idx = Buffer.alloc(8);
      idx.writeBigUInt64BE(BigInt(index));
      const want = createHmac('sha256', key).update('warden-audit-seal/v1\0').update(idx).update(leaf).digest();
      expect(sealOf(key, index, leaf).equals(want)).toBe(true);
    }
  });

  it('binds the index, the leaf and the key', () => {
    const key = randomBytes(32);
    const leaf = randomBytes(32);
    const s = sealOf(key, 3, leaf);
    expect(sealMatches(key, 3, leaf, s)).toBe(true);
    expect(sealMatches(key, 4, leaf, s)).toBe(false);
    expect(sealMatches(key, 3, randomBytes(32), s)).toBe(false);
    expect(sealMatches(randomBytes(32), 3, leaf, s)).toBe(false);
  });
});
