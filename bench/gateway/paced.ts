// Open-loop load at a fixed request rate: what a target adds to each request when it is not
// saturated. autocannon's rate option cannot do this: each connection sends back to back until
// its quota for the second is used, so every second starts with a saturating burst.
import { Pool } from 'undici';
import type { LoadSpec } from './load.js';
import type { RunResult } from './stats.js';
import { percentile } from './stats.js';

export interface PacedSpec extends LoadSpec {
  /** Requests per second, spread evenly over the run. */
  readonly rate: number;
  /** Cap on the generator's connections (default PACED_MAX_CONNECTIONS), e.g. under a tenant's concurrency limit. */
  readonly maxConnections?: number;
}

/**
 * Connections the generator may open. An open-loop generator must never be what limits the
 * rate: with the cell's 16, a target slowed for a moment to 13 ms a request could carry only
 * 16 / 13 ms ≈ 1 200 req/s, and the queue (and the latency) would grow without bound.
 */
export const PACED_MAX_CONNECTIONS = 512;

/** Pure: how many requests are due by `elapsedMs` at `rate` per second (the schedule, not the clock). */
export function dueBy(elapsedMs: number, rate: number): number {
  return elapsedMs <= 0 ? 0 : Math.floor((elapsedMs * rate) / 1000) + 1;
}

/**
 * Requests go out on schedule whatever the target does (open loop): a slow target meets a queue
 * in the pool, and that wait counts, since latency is timed from the moment a request is handed
 * to the pool. The generator's own lateness (it wakes about every millisecond, and shares its core
 * with the upstream) does not count there: it is reported apart as `genLagP99`, how late the 99th
 * percentile request left against its schedule, so a busy load core shows as such, not as the target's.
 * `rps` is the rate achieved in 2xx answers.
 */
export async function runPaced(spec: PacedSpec): Promise<RunResult> {
  const u = new URL(spec.url);
  const pool = new Pool(u.origin, { connections: Math.max(spec.connections, spec.maxConnections ?? PACED_MAX_CONNECTIONS), pipelining: 1, keepAliveTimeout: 30_000 });
  const path = `${u.pathname}${u.search}`;
  const total = Math.max(1, Math.round(spec.rate * spec.durationSec));
  const times: number[] = [];
  const failed: Record<string, number> = {};
  let failures = 0;
  const inFlight = new Set<Promise<void>>();
  const lags: number[] = [];
  const send = (due: number): void => {
    const sentAt = performance.now();
    lags.push(sentAt - due);
    const p = pool
      .request({ path, method: spec.method, headers: spec.headers, body: spec.body ?? null, headersTimeout: 10_000, bodyTimeout: 10_000 })
      .then(async (res) => {
        await res.body.dump({ limit: 16 * 1024 * 1024 });
        if (res.statusCode >= 200 && res.statusCode < 300) times.push(performance.now() - sentAt);
        else failures++, (failed[res.statusCode] = (failed[res.statusCode] ?? 0) + 1);
      })
      .catch(() => {
        failures++;
        failed['error'] = (failed['error'] ?? 0) + 1;
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };
  const start = performance.now();
  let sent = 0;
  try {
    await new Promise<void>((resolve) => {
      const tick = (): void => {
        const due = Math.min(total, dueBy(performance.now() - start, spec.rate));
        for (; sent < due; sent++) send(start + (sent * 1000) / spec.rate);
        if (sent >= total) return resolve();
        setTimeout(tick, 1);
      };
      tick();
    });
    await Promise.all(inFlight);
  } finally {
    await pool.close();
  }
  const elapsedSec = (performance.now() - start) / 1000;
  return {
    rps: times.length / Math.max(0.001, elapsedSec),
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    failures,
    count: times.length,
    genLagP99: percentile(lags, 99),
    ...(failures > 0 ? { failed } : {}),
  };
}
