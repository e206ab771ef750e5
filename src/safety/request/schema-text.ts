// Collects the text a model reads from a JSON schema (tool parameters, response_format): descriptions, titles,
// enum and const strings, examples, property names, in a bounded walk a hostile schema cannot stall or overflow.

/** Bounds on one request's walk (shared by every schema in it). */
export interface WalkBudget {
  /** Deepest nesting walked below a schema's root; deeper text would go unchecked, so the request is refused. */
  readonly maxDepth: number;
  /** Text collected so far may not exceed this (the policy's checked-size limit + 1: the caller refuses more). */
  readonly maxChars: number;
  /** Values visited in all; a wide schema of tiny values is refused before it costs much event-loop time. */
  readonly maxNodes: number;
  chars: number;
  nodes: number;
  /** Why the walk stopped early, if it did: the request must then be refused, never forwarded unchecked. */
  over?: 'depth' | 'chars' | 'nodes';
}

// 64 levels of objects and arrays: about 30 levels of nested properties (each is a `properties` map and a schema).
export const WALK_DEFAULTS = { maxDepth: 64, maxNodes: 100_000 } as const;

export function walkBudget(maxChars: number, maxDepth: number = WALK_DEFAULTS.maxDepth, maxNodes: number = WALK_DEFAULTS.maxNodes): WalkBudget {
  return { maxDepth, maxChars, maxNodes, chars: 0, nodes: 0 };
}

/** Keywords whose values are structure, not prose: their strings are skipped (their objects still walked). */
const STRUCTURAL = new Set(['type', '$ref', '$schema', '$id', 'format', 'required', 'contentEncoding', 'contentMediaType']);
/**
 * JSON Schema keywords. Any other key of a schema object is text the model reads: a property name (under
 * `properties`, `$defs`…) or a field the schema author made up.
 */
const KEYWORDS = new Set([
  ...STRUCTURAL, 'properties', 'items', 'prefixItems', 'additionalProperties', 'patternProperties', 'propertyNames', 'anyOf', 'oneOf', 'allOf', 'not',
  'if', 'then', 'else', '$defs', 'definitions', 'enum', 'const', 'default', 'examples', 'description', 'title', 'pattern', '$comment',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'minItems', 'maxItems',
  'uniqueItems', 'minProperties', 'maxProperties', 'contains', 'dependentRequired', 'dependentSchemas', 'nullable', 'strict', 'name',
]);
/** Objects whose keys are names chosen by the author (property names, definition names), never keywords. */
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'dependentRequired']);

/**
 * Appends the schema's readable strings to `out` (one string per value). Iterative, so depth cannot overflow the
 * stack; stops at the first bound crossed and records it in `budget.over`.
 */
export function schemaText(schema: unknown, budget: WalkBudget, out: string[]): void {
  // `key`: a name the author chose (pushed as a string node just above its value, so it is read first).
  const stack: { v: unknown; depth: number; names: boolean }[] = [{ v: schema, depth: 0, names: false }];
  while (stack.length > 0) {
    const { v, depth, names } = stack.pop()!;
    if (++budget.nodes > budget.maxNodes) return void (budget.over = 'nodes');
    if (typeof v === 'string') {
      if (v.length === 0) continue;
      budget.chars += v.length;
      if (budget.chars > budget.maxChars) return void (budget.over = 'chars');
      out.push(v);
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    if (depth >= budget.maxDepth) return void (budget.over = 'depth');
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], depth: depth + 1, names: false });
      continue;
    }
    const entries = Object.entries(v as Record<string, unknown>);
    // Pushed in reverse so they are read in the author's order.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, val] = entries[i]!;
      const structural = !names && STRUCTURAL.has(k) && (typeof val === 'string' || Array.isArray(val));
      if (!structural) stack.push({ v: val, depth: depth + 1, names: !names && NAME_MAPS.has(k) });
      if (names || !KEYWORDS.has(k)) stack.push({ v: k, depth: depth + 1, names: false });
    }
  }
}
