import { describe, expect, it } from 'vitest';
import { auditToRow, noteWritten } from '../store/rows.js';
import type { AuditEvent } from './event.js';
import { leafHashOfText } from './merkle.js';
import { WrittenRows } from './written-rows.js';

const writtenRows = new WrittenRows();
writtenRows.enable();
let n = 0;
const ev = (over: Partial<AuditEvent> = {}): AuditEvent => ({ time: '2026-01-01T00:00:00.000Z', kind: 'request', requestId: `req_wr_${n++}`, keyId: 'kid', tenantId: null, status: 200, ...over });

describe('writtenRows', () => {
  it('hands the sealer the leaf of the bytes the writer built, once', () => {
    const row = auditToRow(ev());
    noteWritten(writtenRows, 1001, row);
    expect(writtenRows.take(1001)?.equals(leafHashOfText(row.body))).toBe(true);
    expect(writtenRows.take(1001)).toBeUndefined();
  });

  it('knows nothing of a row it never saw', () => {
    expect(writtenRows.take(999_999)).toBeUndefined();
  });

  it('remembers nothing until the sealer enables it (a CLI process only writes)', () => {
    const off = new WrittenRows();
    noteWritten(off, 1, auditToRow(ev()));
    expect(off.take(1)).toBeUndefined();
  });

  it.each([
    ['a non-string time', { time: 12 as unknown as string }],
    ['a numeric key id', { keyId: 7 as unknown as string }],
    ['an object tenant id', { tenantId: {} as unknown as string }],
  ])('does not remember a row with %s, so the sealer reads it back and checks it', (_name, over) => {
    noteWritten(writtenRows, 2001, auditToRow(ev(over)));
    expect(writtenRows.take(2001)).toBeUndefined();
  });

  it('names the next row of ours above a gap, forgetting older ones', () => {
    for (const seq of [3001, 3005, 3006]) noteWritten(writtenRows, seq, auditToRow(ev()));
    expect(writtenRows.nextAfter(3001)).toBe(3005);
    expect(writtenRows.take(3001)).toBeUndefined();
    expect(writtenRows.take(3005)).toBeDefined();
    expect(writtenRows.nextAfter(3005)).toBe(3006);
    expect(writtenRows.nextAfter(3006)).toBeUndefined();
  });
});
