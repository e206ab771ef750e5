import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { textDecision } from './retention.js';
import { decryptText, encryptText, textAad, textCommitment } from './text-crypto.js';
import type { AuditEvent } from './event.js';

const key = randomBytes(32);

describe('text encryption', () => {
  it('round-trips and the commitment binds the text', () => {
    const s = encryptText(key, textAad('req1', 'prompt'), 'draw a cat');
    const o = decryptText(key, textAad('req1', 'prompt'), s.blob);
    expect(o.text).toBe('draw a cat');
    expect(textCommitment(o.salt, o.text)).toBe(s.commitment);
    expect(textCommitment(o.salt, 'draw a dog')).not.toBe(s.commitment);
    expect(s.blob.includes(Buffer.from('draw a cat'))).toBe(false);
  });

  it('two encryptions of one text give unrelated commitments (salted)', () => {
    expect(encryptText(key, 'a', 'x').commitment).not.toBe(encryptText(key, 'a', 'x').commitment);
  });

  it.each([
    ['another key', randomBytes(32), textAad('req1', 'prompt'), (b: Buffer) => b],
    ['another place', key, textAad('req2', 'prompt'), (b: Buffer) => b],
    ['a flipped byte', key, textAad('req1', 'prompt'), (b: Buffer) => Buffer.from(b.map((x, i) => (i === 14 ? x ^ 1 : x)))],
  ])('refuses to decrypt with %s', (_, k, aad, mangle) => {
    const s = encryptText(key, textAad('req1', 'prompt'), 'secret prompt');
    expect(() => decryptText(k, aad, mangle(s.blob))).toThrow();
  });
});

const ev = (over: Partial<AuditEvent>): AuditEvent => ({ time: '2026-01-01T00:00:00.000Z', kind: 'request', requestId: 'r', text: { prompt: 'p' }, ...over });

describe('textDecision', () => {
  it.each<[string, 'never' | 'denied' | 'always', Partial<AuditEvent>, boolean, boolean]>([
    ['never', 'never', { status: 200 }, true, false],
    ['never, but policy asks', 'never', { status: 200, keepText: true }, true, true],
    ['denied keeps a 403', 'denied', { status: 403 }, true, true],
    ['denied keeps a flagged 200', 'denied', { status: 200, decision: 'flag' }, true, true],
    ['denied skips a clean 200', 'denied', { status: 200, decision: 'allow' }, true, false],
    ['always', 'always', { status: 200 }, true, true],
    ['always without a key', 'always', { status: 200 }, false, false],
    ['no text at all', 'always', { text: undefined as never }, true, false],
  ])('%s', (_, keep, over, hasKey, expected) => {
    const d = textDecision({ keep, retentionDays: 2 }, ev(over), hasKey);
    expect(d.keep).toBe(expected);
    if (d.keep) expect(d.expiresAt).toBe('2026-01-03T00:00:00.000Z');
  });
});
