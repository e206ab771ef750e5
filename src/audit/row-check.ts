// Does a stored row agree with itself? The body must be canonical JSON of an event and
// the indexed columns (used to select exports) must repeat the body's values.
import { isCanonical } from './canonical.js';
import { indexedColumns } from './event-body.js';
import type { AuditEvent } from './event.js';
import type { AuditRow } from './log-port.js';

export function rowProblem(row: AuditRow): string | undefined {
  if (!isCanonical(row.body)) return 'body is not canonical JSON';
  const e = JSON.parse(row.body) as AuditEvent;
  const want = indexedColumns(e);
  const have = { time: row.time, kind: row.kind, requestId: row.requestId, keyId: row.keyId, tenantId: row.tenantId };
  for (const k of Object.keys(want) as (keyof typeof want)[]) {
    if (want[k] !== have[k]) return `column ${k} is ${JSON.stringify(have[k])} but the event says ${JSON.stringify(want[k])}`;
  }
  return undefined;
}
