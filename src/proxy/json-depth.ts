// Pure: does a JSON text nest arrays/objects deeper than a bound? One linear pass over the bytes, no parse.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/**
 * True when some bracket outside a string opens deeper than `max`. Run before JSON.parse: a few MB of `[[[[…`
 * costs the parser (and every recursive walk after it) far more than this scan, and the walks can overflow the
 * stack. Malformed text is left to JSON.parse to refuse; UTF-8 continuation bytes never equal these ASCII codes.
 */
export function jsonDeeperThan(bytes: Uint8Array, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === QUOTE) {
      // Most of a body is string content: jump quote to quote natively (memchr) instead of byte by byte
      // (measured: a byte-by-byte walk of short strings was no faster, and 2x slower on many messages).
      let q = bytes.indexOf(QUOTE, i + 1);
      while (q > 0 && escaped(bytes, q, i)) q = bytes.indexOf(QUOTE, q + 1);
      if (q < 0) return false; // unterminated: JSON.parse refuses it
      i = q;
    } else if (b === OPEN_ARRAY || b === OPEN_OBJECT) {
      if (++depth > max) return true;
    } else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) depth--;
  }
  return false;
}

/** Is the quote at `q` escaped, i.e. preceded by an odd run of backslashes (within the string that opened at `open`)? */
function escaped(bytes: Uint8Array, q: number, open: number): boolean {
  let k = q - 1;
  while (k > open && bytes[k] === BACKSLASH) k--;
  return ((q - 1 - k) & 1) === 1;
}
