import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildBundle, serializeBundle } from './bundle.js';
import { verifyBundle } from './bundle-verify.js';
import { signCheckpoint } from './checkpoint.js';
import { eventBody } from './event-body.js';
import { MerkleTree, leafHash } from './merkle.js';
import { textCommitment } from './text-crypto.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const pem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
const salt = Buffer.alloc(16, 7).toString('base64');
const bodies = Array.from({ length: 5 }, (_, i) =>
  eventBody({ time: `2026-01-01T00:00:0${i}.000Z`, kind: 'request', requestId: `r${i}`, keyId: 'k', status: 200, textCommit: { prompt: textCommitment(salt, `prompt ${i}`) } }),
);
const tree = new MerkleTree(bodies.map((b) => leafHash(Buffer.from(b))));

function bundle(picks = [1, 3]) {
  return buildBundle({
    query: { keyId: 'k' },
    exportedBy: 'test',
    publicKeyPem: pem,
    privateKey,
    checkpoint: signCheckpoint({ treeSize: 5, root: tree.root().toString('hex'), time: '2026-01-01T00:01:00.000Z' }, privateKey),
    events: picks.map((i) => ({ index: i, body: bodies[i]! })),
    proofs: picks.map((i) => ({ index: i, path: tree.inclusionProof(i).map((h) => h.toString('hex')) })),
    texts: [{ index: 1, field: 'prompt', salt, text: 'prompt 1' }],
    now: '2026-01-01T00:02:00.000Z',
  });
}

describe('bundle', () => {
  it('verifies offline', () => {
    expect(verifyBundle(serializeBundle(bundle()))).toMatchObject({ ok: true, events: 2, texts: 1, treeSize: 5 });
  });

  it('fails with any single byte changed, wherever it is', () => {
    const text = serializeBundle(bundle([3]));
    const passed: number[] = [];
    for (let i = 0; i < text.length - 1; i++) {
      const b = Buffer.from(text, 'latin1');
      b[i] = b[i]! ^ 0x01;
      if (verifyBundle(b.toString('latin1')).ok) passed.push(i);
    }
    expect(passed).toEqual([]);
  });

  it('names what is wrong', () => {
    const b = bundle();
    const wrongText = { ...b, texts: [{ index: 1, field: 'prompt' as const, salt, text: 'prompt 2' }] };
    expect(verifyBundle(serializeBundle(wrongText)).problems).toContain('texts do not match the manifest hash');
    const moved = { ...b, events: [{ index: 2, body: bodies[1]! }, b.events[1]!] };
    expect(verifyBundle(serializeBundle(moved)).problems.join()).toMatch(/event 2: not included/);
    expect(verifyBundle('{"format":"x"}').ok).toBe(false);
    expect(verifyBundle('not json').ok).toBe(false);
  });
});
