import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashSecret, sameHash } from './hash.js';

const reference = (pepper: string, secret: string): string => createHmac('sha256', pepper).update(secret).digest('hex');

describe('hashSecret', () => {
  const peppers = ['', 'p', 'pepper-0123456789abcdef', 'x'.repeat(64), 'y'.repeat(65), 'z'.repeat(300), 'pépper-ü-✓'];
  const secrets = ['', 'a', 'Ab3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gI', 's'.repeat(127), 't'.repeat(1000), 'sécret-✓-🔑'];
  it('is exactly HMAC-SHA256 of the secret under the pepper, for any pepper and secret length', () => {
    // Alternating peppers also checks that the derived pads follow the pepper.
    for (const p of peppers) for (const s of secrets) for (const q of [p, 'other-pepper', p]) expect(hashSecret(q, s)).toBe(reference(q, s));
  });
  it('a shorter secret after a longer one is not mixed with its leftovers', () => {
    expect(hashSecret('pep', 'long-secret-long-secret')).toBe(reference('pep', 'long-secret-long-secret'));
    expect(hashSecret('pep', 'short')).toBe(reference('pep', 'short'));
    expect(hashSecret('pep', '')).toBe(reference('pep', ''));
  });
  it('sameHash answers like decoding both with Buffer.from, for digests and odd inputs alike', () => {
    const ref = (a: string, b: string): boolean => {
      const x = Buffer.from(a, 'hex');
      const y = Buffer.from(b, 'hex');
      return x.length === y.length && x.length > 0 && x.equals(y);
    };
    const h = hashSecret('pep', 'secret');
    const cases = [h, h.toUpperCase(), `${h}zz`, `${h}00`, `${h}0`, h.slice(0, 63), h.slice(0, 62), '', 'zz', `${h}${h}`, `${h}${h}${h}`, reference('pep', 'other')];
    for (const a of cases) for (const b of cases) expect(sameHash(a, b)).toBe(ref(a, b));
  });
  it('sameHash compares decoded hashes and refuses empty or malformed ones', () => {
    const h = hashSecret('pep', 'secret');
    expect(sameHash(h, reference('pep', 'secret'))).toBe(true);
    expect(sameHash(h, reference('pep', 'secreT'))).toBe(false);
    expect(sameHash(h, '')).toBe(false);
    expect(sameHash('', '')).toBe(false);
    expect(sameHash(h, h.slice(0, 62))).toBe(false);
  });
});
