// One bounded autocannon run against one target, with latencies kept at sub-millisecond precision.
import autocannon from 'autocannon';
import type { RunResult } from './stats.js';
import { percentile } from './stats.js';

export interface LoadSpec {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly connections: number;
  readonly durationSec: number;
}

export function runLoad(spec: LoadSpec): Promise<RunResult> {
  // autocannon's own histogram rounds to whole milliseconds; "≤ 1 ms added" needs better,
  // so every 2xx response time is kept here (a few tens of thousands of floats per run).
  const times: number[] = [];
  let failures = 0;
  const failed: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const inst = autocannon(
      {
        url: spec.url,
        method: spec.method,
        headers: spec.headers,
        ...(spec.body !== undefined ? { body: spec.body } : {}),
        connections: spec.connections,
        duration: spec.durationSec,
        pipelining: 1,
        timeout: 10,
      },
      (err, result) => {
        if (err) return reject(err);
        failures += result.errors; // autocannon counts timeouts in errors too
        if (result.errors > 0) failed['error'] = result.errors;
        resolve({
          rps: times.length / Math.max(0.001, result.duration),
          p50: percentile(times, 50),
          p99: percentile(times, 99),
          failures,
          count: times.length,
          ...(failures > 0 ? { failed } : {}),
        });
      },
    );
    inst.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status >= 200 && status < 300) times.push(ms);
      else {
        failures++;
        failed[status] = (failed[status] ?? 0) + 1;
      }
    });
  });
}
