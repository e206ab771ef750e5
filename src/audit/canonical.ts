// Deterministic JSON (sorted keys, no whitespace): the exact bytes an audit leaf commits to.
// Follows RFC 8785 (JCS) for the values an event can hold: ECMAScript number and string
// serialisation, object keys sorted by UTF-16 code units, `undefined` members dropped.
// One writer serves the request path (every event is serialised once), so it appends to a
// single string and leaves string escaping and number printing to the native JSON.stringify.

/** A value that has exactly one canonical serialisation. */
export type CanonicalValue = null | boolean | number | string | CanonicalValue[] | { [k: string]: CanonicalValue | undefined };

/**
 * strict: throws on values with no canonical form (NaN, Infinity, bigint, functions, cycles).
 * lenient: first maps the value the way JSON.stringify does (toJSON, boxed primitives, NaN → null,
 * functions and symbols dropped), so the result equals canonicalJson(JSON.parse(JSON.stringify(v))).
 */
type Mode = 'strict' | 'lenient';

/** Nothing to write: a member that is dropped (or `null` in an array). */
const SKIP = Symbol('skip');

/** Throws on values with no canonical form (NaN, Infinity, bigint, functions, cycles). */
export function canonicalJson(value: unknown): string {
  const s = write(value, 'strict', [], undefined);
  if (s === SKIP) throw new TypeError('canonicalJson: cannot serialise undefined');
  return s;
}

/**
 * canonicalJson(JSON.parse(JSON.stringify(value))) in one pass, leaving out the top-level
 * members named in `omit`. Throws only where JSON.stringify would (bigint, cycles).
 */
export function canonicalJsonOfJson(value: object, omit?: ReadonlySet<string>): string {
  const s = write(value, 'lenient', [], omit);
  if (s === SKIP) throw new TypeError('canonicalJson: cannot serialise undefined');
  return s;
}

export function canonicalBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), 'utf8');
}

function write(v: unknown, mode: Mode, stack: object[], omit: ReadonlySet<string> | undefined): string | typeof SKIP {
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      // JSON.stringify prints numbers the ECMAScript way, which is what JCS mandates (-0 → 0).
      if (Number.isFinite(v)) return JSON.stringify(v);
      if (mode === 'lenient') return 'null';
      throw new TypeError(`canonicalJson: non-finite number ${v}`);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      if (v === null) return 'null';
      break;
    case 'undefined':
      return SKIP;
    default:
      if (mode === 'lenient' && (typeof v === 'function' || typeof v === 'symbol')) return SKIP;
      throw new TypeError(`canonicalJson: cannot serialise ${typeof v}`);
  }
  const obj = v as object;
  if (mode === 'lenient') {
    const toJSON = (obj as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return write(toJSON.call(obj), mode, stack, undefined);
    if (obj instanceof Number || obj instanceof String || obj instanceof Boolean) return write(obj.valueOf(), mode, stack, undefined);
  } else {
    if (obj instanceof Date) return JSON.stringify(obj.toISOString());
    if (Buffer.isBuffer(obj) || ArrayBuffer.isView(obj)) throw new TypeError('canonicalJson: encode binary as hex/base64 first');
  }
  // Nesting is shallow (an event is a few levels deep), so a linear stack check is cheapest.
  if (stack.includes(obj)) throw new TypeError('canonicalJson: cycle');
  stack.push(obj);
  let out: string;
  if (Array.isArray(obj)) {
    out = '[';
    for (let i = 0; i < obj.length; i++) {
      const s = write(obj[i], mode, stack, undefined);
      // Like JSON.stringify: an undefined array slot becomes null (the position matters).
      out += (i === 0 ? '' : ',') + (s === SKIP ? 'null' : s);
    }
    out += ']';
  } else {
    const rec = obj as Record<string, unknown>;
    const keys = sortedKeys(rec);
    out = '{';
    let first = true;
    for (const k of keys) {
      if (omit !== undefined && omit.has(k)) continue;
      const s = write(rec[k], mode, stack, undefined);
      if (s === SKIP) continue;
      out += (first ? '"' : ',"') + (isPlainKey(k) ? k : JSON.stringify(k).slice(1, -1)) + '":' + s;
      first = false;
    }
    out += '}';
  }
  stack.pop();
  return out;
}

/** Object.keys sorted by UTF-16 code units (the default sort), reusing the order of a shape seen before. */
function sortedKeys(rec: Record<string, unknown>): readonly string[] {
  const keys = Object.keys(rec);
  if (keys.length < 2) return keys;
  let seen = shapes.get(keys[0]!);
  if (seen === undefined) {
    if (shapes.size >= 256) shapes.clear();
    shapes.set(keys[0]!, (seen = []));
  }
  for (const s of seen) if (sameKeys(s.keys, keys)) return s.sorted;
  const sorted = keys.slice().sort();
  if (seen.length >= 8) seen.shift();
  seen.push({ keys, sorted });
  return sorted;
}

/** Recent shapes by first key: events of one kind share a key order, so this nearly always hits. */
const shapes = new Map<string, { keys: readonly string[]; sorted: readonly string[] }[]>();

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Keys made of these characters need no JSON escaping (saves a native call per member). */
function isPlainKey(k: string): boolean {
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || c > 0x7e) return false;
  }
  return true;
}

/** True when `text` is exactly the canonical form of what it parses to. */
export function isCanonical(text: string): boolean {
  try {
    return canonicalJson(JSON.parse(text)) === text;
  } catch {
    return false;
  }
}
