import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HmacSha256 } from './hmac-sha256.js';

describe('HmacSha256', () => {
  it.each([
    ['short key', randomBytes(16)],
    ['block-size key', randomBytes(64)],
    ['long key (hashed first)', randomBytes(100)],
    ['empty key', Buffer.alloc(0)],
  ])('equals createHmac with a %s', (_name, key) => {
    const h = new HmacSha256(key);
    for (const parts of [[], [Buffer.from('a')], ['héllo ', randomBytes(37), 'wörld'], [randomBytes(5000)]]) {
      const want = createHmac('sha256', key);
      for (const p of parts) want.update(p);
      expect(h.digest(parts).toString('hex')).toBe(want.digest('hex'));
    }
  });

  it('takes a string key as UTF-8, like createHmac', () => {
    expect(new HmacSha256('pépper').digest(['x']).toString('hex')).toBe(createHmac('sha256', 'pépper').update('x').digest('hex'));
  });

  it('gives the same answer when reused', () => {
    const h = new HmacSha256(randomBytes(32));
    expect(h.digest(['one']).equals(h.digest(['one']))).toBe(true);
    expect(h.digest(['one']).equals(h.digest(['two']))).toBe(false);
    // Each digest is its own Buffer: a later call leaves an earlier result as it was.
    const first = h.digest(['one']);
    const hex = first.toString('hex');
    h.digest(['two']);
    expect(first.toString('hex')).toBe(hex);
    expect(first.length).toBe(32);
  });

  it('hex() is the same HMAC in hex, for messages that fit the scratch buffer and ones that grow it', () => {
    const key = randomBytes(32);
    const h = new HmacSha256(key);
    for (const m of ['', 'sk-secret', 'é'.repeat(100), '漢'.repeat(90), 'x'.repeat(300), 'y'.repeat(20)]) {
      expect(h.hex([m])).toBe(createHmac('sha256', key).update(m).digest('hex'));
    }
  });
});
