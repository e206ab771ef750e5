// Pure: an identifier as the audit log stores it — as sent when short and plain, else a bounded, hashed stand-in.
import { createHash } from 'node:crypto';

export const MAX_AUDIT_ID = 128;
const KEEP = 48;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * A value within `max` characters and free of control characters is kept as it is. Anything else keeps a printable
 * prefix, its length and a SHA-256 prefix of the whole (so equal values still correlate): a client cannot grow an
 * audit row, or forge line breaks in an export, by what it names.
 */
export function boundedId(v: string, max = MAX_AUDIT_ID): string {
  CONTROL.lastIndex = 0;
  if (v.length <= max && !CONTROL.test(v)) return v;
  const digest = createHash('sha256').update(v).digest('hex').slice(0, 16);
  return `${v.slice(0, KEEP).replace(CONTROL, '?')}…[${v.length} chars, sha256:${digest}]`;
}
