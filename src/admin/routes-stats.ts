// Admin route for the console overview: request, denial, safety, risk and spend series over a recent window.
import type { Deps } from '../deps.js';
import { partialNote, SCAN_LIMITS, scanNewest, type ScanLimits } from '../audit/scan-newest.js';
import { seriesFold } from '../audit/timeseries.js';
import { buildPriceTable } from '../limits/price.js';
import type { AdminRoute } from './route.js';

/** Buckets per window: enough for a chart, few enough to read at a glance. */
const BUCKETS = 72;

export function statsRoutes(deps: Pick<Deps, 'auditLog' | 'config'>, limits: ScanLimits = SCAN_LIMITS): AdminRoute[] {
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
        const from = new Date(nowMs - windowS * 1000).toISOString();
        const end = await scanNewest(
          deps.auditLog.log,
          { from },
          (r) => {
            if (r.kind === 'request') fold.add(JSON.parse(r.body) as Record<string, unknown>);
          },
          limits,
        );
        return { status: 200, body: { ...base, ...fold.series, ...partialNote(end) } };
      },
    },
  ];
}
