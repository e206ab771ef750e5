import { describe, expect, it } from 'vitest';
import { Frontier } from './frontier.js';
import { EMPTY_ROOT, MerkleTree, leafHash, leafHashOfText, nodeHash, sha256, splitPoint } from './merkle.js';
import { rootFromInclusion, verifyConsistency, verifyInclusion } from './merkle-verify.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const unhex = (s: string) => Buffer.from(s, 'hex');

// The Certificate Transparency reference inputs and tree heads (RFC 6962 test data).
const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((s) => leafHash(unhex(s)));
const CT_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

/** The RFC's recursive MTH, written independently of MerkleTree's cache. */
function mth(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return leaves[0]!;
  const k = splitPoint(leaves.length);
  return nodeHash(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

const N = 40;
const MANY = Array.from({ length: N }, (_, i) => leafHash(Buffer.from(`event ${i}`)));
const TREE = new MerkleTree(MANY);
const ROOTS = Array.from({ length: N + 1 }, (_, n) => mth(MANY.slice(0, n)));

describe('leafHashOfText', () => {
  it('is the leaf hash of the UTF-8 bytes of the text, whatever the characters', () => {
    const texts = ['', '{}', 'événement ✓ 𝄞', '\u0000\u007f\u0080\u07ff\u0800\uffff', 'lone \ud800 and \udfff surrogates', 'x'.repeat(70_000)];
    for (let i = 0; i < 200; i++) texts.push(String.fromCharCode(...Array.from({ length: i % 40 }, (_, j) => (i * 7919 + j * 104729) % 0xffff)));
    for (const t of texts) {
      const got = leafHashOfText(t);
      expect(hex(got)).toBe(hex(leafHash(Buffer.from(t, 'utf8'))));
      expect(got.length).toBe(32);
    }
  });
});

describe('RFC 6962 reference vectors', () => {
  it('roots for sizes 0..8', () => {
    const t = new MerkleTree(CT_LEAVES);
    expect(hex(EMPTY_ROOT)).toBe(CT_ROOTS[0]);
    for (let n = 0; n <= 8; n++) expect(hex(t.root(n))).toBe(CT_ROOTS[n]);
  });

  it.each([
    [
      0,
      8,
      [
        '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
      ],
    ],
    [
      5,
      8,
      [
        'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
        'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
        'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      ],
    ],
  ])('inclusion proof of leaf %i in %i', (index, size, proof) => {
    const t = new MerkleTree(CT_LEAVES);
    expect(t.inclusionProof(index, size).map(hex)).toEqual(proof);
    expect(verifyInclusion(CT_LEAVES[index]!, index, size, proof.map(unhex), unhex(CT_ROOTS[size]!))).toBe(true);
  });

  it.each([
    [2, 8, ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
    [
      6,
      8,
      [
        '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
        'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
        'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      ],
    ],
  ])('consistency proof %i → %i', (m, n, proof) => {
    const t = new MerkleTree(CT_LEAVES);
    expect(t.consistencyProof(m, n).map(hex)).toEqual(proof);
    expect(verifyConsistency(m, n, unhex(CT_ROOTS[m]!), unhex(CT_ROOTS[n]!), proof.map(unhex))).toBe(true);
  });
});

describe('every shape of tree', () => {
  it('cached roots equal the recursive definition, and the frontier agrees', () => {
    const f = new Frontier();
    for (let n = 0; n <= N; n++) {
      expect(hex(TREE.root(n))).toBe(hex(ROOTS[n]!));
      expect(hex(f.root())).toBe(hex(ROOTS[n]!));
      const restored = Frontier.from(f.size, f.edge());
      expect(hex(restored.root())).toBe(hex(ROOTS[n]!));
      if (n < N) f.append(MANY[n]!);
    }
  });

  it('every inclusion proof verifies; altered ones do not', () => {
    for (let n = 1; n <= N; n++) {
      for (let i = 0; i < n; i++) {
        const proof = TREE.inclusionProof(i, n);
        expect(verifyInclusion(MANY[i]!, i, n, proof, ROOTS[n]!)).toBe(true);
        // Wrong index, wrong leaf, a flipped bit, a dropped or an extra hash: all rejected.
        if (n > 1) expect(verifyInclusion(MANY[i]!, (i + 1) % n, n, proof, ROOTS[n]!)).toBe(false);
        expect(verifyInclusion(MANY[(i + 1) % N]!, i, n, proof, ROOTS[n]!)).toBe(false);
        if (proof.length > 0) {
          const flipped = proof.map((p) => Buffer.from(p));
          flipped[proof.length - 1]![0]! ^= 1;
          expect(verifyInclusion(MANY[i]!, i, n, flipped, ROOTS[n]!)).toBe(false);
          expect(verifyInclusion(MANY[i]!, i, n, proof.slice(0, -1), ROOTS[n]!)).toBe(false);
        }
        expect(rootFromInclusion(MANY[i]!, i, n, [...proof, Buffer.alloc(32)])).toBeUndefined();
      }
    }
  });

  it('every consistency proof verifies; altered ones do not', () => {
    for (let n = 0; n <= N; n++) {
      for (let m = 0; m <= n; m++) {
        const proof = TREE.consistencyProof(m, n);
        expect(verifyConsistency(m, n, ROOTS[m]!, ROOTS[n]!, proof)).toBe(true);
        if (m > 0 && m < n) {
          expect(verifyConsistency(m, n, ROOTS[m - 1]!, ROOTS[n]!, proof)).toBe(false);
          expect(verifyConsistency(m, n, ROOTS[m]!, ROOTS[n - 1]!, proof)).toBe(false);
          expect(verifyConsistency(m, n, ROOTS[m]!, ROOTS[n]!, proof.slice(0, -1))).toBe(false);
          expect(verifyConsistency(m, n, ROOTS[m]!, ROOTS[n]!, [...proof, Buffer.alloc(32)])).toBe(false);
        }
      }
    }
  });

  it('rejects impossible arguments', () => {
    expect(() => TREE.inclusionProof(N, N)).toThrow(RangeError);
    expect(() => TREE.root(N + 1)).toThrow(RangeError);
    expect(() => TREE.consistencyProof(5, 3)).toThrow(RangeError);
    expect(verifyConsistency(8, 6, ROOTS[8]!, ROOTS[6]!, [])).toBe(false);
    expect(verifyInclusion(MANY[0]!, -1, 4, TREE.inclusionProof(0, 4), ROOTS[4]!)).toBe(false);
    expect(() => Frontier.from(3, [ROOTS[2]!])).toThrow(RangeError);
  });
});
