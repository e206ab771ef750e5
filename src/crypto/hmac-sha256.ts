// HMAC-SHA256 (RFC 2104) from two one-shot hashes and a key block prepared once: the request
// path computes one for the presented key secret, one for the prompt hash and one per audit row
// (seal), and createHmac's per-call object setup costs several times the hashing itself.
// The message is assembled in a scratch buffer reused across calls (hashing is synchronous) and
// zeroed afterwards, so a key secret or a prompt does not linger in it; the inner digest passes
// as a binary (latin1) string, which is cheaper than a Buffer per call.
import { hash } from 'node:crypto';

const BLOCK = 64;

export class HmacSha256 {
  /** ipad key block followed by room for the message (grown when a message does not fit). */
  private inner = Buffer.alloc(BLOCK + 256, 0x36);
  /** opad key block followed by room for the inner digest. */
  private readonly outer = Buffer.alloc(BLOCK + 32, 0x5c);

  constructor(key: Uint8Array | string) {
    let k: Uint8Array = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
    if (k.length > BLOCK) k = hash('sha256', k, 'buffer');
    for (let i = 0; i < k.length; i++) {
      this.inner[i]! ^= k[i]!;
      this.outer[i]! ^= k[i]!;
    }
  }

  /** HMAC over the concatenation of `parts` (strings as UTF-8). */
  digest(parts: readonly (Uint8Array | string)[]): Buffer {
    this.outer.write(this.innerDigest(parts), BLOCK, 'binary');
    // A binary string made into a Buffer here costs less than hash() making the Buffer.
    return Buffer.from(hash('sha256', this.outer, 'binary'), 'binary');
  }

  /** The same HMAC, as lowercase hex. */
  hex(parts: readonly (Uint8Array | string)[]): string {
    this.outer.write(this.innerDigest(parts), BLOCK, 'binary');
    return hash('sha256', this.outer, 'hex');
  }

  private innerDigest(parts: readonly (Uint8Array | string)[]): string {
    // UTF-8 takes at most 3 bytes per UTF-16 unit: measure exactly only when it might not fit.
    let bound = BLOCK;
    for (const p of parts) bound += typeof p === 'string' ? 3 * p.length : p.length;
    if (bound > this.inner.length) {
      let n = BLOCK;
      for (const p of parts) n += typeof p === 'string' ? Buffer.byteLength(p, 'utf8') : p.length;
      if (n > this.inner.length) {
        const grown = Buffer.alloc(n);
        this.inner.copy(grown, 0, 0, BLOCK);
        this.inner = grown;
      }
    }
    let at = BLOCK;
    for (const p of parts) {
      if (typeof p === 'string') at += this.inner.write(p, at, 'utf8');
      else this.inner.set(p, at), (at += p.length);
    }
    const d = hash('sha256', this.inner.subarray(0, at), 'binary');
    this.inner.fill(0, BLOCK, at);
    return d;
  }
}
