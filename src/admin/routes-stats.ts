// Admin route for the console overview: request, denial, safety, risk and spend series over a recent window.
import type { Deps } from '../deps.js';
import { seriesFold } from '../audit/timeseries.js';
import { buildPriceTable } from '../limits/price.js';
import type { AdminRoute } from './route.js';

/** Buckets per window: enough for a chart, few enough to read at a glance. */
const BUCKETS = 72;
/**
 * Rows read per page, newest first, so memory stays bounded however busy the window was; and events read at most
 * per call: past that the answer covers the newest part of the window and says from when.
 */
const SCAN = { page: 2_000, max: 500_000 };
/** Replicas commit in seq order but stamp time before commit: how far back past the window paging goes on. */
const SKEW_MS = 60_000;

export function statsRoutes(deps: Pick<Deps, 'auditLog' | 'config'>, scan = SCAN): AdminRoute[] {
  const prices = buildPriceTable(deps.config.limits.prices);
  return [
    {
      method: 'GET',
      path: '/stats/overview',
      async handle({ query }) {
        const hours = Number(query.get('hours') ?? 24);
        if (!Number.isInteger(hours) || hours < 1 || hours > 168) return { denial: { code: 'INVALID_REQUEST', message: 'hours must be a whole number from 1 to 168.', param: 'hours' } };
        const nowMs = Date.now();
        const windowS = hours * 3600;
        const base = { hours, bucketSeconds: windowS / BUCKETS };
        const fold = seriesFold({ nowMs, windowS, bucketS: base.bucketSeconds, prices, fallback: deps.config.limits.fallbackPrice });
        const stopMs = nowMs - windowS * 1000 - SKEW_MS;
        let before: number | undefined;
        let scanned = 0;
        for (;;) {
          const rows = await deps.auditLog.log.rowsBefore(before, scan.page);
          for (const r of rows) if (r.kind === 'request') fold.add(JSON.parse(r.body) as Record<string, unknown>);
          scanned += rows.length;
          const last = rows.at(-1);
          if (!last || rows.length < scan.page || Date.parse(last.time) < stopMs) break;
          if (scanned >= scan.max) return { status: 200, body: { ...base, ...fold.series, partial: { scanned, coversFrom: last.time } } };
          before = last.seq;
        }
        return { status: 200, body: { ...base, ...fold.series } };
      },
    },
  ];
}
