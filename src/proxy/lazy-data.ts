// Pure: a JSON object answer read without parsing its `data` member (an embeddings answer's vectors)
// until something asks for it: the gateway reads only the usage of such an answer and relays its bytes.
import { BACKSLASH, CLOSE_ARRAY, CLOSE_OBJECT, COLON, COMMA, OPEN_ARRAY, OPEN_OBJECT, QUOTE } from '../net/json-bytes.js';

/** The bytes that change the scan's state inside a skipped object or array. */
const STRUCTURAL = [QUOTE, OPEN_OBJECT, OPEN_ARRAY, CLOSE_OBJECT, CLOSE_ARRAY] as const;
/** Deeper nesting than this is not skipped (the caller parses the answer whole instead). */
const MAX_DEPTH = 32;
/** Bytes of a top-level number or literal (its slice is then parsed, which checks it). */
const SCALAR = new Uint8Array(256);
for (const c of '0123456789+-.eEtruefalsn') SCALAR[c.charCodeAt(0)] = 1;

const isWs = (c: number | undefined): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

function skipWs(b: Buffer, i: number): number {
  while (isWs(b[i])) i++;
  return i;
}

/**
 * Index after the string opening at `i` (a quote), or -1 if it does not close. Jumps quote to quote
 * (base64 vectors are long strings); a quote after an odd run of backslashes is escaped.
 */
function skipString(b: Buffer, i: number): number {
  for (let q = b.indexOf(QUOTE, i + 1); q >= 0; q = b.indexOf(QUOTE, q + 1)) {
    let slashes = 0;
    while (b[q - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return q + 1;
  }
  return -1;
}

/**
 * Index after the value starting at `i`, or -1 where its strings do not close or its brackets do not
 * match. What lies between the structural bytes (a vector's numbers, a string's characters) is not
 * looked at: a member parsed afterwards (all but `data`) is checked by JSON.parse.
 */
function skipValue(b: Buffer, i: number): number {
  const first = b[i];
  if (first === QUOTE) return skipString(b, i);
  if (first !== OPEN_OBJECT && first !== OPEN_ARRAY) {
    while (i < b.length && SCALAR[b[i]!] === 1) i++;
    return i;
  }
  const closers = new Uint8Array(MAX_DEPTH);
  let depth = 0;
  // Jumps from one structural byte to the next (memchr-fast, where a loop over the bytes in
  // JavaScript costs about a quarter of JSON.parse): a vector's numbers are not looked at one by one.
  const next = STRUCTURAL.map((c) => b.indexOf(c, i));
  for (;;) {
    let at = -1;
    let which = -1;
    for (let k = 0; k < next.length; k++) {
      const p = next[k]!;
      if (p >= 0 && (at < 0 || p < at)) (at = p), (which = k);
    }
    if (at < 0) return -1;
    const c = STRUCTURAL[which]!;
    i = at + 1;
    if (c === QUOTE) {
      i = skipString(b, at);
      if (i < 0) return -1;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (depth === MAX_DEPTH) return -1;
      closers[depth++] = c + 2; // ] is [ + 2, } is { + 2
    } else {
      if (depth === 0 || closers[--depth] !== c) return -1;
      if (depth === 0) return i;
    }
    for (let k = 0; k < next.length; k++) if (next[k]! >= 0 && next[k]! < i) next[k] = b.indexOf(STRUCTURAL[k]!, i);
  }
}

function own(o: Record<string, unknown>, key: string, value: unknown): void {
  // As JSON.parse does: an own member, even one named __proto__.
  Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * The top-level object of `raw` with every member parsed except `data`, which is parsed on first
 * read (and so serialised whole by JSON.stringify, in its place). undefined when `raw` is not a
 * JSON object as far as this scan sees; the caller then parses it whole, which reports the error.
 * The skipped member is checked for structure (strings close, brackets match), not number by
 * number or character by character: its bytes reach the client exactly as the upstream sent them,
 * as with any answer no hook changed.
 */
export function parseLazyData(raw: Buffer): Record<string, unknown> | undefined {
  const text = (from: number, to: number): string => raw.toString('utf8', from, to);
  const out: Record<string, unknown> = {};
  let i = skipWs(raw, 0);
  if (raw[i] !== OPEN_OBJECT) return undefined;
  i = skipWs(raw, i + 1);
  try {
    if (raw[i] === CLOSE_OBJECT) i++;
    else
      for (;;) {
        if (raw[i] !== QUOTE) return undefined;
        const keyEnd = skipString(raw, i);
        if (keyEnd < 0) return undefined;
        const key = JSON.parse(text(i, keyEnd)) as string;
        i = skipWs(raw, keyEnd);
        if (raw[i] !== COLON) return undefined;
        const from = skipWs(raw, i + 1);
        const to = skipValue(raw, from);
        if (to <= from) return undefined;
        if (key === 'data') lazyMember(out, key, from, to, text);
        else own(out, key, JSON.parse(text(from, to)));
        i = skipWs(raw, to);
        if (raw[i] === COMMA) i = skipWs(raw, i + 1);
        else if (raw[i] === CLOSE_OBJECT) {
          i++;
          break;
        } else return undefined;
      }
  } catch {
    return undefined;
  }
  return skipWs(raw, i) === raw.length ? out : undefined;
}

function lazyMember(o: Record<string, unknown>, key: string, from: number, to: number, text: (from: number, to: number) => string): void {
  Object.defineProperty(o, key, {
    enumerable: true,
    configurable: true,
    get() {
      const v: unknown = JSON.parse(text(from, to));
      own(o, key, v);
      return v;
    },
    set(v: unknown) {
      own(o, key, v);
    },
  });
}
