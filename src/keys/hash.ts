// Peppered HMAC-SHA256 of a key secret, and constant-time comparison.
import * as crypto from 'node:crypto';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const BLOCK = 64; // SHA-256 block size in bytes
/** One-shot hashing (Node >= 20.12); without it, createHmac. String outputs: a Buffer output costs more. */
const oneShot = (crypto as { hash?: (alg: string, data: Buffer, enc: 'hex' | 'latin1') => string }).hash;

interface Pads {
  readonly pepper: string;
  /** The HMAC inner pad followed by room for the message (scratch, reused: hashing is synchronous). */
  inner: Buffer;
  /** Views of `inner` by message length (secrets have one length: no view to allocate per call). */
  views: Map<number, Buffer>;
  /** The HMAC outer pad followed by the 32-byte inner digest. */
  readonly outer: Buffer;
}
let pads: Pads | undefined;

/** RFC 2104 pads of the pepper, derived once per pepper (a process has one). */
function padsFor(pepper: string): Pads {
  if (pads?.pepper === pepper) return pads;
  let k = Buffer.from(pepper, 'utf8');
  if (k.length > BLOCK) k = createHash('sha256').update(k).digest();
  const inner = Buffer.alloc(BLOCK + 128);
  const outer = Buffer.alloc(BLOCK + 32);
  for (let i = 0; i < BLOCK; i++) {
    const b = i < k.length ? k[i]! : 0;
    inner[i] = b ^ 0x36;
    outer[i] = b ^ 0x5c;
  }
  pads = { pepper, inner, views: new Map(), outer };
  return pads;
}

/**
 * Hex HMAC-SHA256(pepper, secret): the same as createHmac('sha256', pepper).update(secret).digest('hex'),
 * computed as two one-shot SHA-256 over the pads (RFC 2104), without an Hmac object per call.
 */
export function hashSecret(pepper: string, secret: string): string {
  if (!oneShot) return createHmac('sha256', pepper).update(secret).digest('hex');
  const p = padsFor(pepper);
  // UTF-8 takes at most 3 bytes per UTF-16 unit: only a secret that might not fit is measured.
  if (BLOCK + 3 * secret.length > p.inner.length) {
    const need = BLOCK + Buffer.byteLength(secret, 'utf8');
    if (need > p.inner.length) {
      const grown = Buffer.alloc(need);
      p.inner.copy(grown, 0, 0, BLOCK);
      p.inner = grown;
      p.views.clear();
    }
  }
  const n = p.inner.write(secret, BLOCK, 'utf8');
  let view = p.views.get(n);
  if (!view) p.views.set(n, (view = p.inner.subarray(0, BLOCK + n)));
  const innerDigest = oneShot('sha256', view, 'latin1');
  p.inner.fill(0, BLOCK, BLOCK + n); // the presented secret does not stay in the scratch buffer
  p.outer.write(innerDigest, BLOCK, 'latin1');
  return oneShot('sha256', p.outer, 'hex');
}

// Scratch for decoding two SHA-256 hex hashes; larger than a digest so a longer hash is told apart.
const scratchA = Buffer.alloc(64);
const scratchB = Buffer.alloc(64);
const digestA = scratchA.subarray(0, 32);
const digestB = scratchB.subarray(0, 32);

export function sameHash(a: string, b: string): boolean {
  // Two SHA-256 hashes (the case on every request): decoded into scratch, not two new Buffers.
  if (scratchA.write(a, 'hex') === 32 && scratchB.write(b, 'hex') === 32) return timingSafeEqual(digestA, digestB);
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
