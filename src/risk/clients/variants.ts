// Header-order variants derived from the client recordings: which HTTP stack a request's order belongs to.
import { RECORDINGS, type ClientRecording } from './catalogue.js';

/**
 * Headers an HTTP stack or SDK places itself (their relative order tells stacks apart); an application's own
 * headers (authorization, content-type, custom ones) move with the application and are left out.
 */
const STACK_NAMES = new Set(['host', 'connection', 'accept', 'accept-encoding', 'accept-language', 'sec-fetch-mode', 'user-agent']);

/** The stack signature of a header order: the stack-placed names in order, first occurrence only. */
export function stackSignature(order: Iterable<string>): string {
  const seen: string[] = [];
  for (const h of order) if (STACK_NAMES.has(h) && !seen.includes(h)) seen.push(h);
  return seen.join(',');
}

export interface StackVariant {
  readonly signature: string;
  /** Families recorded or documented with this signature (an SDK rides on a common stack: several). */
  readonly families: ReadonlySet<string>;
  readonly clients: readonly string[];
}

function derive(recs: readonly ClientRecording[]): Map<string, StackVariant> {
  const m = new Map<string, { families: Set<string>; clients: string[] }>();
  for (const r of recs) {
    const sig = stackSignature(r.headers);
    let v = m.get(sig);
    if (!v) m.set(sig, (v = { families: new Set(), clients: [] }));
    v.families.add(r.family);
    v.clients.push(`${r.client} ${r.versions}`);
  }
  return new Map([...m].map(([signature, v]) => [signature, { signature, families: v.families, clients: v.clients }]));
}

/** Every known stack signature, from the recordings (built once). */
export const STACK_VARIANTS: ReadonlyMap<string, StackVariant> = derive(RECORDINGS);

/** The known stack a header order belongs to, or undefined when no recording has this order. */
export function stackOf(order: Iterable<string>): StackVariant | undefined {
  return STACK_VARIANTS.get(stackSignature(order));
}
