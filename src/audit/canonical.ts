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
  // Plain data (what events are) goes through the native JSON.stringify once its keys are in
  // canonical order; anything else (Dates, class instances, deep or cyclic values) through write().
  if (writtenCanonically(value, 0, omit)) return JSON.stringify(value);
  const plain = inCanonicalOrder(value, 0, omit);
  if (plain !== NOT_PLAIN) return JSON.stringify(plain);
  const s = write(value, 'lenient', [], omit);
  if (s === SKIP) throw new TypeError('canonicalJson: cannot serialise undefined');
  return s;
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
      if (omit?.has(k)) continue;
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

/**
 * True when JSON.stringify of `value` is already its canonical text: the writer then serialises
 * it without building a re-ordered copy. A speed property only; canonicalJsonOfJson gives the
 * same text either way.
 */
export function inCanonicalOrderAlready(value: object): boolean {
  return writtenCanonically(value, 0, undefined);
}

/**
 * True when JSON.stringify(v) is already the canonical text and writes no member named in
 * `omit`: plain objects and arrays only, whose members JSON writes in ascending key order.
 * Members valued undefined JSON does not write, so they may stand anywhere. Allocates nothing
 * (the check runs on every event); false only sends `v` to the general path below.
 */
function writtenCanonically(v: unknown, depth: number, omit: ReadonlySet<string> | undefined): boolean {
  if (typeof v !== 'object' || v === null) return true;
  if (depth > MAX_PLAIN_DEPTH) return false;
  if (Array.isArray(v)) {
    if (Object.getPrototypeOf(v) !== Array.prototype) return false;
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x === 'object' && x !== null && !writtenCanonically(x, depth + 1, undefined)) return false;
    }
    return true;
  }
  const proto = Object.getPrototypeOf(v) as unknown;
  if ((proto !== Object.prototype && proto !== null) || typeof (v as { toJSON?: unknown }).toJSON === 'function') return false;
  const rec = v as Record<string, unknown>;
  if (omit !== undefined) for (const k of omit) if (rec[k] !== undefined) return false;
  // for-in lists own keys in Object.keys order; inherited ones (none on plain data) come after
  // and can only make this answer false.
  let prev: string | undefined;
  for (const k in rec) {
    const x = rec[k];
    if (x === undefined) continue;
    if (prev !== undefined && !(prev < k)) return false;
    if (typeof x === 'object' && x !== null && !writtenCanonically(x, depth + 1, undefined)) return false;
    prev = k;
  }
  return true;
}

const NOT_PLAIN = Symbol('not plain');
const MAX_PLAIN_DEPTH = 32;

/**
 * `v` itself when every object in it already lists its keys in canonical order, else a copy
 * whose objects do, so that JSON.stringify of the result is the canonical text; NOT_PLAIN for
 * values whose JSON form needs write() (toJSON, boxed primitives, non-plain prototypes, array-
 * index keys out of order, which an object cannot be made to enumerate sorted, and depth
 * beyond MAX_PLAIN_DEPTH, where cycles are told apart). Primitives JSON.stringify already
 * prints the canonical way; undefined, functions and symbols it drops (or nulls in arrays)
 * exactly as write() does, and a bigint makes it throw as write() would.
 */
function inCanonicalOrder(v: unknown, depth: number, omit: ReadonlySet<string> | undefined): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (depth > MAX_PLAIN_DEPTH) return NOT_PLAIN;
  if (Array.isArray(v)) {
    if (Object.getPrototypeOf(v) !== Array.prototype) return NOT_PLAIN;
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x = inCanonicalOrder(v[i], depth + 1, undefined);
      if (x === NOT_PLAIN) return NOT_PLAIN;
      if (x !== v[i]) (out ??= v.slice())[i] = x;
    }
    return out ?? v;
  }
  const proto = Object.getPrototypeOf(v) as unknown;
  if ((proto !== Object.prototype && proto !== null) || typeof (v as { toJSON?: unknown }).toJSON === 'function') return NOT_PLAIN;
  const rec = v as Record<string, unknown>;
  const keys = Object.keys(rec);
  let ordered = true;
  let dropped = false;
  for (let i = 0; i < keys.length; i++) {
    if (i > 0 && !(keys[i - 1]! < keys[i]!)) ordered = false;
    if (omit?.has(keys[i]!)) dropped = true;
  }
  // Each member is read once (a getter runs once, as in write()).
  const vals: unknown[] = new Array(keys.length);
  let changed = false;
  for (let i = 0; i < keys.length; i++) {
    if (omit?.has(keys[i]!)) continue;
    const raw = rec[keys[i]!];
    const x = inCanonicalOrder(raw, depth + 1, undefined);
    if (x === NOT_PLAIN) return NOT_PLAIN;
    if (x !== raw) changed = true;
    vals[i] = x;
  }
  if (ordered && !dropped && !changed) return v;
  const order = keys.map((_, i) => i);
  if (!ordered) {
    order.sort((a, b) => (keys[a]! < keys[b]! ? -1 : 1));
    if (keys.some(isArrayIndex)) return NOT_PLAIN;
  }
  // No prototype: a "__proto__" member (JSON.parse makes one) stays an ordinary own member.
  const out = Object.create(null) as Record<string, unknown>;
  for (const i of order) if (omit === undefined || !omit.has(keys[i]!)) out[keys[i]!] = vals[i];
  return out;
}

/** Keys an object enumerates first, in numeric order, whatever the insertion order. */
function isArrayIndex(k: string): boolean {
  if (k.length === 0 || k.length > 10) return false;
  const c = k.charCodeAt(0);
  if (c === 0x30) return k.length === 1;
  for (let i = 0; i < k.length; i++) {
    const d = k.charCodeAt(i);
    if (d < 0x30 || d > 0x39) return false;
  }
  return Number(k) < 4294967295;
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
