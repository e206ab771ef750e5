import { describe, expect, it } from 'vitest';
import { auditToRow } from '../store/rows.js';
import type { AuditEvent } from './event.js';
import type { AuditRow } from './log-port.js';
import { rowProblem } from './row-check.js';
import { writtenRows } from './written-rows.js';

writtenRows.enable();
let n = 0;
const ev = (): AuditEvent => ({ time: '2026-01-01T00:00:00.000Z', kind: 'request', requestId: `req_wr_${n++}`, keyId: 'kid', tenantId: null, status: 200 });
/** What the store would read back for a row the writer produced. */
const stored = (e: AuditEvent): AuditRow => {
  const r = auditToRow(e);
  return { seq: 1, time: r.time, kind: r.kind, requestId: r.request_id, keyId: r.key_id, tenantId: r.tenant_id, body: r.body, seal: null };
};

describe('writtenRows', () => {
  it('vouches once for a row read back exactly as written (which rowProblem also passes)', () => {
    const row = stored(ev());
    expect(rowProblem(row)).toBeUndefined();
    expect(writtenRows.vouch(row)).toBe(true);
    expect(writtenRows.vouch(row)).toBe(false);
  });

  it.each([
    ['an edited body (still canonical)', (r: AuditRow) => ({ ...r, body: r.body.replace('"status":200', '"status":201') })],
    ['an edited body (not canonical)', (r: AuditRow) => ({ ...r, body: r.body.replace('{', '{ ') })],
    ['an edited indexed column', (r: AuditRow) => ({ ...r, keyId: 'other' })],
    ['an edited time column', (r: AuditRow) => ({ ...r, time: '2026-01-01T00:00:01.000Z' })],
  ])('does not vouch for %s, so the sealer checks it fully', (_name, edit) => {
    expect(writtenRows.vouch(edit(stored(ev())))).toBe(false);
  });

  it('does not vouch for a row it never saw', () => {
    const e = ev();
    const row = stored(e);
    expect(writtenRows.vouch({ ...row, requestId: 'req_never_written' })).toBe(false);
  });
});
