import { describe, expect, it } from 'vitest';
import type { AuditQuery, AuditRow } from './log-port.js';
import { partialNote, scanNewest } from './scan-newest.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const row = (seq: number, minute: number, keyId: string): AuditRow => ({
  seq,
  time: new Date(T0 + minute * 60_000).toISOString(),
  kind: 'request',
  requestId: `q${seq}`,
  keyId,
  tenantId: null,
  body: '{}',
  seal: null,
});

// 100 rows one a minute; key A on even seqs. The fake answers like the backends: filtered, newest first, paged.
function fakeLog(rows: AuditRow[]) {
  const reads: { before: number | undefined; q: AuditQuery }[] = [];
  return {
    reads,
    async findNewest(q: AuditQuery, before: number | undefined, limit: number) {
      reads.push({ before, q });
      return rows
        .filter((r) => r.seq < (before ?? Infinity) && (q.keyId === undefined || r.keyId === q.keyId) && (q.from === undefined || r.time >= q.from))
        .reverse()
        .slice(0, limit);
    },
  };
}
const rows = Array.from({ length: 100 }, (_, i) => row(i + 1, i, i % 2 ? 'B' : 'A'));

describe('scanNewest', () => {
  it('visits every match newest first across pages and says the scan was complete', async () => {
    const log = fakeLog(rows);
    const seen: number[] = [];
    const end = await scanNewest(log, { keyId: 'A' }, (r) => seen.push(r.seq), { page: 7, max: 1_000 });
    expect(seen).toEqual(
      rows
        .filter((r) => r.keyId === 'A')
        .map((r) => r.seq)
        .reverse(),
    );
    expect(end).toEqual({ complete: true, scanned: 50 });
    expect(partialNote(end)).toEqual({});
    expect(log.reads.map((r) => r.before)).toEqual([undefined, 87, 73, 59, 45, 31, 17, 3]);
  });

  it('applies `from` itself and stops a page past it instead of reading the whole log', async () => {
    const log = fakeLog(rows);
    const seen: number[] = [];
    // From minute 90: rows 91..100 match; a minute of slack (seq order vs time order) is read past, then it stops.
    const end = await scanNewest(log, { from: new Date(T0 + 90 * 60_000).toISOString() }, (r) => seen.push(r.seq), { page: 5, max: 1_000 });
    expect(seen).toEqual([100, 99, 98, 97, 96, 95, 94, 93, 92, 91]);
    expect(end.complete).toBe(true);
    expect(log.reads.every((r) => r.q.from === undefined)).toBe(true);
    expect(end.scanned).toBeLessThanOrEqual(20);
  });

  it('stops at the cap and reports how far back it got', async () => {
    const log = fakeLog(rows);
    const end = await scanNewest(log, {}, () => {}, { page: 10, max: 30 });
    expect(end).toEqual({ complete: false, scanned: 30, coversFrom: rows[70]!.time });
    expect(partialNote(end)).toEqual({ partial: { scanned: 30, coversFrom: rows[70]!.time } });
  });
});
