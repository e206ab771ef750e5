// Admin route for the console overview: request, denial, safety, risk and spend series over a recent window.
import type { Deps } from '../deps.js';
import { timeseries } from '../audit/timeseries.js';
import { buildPriceTable } from '../limits/price.js';
import type { AdminRoute } from './router.js';

/** Buckets per window: enough for a chart, few enough to read at a glance. */
const BUCKETS = 72;

export function statsRoutes(deps: Pick<Deps, 'auditLog' | 'config'>): AdminRoute[] {
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
        const rows = await deps.auditLog.log.find({ from: new Date(nowMs - windowS * 1000).toISOString() });
        const events = (function* () {
          for (const r of rows) if (r.kind === 'request') yield JSON.parse(r.body) as Record<string, unknown>;
        })();
        const series = timeseries(events, { nowMs, windowS, bucketS: windowS / BUCKETS, prices, fallback: deps.config.limits.fallbackPrice });
        return { status: 200, body: { hours, bucketSeconds: windowS / BUCKETS, ...series } };
      },
    },
  ];
}
