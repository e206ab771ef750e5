// Reading the audit log back from its newest event, a page at a time: memory stays bounded however large the log,
// and time too, by a cap on the events read. Admin reads (search, overview charts) go through here.
import type { AuditLogStore, AuditQuery, AuditRow } from './log-port.js';

export interface ScanLimits {
  /** Rows per read. */
  readonly page: number;
  /** Rows read at most per scan; past it the scan reports how far back it got. */
  readonly max: number;
}

export const SCAN_LIMITS: ScanLimits = { page: 2_000, max: 500_000 };

/** Replicas stamp an event's time before it commits, so seq order and time order differ by up to this much. */
const SKEW_MS = 60_000;

export type ScanEnd = { complete: true; scanned: number } | { complete: false; scanned: number; coversFrom: string };

/**
 * Visits the rows matching `q`, newest first. `from` is applied here rather than in the query (SQLite has no time
 * index: the primary key is the cheap way in), and the scan stops once a page reaches past it.
 */
export async function scanNewest(log: Pick<AuditLogStore, 'findNewest'>, q: AuditQuery, visit: (r: AuditRow) => void, limits: ScanLimits = SCAN_LIMITS): Promise<ScanEnd> {
  const { from, ...rest } = q;
  const fromMs = from === undefined ? undefined : Date.parse(from);
  let before: number | undefined;
  let scanned = 0;
  for (;;) {
    const rows = await log.findNewest(rest, before, limits.page);
    for (const r of rows) if (fromMs === undefined || Date.parse(r.time) >= fromMs) visit(r);
    scanned += rows.length;
    const last = rows.at(-1);
    if (!last || rows.length < limits.page || (fromMs !== undefined && Date.parse(last.time) < fromMs - SKEW_MS)) return { complete: true, scanned };
    if (scanned >= limits.max) return { complete: false, scanned, coversFrom: last.time };
    before = last.seq;
  }
}

/** The answer's note when a scan stopped at its cap. */
export const partialNote = (end: ScanEnd) => (end.complete ? {} : { partial: { scanned: end.scanned, coversFrom: end.coversFrom } });
