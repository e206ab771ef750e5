// The stored form of an event: canonical JSON with plaintext text removed. Every backend's
// insert uses this, so the bytes a leaf hashes are the same whichever store wrote them.
import { canonicalJsonOfJson } from './canonical.js';
import type { AuditEvent } from './event.js';

const NOT_STORED: ReadonlySet<string> = new Set(['text', 'keepText']);

export function eventBody(e: AuditEvent): string {
  // JSON semantics (as a JSON round trip would give) turn what canonicalJson would refuse
  // (NaN, Dates, class instances) into plain JSON values, so an odd field can never make an
  // admin transaction fail.
  return canonicalJsonOfJson(e, NOT_STORED);
}

/** The indexed columns a row must agree with (verify compares them to the body). */
export function indexedColumns(e: AuditEvent): { time: string; kind: string; requestId: string; keyId: string | null; tenantId: string | null } {
  return { time: e.time, kind: e.kind, requestId: e.requestId, keyId: e.keyId ?? null, tenantId: e.tenantId ?? null };
}
