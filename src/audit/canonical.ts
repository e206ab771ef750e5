// Deterministic JSON (sorted keys, no whitespace): the exact bytes an audit leaf commits to.
// Follows RFC 8785 (JCS) for the values an event can hold: ECMAScript number and string
// serialisation, object keys sorted by UTF-16 code units, `undefined` members dropped.

/** A value that has exactly one canonical serialisation. */
export type CanonicalValue = null | boolean | number | string | CanonicalValue[] | { [k: string]: CanonicalValue | undefined };

/** Throws on values with no canonical form (NaN, Infinity, bigint, functions, cycles). */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

export function canonicalBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), 'utf8');
}

function write(v: unknown, seen: Set<object>): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(v)) throw new TypeError(`canonicalJson: non-finite number ${v}`);
      // JSON.stringify prints numbers the ECMAScript way, which is what JCS mandates (-0 → 0).
      return JSON.stringify(v);
    case 'string':
      return JSON.stringify(v);
    case 'object':
      break;
    default:
      throw new TypeError(`canonicalJson: cannot serialise ${typeof v}`);
  }
  const obj = v as object;
  if (seen.has(obj)) throw new TypeError('canonicalJson: cycle');
  seen.add(obj);
  try {
    if (Array.isArray(obj)) {
      // Like JSON.stringify: an undefined array slot becomes null (the position matters).
      return `[${obj.map((x) => (x === undefined ? 'null' : write(x, seen))).join(',')}]`;
    }
    if (obj instanceof Date) return JSON.stringify(obj.toISOString());
    if (Buffer.isBuffer(obj) || ArrayBuffer.isView(obj)) throw new TypeError('canonicalJson: encode binary as hex/base64 first');
    const rec = obj as Record<string, unknown>;
    const keys = Object.keys(rec).filter((k) => rec[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${write(rec[k], seen)}`).join(',')}}`;
  } finally {
    seen.delete(obj);
  }
}

/** True when `text` is exactly the canonical form of what it parses to. */
export function isCanonical(text: string): boolean {
  try {
    return canonicalJson(JSON.parse(text)) === text;
  } catch {
    return false;
  }
}
