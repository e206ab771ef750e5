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
  ...STRUCTURAL,
  'properties',
  'items',
  'prefixItems',
  'additionalProperties',
  'patternProperties',
  'propertyNames',
  'anyOf',
  'oneOf',
  'allOf',
  'not',
  'if',
  'then',
  'else',
  '$defs',
  'definitions',
  'enum',
  'const',
  'default',
  'examples',
  'description',
  'title',
  'pattern',
  '$comment',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'contains',
  'dependentRequired',
  'dependentSchemas',
  'nullable',
  'strict',
  'name',
]);
/** Objects whose keys are names chosen by the author (property names, definition names), never keywords. */
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'dependentRequired']);

/** One array or object being read: its children are taken one at a time, so a wide one costs only what is read. */
interface Frame {
  readonly o: Record<string, unknown> | unknown[];
  /** Keys of an object (undefined for an array). */
  readonly keys: string[] | undefined;
  /** The object maps author-chosen names to schemas (`properties`…): its keys are text, never keywords. */
  readonly names: boolean;
  i: number;
}

/**
 * Appends the schema's readable strings to `out` (one string per value), depth first in the author's order.
 * Iterative, so depth cannot overflow the stack; stops at the first bound crossed and records it in `budget.over`.
 */
export function schemaText(schema: unknown, budget: WalkBudget, out: string[]): void {
  const stack: Frame[] = [];
  // A string is text; an array or object is opened (a frame), unless that crosses a bound. False: stop.
  const visit = (v: unknown, names: boolean): boolean => {
    if (++budget.nodes > budget.maxNodes) return (void (budget.over = 'nodes'), false);
    if (typeof v === 'string') {
      if (v.length === 0) return true;
      budget.chars += v.length;
      if (budget.chars > budget.maxChars) return (void (budget.over = 'chars'), false);
      out.push(v);
      return true;
    }
    if (!v || typeof v !== 'object') return true;
    if (stack.length >= budget.maxDepth) return (void (budget.over = 'depth'), false);
    stack.push(Array.isArray(v) ? { o: v, keys: undefined, names: false, i: 0 } : { o: v as Record<string, unknown>, keys: Object.keys(v), names, i: 0 });
    return true;
  };
  if (!visit(schema, false)) return;
  while (stack.length > 0) {
    const f = stack[stack.length - 1]!;
    if (f.keys === undefined) {
      const a = f.o as unknown[];
      if (f.i >= a.length) stack.pop();
      else if (!visit(a[f.i++], false)) return;
      continue;
    }
    if (f.i >= f.keys.length) {
      stack.pop();
      continue;
    }
    const k = f.keys[f.i++]!;
    const val = (f.o as Record<string, unknown>)[k];
    if ((f.names || !KEYWORDS.has(k)) && !visit(k, false)) return;
    // Structure, not prose: `type: "string"`, `required: [...]`, `$ref: "#/…"` are skipped.
    if (!f.names && STRUCTURAL.has(k) && (typeof val === 'string' || Array.isArray(val))) continue;
    if (!visit(val, !f.names && NAME_MAPS.has(k))) return;
  }
}
