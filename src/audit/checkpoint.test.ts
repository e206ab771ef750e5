import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkpointText, signCheckpoint, verifyCheckpoint, type SignedCheckpoint } from './checkpoint.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const cp = { treeSize: 42, root: 'ab'.repeat(32), time: '2026-01-01T00:00:00.000Z' };

describe('checkpoints', () => {
  it('has a stable signed text', () => {
    expect(checkpointText(cp)).toBe(`warden-audit-checkpoint/v1\n42\n${Buffer.from('ab'.repeat(32), 'hex').toString('base64')}\n2026-01-01T00:00:00.000Z\n`);
  });

  it('signs and verifies', () => {
    expect(verifyCheckpoint(signCheckpoint(cp, privateKey), publicKey)).toEqual({ ok: true });
  });

  const signed = signCheckpoint(cp, privateKey);
  it.each<[string, SignedCheckpoint]>([
    ['size', { ...signed, treeSize: 43 }],
    ['root', { ...signed, root: 'ac' + 'ab'.repeat(31) }],
    ['time', { ...signed, time: '2026-01-01T00:00:00.001Z' }],
    ['signature', { ...signed, signature: Buffer.from(Buffer.from(signed.signature, 'base64').map((b, i) => (i === 5 ? b ^ 1 : b))).toString('base64') }],
  ])('rejects a changed %s', (_, bad) => {
    expect(verifyCheckpoint(bad, publicKey).ok).toBe(false);
  });

  it('rejects another key', () => {
    expect(verifyCheckpoint(signed, other.publicKey)).toMatchObject({ ok: false });
    const forged = signCheckpoint(cp, other.privateKey);
    expect(verifyCheckpoint({ ...forged, keyId: signed.keyId }, publicKey)).toEqual({ ok: false, reason: 'bad signature' });
  });
});
