// The concurrency-1 time-to-first-byte probe for streams: one request at a time, timed to the first body chunk.
import { Pool } from 'undici';
import type { LoadSpec } from './load.js';
import { percentile, type RunResult } from './stats.js';

/**
 * `requests` sequential streamed requests on one kept-alive connection, after `warmup` untimed
 * ones; each timed from send to its first body bytes (the first SSE event), then drained.
 */
export async function runTtfb(spec: Omit<LoadSpec, 'connections' | 'durationSec'>, requests: number, warmup: number): Promise<RunResult> {
  const u = new URL(spec.url);
  const pool = new Pool(u.origin, { connections: 1, pipelining: 1, keepAliveTimeout: 30_000 });
  const times: number[] = [];
  const failed: Record<string, number> = {};
  let failures = 0;
  try {
    for (let i = 0; i < warmup + requests; i++) {
      const t0 = performance.now();
      try {
        const res = await pool.request({ path: `${u.pathname}${u.search}`, method: spec.method, headers: spec.headers, body: spec.body ?? null, headersTimeout: 10_000, bodyTimeout: 10_000 });
        let first: number | undefined;
        for await (const _chunk of res.body) first ??= performance.now();
        if (res.statusCode !== 200) failures++, (failed[res.statusCode] = (failed[res.statusCode] ?? 0) + 1);
        else if (i >= warmup && first !== undefined) times.push(first - t0);
      } catch {
        failures++;
        failed['error'] = (failed['error'] ?? 0) + 1;
      }
    }
  } finally {
    await pool.close();
  }
  return { rps: Number.NaN, p50: percentile(times, 50), p99: percentile(times, 99), failures, count: times.length, ...(failures > 0 ? { failed } : {}) };
}
