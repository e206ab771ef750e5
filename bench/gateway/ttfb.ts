// The concurrency-1 time-to-first-byte probe for streams: one request at a time, timed to the first body chunk.
import { Pool } from 'undici';
import type { LoadSpec } from './load.js';
import { percentile, type RunResult } from './stats.js';

type TtfbSpec = Omit<LoadSpec, 'connections' | 'durationSec'>;

/** One kept-alive connection to one target, and what its requests measured. */
interface Probe {
  readonly spec: TtfbSpec;
  readonly path: string;
  readonly pool: Pool;
  readonly times: number[];
  readonly failed: Record<string, number>;
  failures: number;
}

const probeOf = (spec: TtfbSpec): Probe => {
  const u = new URL(spec.url);
  return { spec, path: `${u.pathname}${u.search}`, pool: new Pool(u.origin, { connections: 1, pipelining: 1, keepAliveTimeout: 30_000 }), times: [], failed: {}, failures: 0 };
};

/** One streamed request, timed from send to its first body bytes (the first SSE event), then drained. */
async function once(p: Probe, timed: boolean): Promise<void> {
  const t0 = performance.now();
  try {
    const res = await p.pool.request({ path: p.path, method: p.spec.method, headers: p.spec.headers, body: p.spec.body ?? null, headersTimeout: 10_000, bodyTimeout: 10_000 });
    let first: number | undefined;
    for await (const _chunk of res.body) first ??= performance.now();
    if (res.statusCode !== 200) p.failures++, (p.failed[res.statusCode] = (p.failed[res.statusCode] ?? 0) + 1);
    else if (timed && first !== undefined) p.times.push(first - t0);
  } catch {
    p.failures++;
    p.failed['error'] = (p.failed['error'] ?? 0) + 1;
  }
}

const resultOf = (p: Probe): RunResult => ({
  rps: Number.NaN,
  p50: percentile(p.times, 50),
  p99: percentile(p.times, 99),
  failures: p.failures,
  count: p.times.length,
  ...(p.failures > 0 ? { failed: p.failed } : {}),
});

/**
 * `requests` sequential streamed requests to each target on one kept-alive connection each, after `warmup` untimed
 * ones, the targets taking turns request by request (each in turn going first): a noisy host's drift (another
 * process waking, a busy load core) then falls on every target alike, where one target's whole run after another's
 * would catch it alone.
 */
export async function runTtfbInterleaved(specs: readonly TtfbSpec[], requests: number, warmup: number): Promise<RunResult[]> {
  const probes = specs.map(probeOf);
  try {
    // The order turns too: a target that follows another on a shared core meets what that one left running (its
    // after-work, GC), so no target may always follow the same one.
    for (let i = 0; i < warmup + requests; i++) for (let j = 0; j < probes.length; j++) await once(probes[(i + j) % probes.length]!, i >= warmup);
  } finally {
    await Promise.all(probes.map((p) => p.pool.close()));
  }
  return probes.map(resultOf);
}

/** The same for one target. */
export async function runTtfb(spec: TtfbSpec, requests: number, warmup: number): Promise<RunResult> {
  return (await runTtfbInterleaved([spec], requests, warmup))[0]!;
}
