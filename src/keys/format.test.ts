import { describe, expect, it } from 'vitest';
import { checksum, crc32, findKeys, formatKey, newKid, newSecret, parseKey } from './format.js';

describe('key format', () => {
  it('crc32 matches the standard check value', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
  });
  it('round-trips and has the documented shape', () => {
    const k = formatKey('l', newKid(), newSecret());
    expect(k).toMatch(/^wdn_l_[0-9A-Za-z]{50}$/);
    const p = parseKey(k);
    expect(p.ok && p.kid.length === 12 && p.secret.length === 32).toBe(true);
  });
  it.each([
    ['', 'malformed'],
    ['sk-abc', 'malformed'],
    ['wdn_x_' + 'a'.repeat(50), 'malformed'],
    ['wdn_l_' + 'a'.repeat(49), 'malformed'],
    ['wdn_l_' + 'a'.repeat(50), 'bad_checksum'],
  ])('rejects %j as %s', (s, reason) => {
    expect(parseKey(s)).toEqual({ ok: false, reason });
  });
  it('detects any single-character change through the checksum', () => {
    const k = formatKey('t', newKid(), newSecret());
    for (let i = 6; i < k.length; i++) {
      const c = k[i] === 'a' ? 'b' : 'a';
      expect(parseKey(k.slice(0, i) + c + k.slice(i + 1)).ok).toBe(false);
    }
  });
  it('finds only checksum-valid keys in text', () => {
    const k = formatKey('l', newKid(), newSecret());
    const text = `config: ${k}\nother: wdn_l_${'a'.repeat(50)}`;
    expect(findKeys(text)).toEqual([k]);
    expect(checksum('x')).toHaveLength(6);
  });
});
