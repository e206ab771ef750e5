// Pure: does a JSON text nest arrays/objects deeper than a bound? A linear pass over the bytes as they arrive, no parse.

import { BACKSLASH, CLOSE_ARRAY, CLOSE_OBJECT, OPEN_ARRAY, OPEN_OBJECT, QUOTE } from './json-bytes.js';

/**
 * Fed a body chunk by chunk, says as soon as some bracket outside a string opens deeper than `max`: a few MB of
 * `[[[[…` is refused after its first chunk instead of being buffered, parsed (seconds of event loop) and walked
 * (stack overflow). Malformed text is left to JSON.parse to refuse; UTF-8 continuation bytes never equal these
 * ASCII codes, so bytes need no decoding.
 */
export class JsonDepthScan {
  private depth = 0;
  private inString = false;
  /** The previous chunk ended inside a string on an unpaired backslash: this chunk's first byte is escaped. */
  private escapeNext = false;
  constructor(readonly max: number) {}

  /** True once the text so far nests deeper than `max` (and on every later call). */
  push(bytes: Uint8Array): boolean {
    if (this.depth > this.max) return true;
    const n = bytes.length;
    let i = 0;
    if (this.escapeNext && n > 0) {
      this.escapeNext = false;
      i = 1;
    }
    for (; i < n; i++) {
      if (this.inString) {
        // Most of a body is string content: jump quote to quote natively (memchr) instead of byte by byte.
        const q = bytes.indexOf(QUOTE, i);
        if (q < 0) {
          this.escapeNext = oddBackslashesBefore(bytes, n, i);
          return false;
        }
        if (!oddBackslashesBefore(bytes, q, i)) this.inString = false;
        i = q;
        continue;
      }
      const b = bytes[i]!;
      if (b === QUOTE) this.inString = true;
      else if (b === OPEN_ARRAY || b === OPEN_OBJECT) {
        if (++this.depth > this.max) return true;
      } else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) this.depth--;
    }
    return false;
  }
}

/** Is the run of backslashes right before `end` (going back no further than `from`) odd, so it escapes `end`? */
function oddBackslashesBefore(bytes: Uint8Array, end: number, from: number): boolean {
  let k = end - 1;
  while (k >= from && bytes[k] === BACKSLASH) k--;
  return ((end - 1 - k) & 1) === 1;
}

/** The whole text at once. */
export function jsonDeeperThan(bytes: Uint8Array, max: number): boolean {
  return new JsonDepthScan(max).push(bytes);
}
