// HMAC-SHA256 (RFC 2104) from two one-shot hashes and a key block prepared once: the audit
// path computes one per request (prompt hash) and one per row (seal), and createHmac's
// per-call object setup cost several times the hashing itself.
import { hash } from 'node:crypto';

const BLOCK = 64;

export class HmacSha256 {
  private readonly ipad = Buffer.alloc(BLOCK, 0x36);
  /** opad key block followed by room for the inner digest. */
  private readonly outer = Buffer.alloc(BLOCK + 32, 0x5c);

  constructor(key: Uint8Array | string) {
    let k: Uint8Array = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
    if (k.length > BLOCK) k = hash('sha256', k, 'buffer');
    for (let i = 0; i < k.length; i++) {
      this.ipad[i]! ^= k[i]!;
      this.outer[i]! ^= k[i]!;
    }
  }

  /** HMAC over the concatenation of `parts` (strings as UTF-8). */
  digest(parts: readonly (Uint8Array | string)[]): Buffer {
    let n = BLOCK;
    for (const p of parts) n += typeof p === 'string' ? Buffer.byteLength(p, 'utf8') : p.length;
    const inner = Buffer.allocUnsafe(n);
    this.ipad.copy(inner, 0);
    let at = BLOCK;
    for (const p of parts) {
      if (typeof p === 'string') at += inner.write(p, at, 'utf8');
      else (inner.set(p, at), (at += p.length));
    }
    hash('sha256', inner, 'buffer').copy(this.outer, BLOCK);
    return hash('sha256', this.outer, 'buffer');
  }
}
