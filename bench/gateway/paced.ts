// Open-loop load at a fixed request rate: what a target adds to each request when it is not saturated. autocannon's
// rate option cannot do this (each connection sends back to back until its quota for the second is used, so every
// second starts with a saturating burst), and wrk is closed-loop. This generator writes one prepared request on raw
// kept-alive sockets and only frames the answers (http-framing.ts): a few µs of its core per request, where an HTTP
// client's request objects, promises and body streams cost tens and made the generator itself late.
import { connect, type Socket } from 'node:net';
import { ResponseFraming } from './http-framing.js';
import type { LoadSpec } from './load.js';
import type { RunResult } from './stats.js';
import { percentile } from './stats.js';

export interface PacedSpec extends LoadSpec {
  /** Requests per second, spread evenly over the run. */
  readonly rate: number;
  /** Cap on the generator's connections (default PACED_MAX_CONNECTIONS), e.g. under a tenant's concurrency limit. */
  readonly maxConnections?: number;
  /** Requests due in the first this many ms are sent but not timed (fresh connections' first requests). */
  readonly untimedMs?: number;
}

/**
 * Connections the generator may open. An open-loop generator must never be what limits the
 * rate: with the cell's 16, a target slowed for a moment to 13 ms a request could carry only
 * 16 / 13 ms ≈ 1 200 req/s, and the queue (and the latency) would grow without bound.
 */
export const PACED_MAX_CONNECTIONS = 512;

/** Longest a request may take before its connection is dropped and it counts as failed. */
const REQUEST_TIMEOUT_MS = 10_000;

/** Pure: how many requests are due by `elapsedMs` at `rate` per second (the schedule, not the clock). */
export function dueBy(elapsedMs: number, rate: number): number {
  return elapsedMs <= 0 ? 0 : Math.floor((elapsedMs * rate) / 1000) + 1;
}

/** Pure: the bytes of the one request every send repeats. */
export function requestBytes(spec: Pick<LoadSpec, 'url' | 'method' | 'headers' | 'body'>): Buffer {
  const u = new URL(spec.url);
  const body = spec.body === undefined ? undefined : Buffer.from(spec.body);
  const lines = [`${spec.method} ${u.pathname}${u.search} HTTP/1.1`, `host: ${u.host}`];
  for (const [k, v] of Object.entries(spec.headers)) lines.push(`${k}: ${v}`);
  if (body !== undefined) lines.push(`content-length: ${body.length}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  return body === undefined ? head : Buffer.concat([head, body]);
}

interface Conn {
  readonly socket: Socket;
  /** When the request on this connection was due (its latency counts from then), and when it was written. */
  due: number;
  busy: boolean;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Requests go out on schedule whatever the target does (open loop): one due while every connection is busy waits
 * for one (a new connection up to the cap), and that wait counts. Latency is timed from the moment each request was
 * due (corrected for coordinated omission), so a generator that wakes late cannot hide a slow answer. How late the
 * generator itself woke (it wakes about every millisecond, and shares its core with the upstream) is reported apart
 * as `genLagP99`, so a busy load core shows as such: when that alone exceeds a goal, the run cannot judge it.
 * `rps` is the rate achieved in 2xx answers.
 */
export async function runPaced(spec: PacedSpec): Promise<RunResult> {
  const r = await runPacedRaw(spec);
  return {
    rps: r.count / Math.max(0.001, r.elapsedSec),
    p50: percentile(Array.from(r.latencies), 50),
    p99: percentile(Array.from(r.latencies), 99),
    failures: r.failures,
    count: r.count,
    genLagP99: percentile(Array.from(r.lags), 99),
    ...(r.failures > 0 ? { failed: r.failed } : {}),
  };
}

/** One fixed-rate run's raw figures: every answered request's latency from its due time, and the generator's lateness. */
export interface PacedRaw {
  /** ms from each 2xx request's due time to its answer's end. */
  readonly latencies: Float64Array;
  /** ms the generator woke late for each request it sent. */
  readonly lags: Float64Array;
  readonly failures: number;
  readonly failed: Readonly<Record<string, number>>;
  readonly count: number;
  readonly elapsedSec: number;
}

/** runPaced's run, its samples kept (for pooling short slices of one target into one percentile). */
export async function runPacedRaw(spec: PacedSpec): Promise<PacedRaw> {
  const u = new URL(spec.url);
  const port = Number(u.port || 80);
  const host = u.hostname;
  const request = requestBytes(spec);
  const max = Math.max(spec.connections, spec.maxConnections ?? PACED_MAX_CONNECTIONS);
  const total = Math.max(1, Math.round(spec.rate * spec.durationSec));
  const interval = 1000 / spec.rate;
  // Preallocated: pushing into growing arrays mid-run would allocate on the generator's clock.
  const times = new Float64Array(total);
  const lags = new Float64Array(total);
  let nTimes = 0;
  let nLags = 0;
  const failed: Record<string, number> = {};
  let failures = 0;
  let settled = 0;
  const fail = (why: string): void => {
    failures++;
    settled++;
    failed[why] = (failed[why] ?? 0) + 1;
  };
  const idle: Conn[] = [];
  const all = new Set<Conn>();
  /** Due times of requests waiting for a connection, oldest first. */
  const waiting: number[] = [];
  let waitHead = 0;
  let opening = 0;
  /** Answers to requests due before this are not timed (set when the clock starts). */
  let timedFrom = Number.POSITIVE_INFINITY;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((r) => (finish = r));
  const checkDone = (): void => {
    if (settled >= total) finish();
  };

  const send = (c: Conn, due: number): void => {
    c.due = due;
    c.busy = true;
    c.timer = setTimeout(() => c.socket.destroy(new Error('timeout')), REQUEST_TIMEOUT_MS);
    c.socket.write(request);
  };
  const next = (c: Conn): void => {
    if (waitHead < waiting.length) send(c, waiting[waitHead++]!);
    else idle.push(c);
  };
  const open = (): void => {
    opening++;
    const socket = connect({ host, port, noDelay: true });
    const c: Conn = { socket, due: 0, busy: false, timer: undefined };
    const framing = new ResponseFraming((status) => {
      const now = performance.now();
      clearTimeout(c.timer);
      c.busy = false;
      settled++;
      if (status >= 200 && status < 300) {
        if (c.due >= timedFrom) times[nTimes++] = now - c.due;
      } else failures++, (failed[String(status)] = (failed[String(status)] ?? 0) + 1);
      next(c);
      checkDone();
    });
    socket.on('connect', () => {
      opening--;
      all.add(c);
      next(c);
    });
    socket.on('data', (b: Buffer) => {
      try {
        framing.feed(b);
      } catch {
        socket.destroy(new Error('framing'));
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(c.timer);
      const connected = all.delete(c);
      if (!connected) opening--;
      const i = idle.indexOf(c);
      if (i >= 0) idle.splice(i, 1);
      if (c.busy) {
        c.busy = false;
        fail('error');
        checkDone();
      }
      // Requests still waiting get a fresh connection (the target closed this one).
      if (connected && settled < total && waitHead < waiting.length && all.size + opening < max) open();
    });
  };
  const dispatch = (due: number): void => {
    const c = idle.pop();
    if (c) return send(c, due);
    waiting.push(due);
    if (all.size + opening < max) open();
  };

  // Connections opened before the clock starts: a connect is not part of any request's latency.
  for (let i = 0; i < spec.connections; i++) open();
  await new Promise<void>((resolve) => {
    const ready = (): void => (opening === 0 ? resolve() : void setTimeout(ready, 1));
    ready();
  });
  if (all.size === 0) throw new Error(`fixed-rate generator: could not connect to ${u.origin}`);

  const start = performance.now();
  timedFrom = start + (spec.untimedMs ?? 0);
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const now = performance.now();
      const due = Math.min(total, dueBy(now - start, spec.rate));
      for (; sent < due; sent++) {
        const at = start + sent * interval;
        lags[nLags++] = now - at;
        dispatch(at);
      }
      if (sent >= total) return resolve();
      setTimeout(tick, 1);
    };
    tick();
  });
  await Promise.race([finished, new Promise((r) => setTimeout(r, REQUEST_TIMEOUT_MS + 1000))]);
  const elapsedSec = (performance.now() - start) / 1000;
  for (const c of all) c.socket.destroy();
  // Never answered within the deadline (or never sent: no connection could be had).
  if (settled < total) {
    failures += total - settled;
    failed['timeout'] = (failed['timeout'] ?? 0) + total - settled;
  }
  return { latencies: times.slice(0, nTimes), lags: lags.slice(0, nLags), failures, failed, count: nTimes, elapsedSec };
}
