// Finds config keys the schema does not know (a typo like `saftey` would otherwise drop what it meant to set).
import type { z } from 'zod';

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  valueType?: z.ZodType;
  catchall?: z.ZodType;
};

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Wrappers that do not change which keys are allowed. */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  for (let d = defOf(cur); ; d = defOf(cur)) {
    if (WRAPPERS.has(d.type) && d.innerType) cur = d.innerType;
    else if (d.type === 'pipe' && d.in) cur = d.in;
    else return cur;
  }
}

/** Edit distance with adjacent transpositions (`saftey` → `safety` is one edit). */
export function distance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => Array.from({ length: n + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[m]![n]!;
}

/** The known key closest to `key`, if it is close enough to be a likely typo. */
export function suggest(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const kl = k.toLowerCase();
    // A missing or extra plural/suffix (`keyDefault` for `keyDefaults`) counts as close too.
    const dd = kl.startsWith(lower) || lower.startsWith(kl) ? Math.min(distance(lower, kl), 1) : distance(lower, kl);
    if (dd < bestD) [best, bestD] = [k, dd];
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(key.length / 3)) ? best : undefined;
}

function objectShapes(s: z.ZodType): Record<string, z.ZodType>[] | undefined {
  const d = defOf(unwrap(s));
  if (d.type === 'object' && d.shape) {
    // An object that accepts any extra key (catchall/passthrough) has nothing to report.
    if (d.catchall && defOf(d.catchall).type !== 'never') return undefined;
    return [d.shape];
  }
  if (d.type === 'union' && d.options) {
    const shapes = d.options.map(objectShapes);
    return shapes.every((x) => x !== undefined) ? shapes.flat() : undefined;
  }
  return undefined;
}

function walk(schema: z.ZodType, value: unknown, path: string, out: string[]): void {
  if (value === null || typeof value !== 'object') return;
  const d = defOf(unwrap(schema));
  if (Array.isArray(value)) {
    if (d.type === 'array' && d.element) value.forEach((v, i) => walk(d.element!, v, `${path}[${i}]`, out));
    return;
  }
  if (d.type === 'record' && d.valueType) {
    for (const [k, v] of Object.entries(value)) walk(d.valueType, v, path ? `${path}.${k}` : k, out);
    return;
  }
  const shapes = objectShapes(schema);
  if (!shapes) return;
  const known = [...new Set(shapes.flatMap((s) => Object.keys(s)))];
  for (const [k, v] of Object.entries(value)) {
    const at = path ? `${path}.${k}` : k;
    const field = shapes.find((s) => k in s)?.[k];
    if (!field) {
      const hint = suggest(k, known);
      out.push(`${at}: unknown setting${hint ? ` (did you mean "${hint}"?)` : ''}`);
      continue;
    }
    // Of a union's options, the first that declares the key describes its value.
    walk(field, v, at, out);
  }
}

/** Every key in `raw` that `schema` does not declare, as `path: unknown setting (did you mean "x"?)`. */
export function unknownKeys(schema: z.ZodType, raw: unknown): string[] {
  const out: string[] = [];
  walk(schema, raw, '', out);
  return out;
}
