// One bounded wrk run (Debian's /usr/bin/wrk, pinned to the load core) against one target, with a Lua script for the body.
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadSpec } from './load.js';
import type { RunResult } from './stats.js';

export const WRK = '/usr/bin/wrk';
export const wrkAvailable = (): boolean => existsSync(WRK);

/** The marker of the one line the script's done() prints: the run's figures as JSON. */
const MARK = 'WARDEN_WRK ';

/**
 * Pure: the Lua script for a spec. The body and headers are Lua string literals (JSON string
 * escapes are valid Lua for ASCII); done() prints request count, errors and µs percentiles,
 * wrk's own histogram being exact to the microsecond.
 */
export function wrkScript(spec: Pick<LoadSpec, 'method' | 'headers' | 'body'>): string {
  const lit = (s: string) => JSON.stringify(s);
  return [
    `wrk.method = ${lit(spec.method)}`,
    ...Object.entries(spec.headers).map(([k, v]) => `wrk.headers[${lit(k)}] = ${lit(v)}`),
    ...(spec.body !== undefined ? [`wrk.body = ${lit(spec.body)}`] : []),
    'done = function(summary, latency, requests)',
    '  local e = summary.errors',
    `  io.write(string.format("${MARK}{\\"requests\\":%d,\\"duration_us\\":%d,\\"connect\\":%d,\\"read\\":%d,\\"write\\":%d,\\"status\\":%d,\\"timeout\\":%d,\\"p50_us\\":%d,\\"p99_us\\":%d}\\n",`,
    '    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout, latency:percentile(50), latency:percentile(99)))',
    'end',
    '',
  ].join('\n');
}

/** Pure: wrk's stdout to a run (non-2xx answers — wrk counts status > 399 — and socket errors are failures). */
export function parseWrkOutput(stdout: string): RunResult {
  const line = stdout.split('\n').find((l) => l.startsWith(MARK));
  if (line === undefined) throw new Error(`wrk printed no summary: ${stdout.slice(0, 300)}`);
  const j = JSON.parse(line.slice(MARK.length)) as Record<string, number>;
  const n = (k: string) => j[k] ?? 0;
  const socket = n('connect') + n('read') + n('write') + n('timeout');
  const count = Math.max(0, n('requests') - n('status'));
  const failed: Record<string, number> = {};
  if (n('status') > 0) failed['status>399'] = n('status');
  if (socket > 0) failed['error'] = socket;
  return {
    rps: count / Math.max(1e-3, n('duration_us') / 1e6),
    p50: n('p50_us') / 1000,
    p99: n('p99_us') / 1000,
    failures: n('status') + socket,
    count,
    ...(Object.keys(failed).length > 0 ? { failed } : {}),
  };
}

/** Runs wrk with one thread on `cpus` (taskset), the script written into `dir` (it holds a bench key: the dir is the bench's tmp). */
export function runWrk(spec: LoadSpec, dir: string, cpus: string | undefined): Promise<RunResult> {
  const script = join(dir, 'wrk.lua');
  writeFileSync(script, wrkScript(spec), { mode: 0o600 });
  const args = ['-t1', `-c${spec.connections}`, `-d${Math.max(1, Math.round(spec.durationSec))}s`, '--timeout', '10s', '-s', script, spec.url];
  const [cmd, argv] = cpus === undefined ? [WRK, args] : ['taskset', ['-c', cpus, WRK, ...args]];
  return new Promise((resolve, reject) => {
    execFile(cmd, argv, { timeout: (spec.durationSec + 30) * 1000, maxBuffer: 1 << 20 }, (err, stdout) => {
      if (err) return reject(new Error(`wrk failed: ${err.message}`));
      try {
        resolve(parseWrkOutput(stdout));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}
