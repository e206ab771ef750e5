// Pure: what may stall a target during a fixed-rate run, from its /metrics before and after, and how busy the load core was.

/** `name{labels} value` lines of Prometheus text → value by the series as written (name plus labels). */
export function parseProm(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    const v = Number(line.slice(at + 1));
    if (at > 0 && Number.isFinite(v)) out.set(line.slice(0, at), v);
  }
  return out;
}

/** What the gateway's own figures say about one run. */
export interface TargetStalls {
  /** Time in GC per second of the run, ms. */
  readonly gcMsPerSec: number;
  /** GC pauses of 10 ms or more (the bucket prom-client keeps). */
  readonly gcPausesOver10ms: number;
  /** The longest event-loop delay seen (monitorEventLoopDelay, reset at each scrape), ms. */
  readonly loopLagMaxMs: number;
  /** Mean audit batch write (one commit), ms, and batches that took 5 ms or more. */
  readonly auditWriteMeanMs: number;
  readonly auditWritesOver5ms: number;
  /** Events per commit (group commit grows batches with load). */
  readonly eventsPerCommit: number;
}

const sumOf = (m: Map<string, number>, pred: (series: string) => boolean): number => {
  let s = 0;
  for (const [k, v] of m) if (pred(k)) s += v;
  return s;
};

/** Pure: the stalls of a run from the scrapes around it (prefix: the gateway's metric prefix). */
export function stallsBetween(before: Map<string, number>, after: Map<string, number>, seconds: number): TargetStalls {
  const delta = (pred: (s: string) => boolean) => sumOf(after, pred) - sumOf(before, pred);
  const gc = 'warden_nodejs_gc_duration_seconds';
  const gcSec = delta((s) => s.startsWith(`${gc}_sum`));
  const gcAll = delta((s) => s.startsWith(`${gc}_count`));
  const gcUnder10 = delta((s) => s.startsWith(`${gc}_bucket`) && s.includes('le="0.01"'));
  const writes = delta((s) => s === 'warden_audit_commit_seconds_count');
  const writeSec = delta((s) => s === 'warden_audit_commit_seconds_sum');
  const writesUnder5 = delta((s) => s === 'warden_audit_commit_seconds_bucket{le="0.005"}');
  return {
    gcMsPerSec: (gcSec * 1000) / Math.max(1e-3, seconds),
    gcPausesOver10ms: gcAll - gcUnder10,
    loopLagMaxMs: (after.get('warden_nodejs_eventloop_lag_max_seconds') ?? Number.NaN) * 1000,
    auditWriteMeanMs: writes > 0 ? (writeSec * 1000) / writes : Number.NaN,
    auditWritesOver5ms: writes - writesUnder5,
    eventsPerCommit: writes > 0 ? delta((s) => s === 'warden_audit_events_written_total') / writes : Number.NaN,
  };
}

/** Pure: busy and total jiffies of one core from /proc/stat text (`cpuN` line: all but idle and iowait are busy). */
export function coreTicks(stat: string, core: number): { busy: number; total: number } | undefined {
  const line = stat.split('\n').find((l) => l.startsWith(`cpu${core} `));
  if (line === undefined) return undefined;
  const n = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = n.reduce((a, b) => a + b, 0);
  return { busy: total - (n[3] ?? 0) - (n[4] ?? 0), total };
}
