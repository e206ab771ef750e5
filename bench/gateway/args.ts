// Pure parsing of `npm run bench -- [flags]` into a bench plan.
import { parseArgs } from 'node:util';
import { CONCURRENCY, DEFAULT_TARGETS, SCENARIOS, type Scenario, TARGETS, type TargetName } from './scenarios.js';

export interface BenchArgs {
  readonly scenarios: readonly Scenario[];
  readonly concurrency: readonly number[];
  readonly targets: readonly TargetName[];
  readonly runs: number;
  readonly durationSec: number;
  readonly warmupSec: number;
  readonly json: string | undefined;
  /** After the table, profile a pinned default gateway under chat load and print µs per request per stage. */
  readonly profile: boolean;
  /** Share of the passthrough's peak req/s offered at a fixed rate to time unsaturated latency (0: skip). */
  readonly pacedShare: number;
  /** Seconds of each fixed-rate run. */
  readonly pacedSec: number;
  /** Timed requests of each concurrency-1 TTFB run (streamed scenarios). */
  readonly ttfbRequests: number;
  /** Which measurements run: the throughput cells, the streams' TTFB probe, the fixed-rate table. */
  readonly cells: readonly Cell[];
  /** Offer this many req/s at the fixed rate instead of a share of the passthrough's peak. */
  readonly pacedRate: number | undefined;
  /** wrk (Debian's, one thread pinned to the load core) or autocannon (in this process, pinned likewise). */
  readonly loadgen: 'wrk' | 'autocannon';
  /** Pin the target to core 0 and the load generator and simulator to core 1 (off: everything floats). */
  readonly pin: boolean;
}

export const CELLS = ['throughput', 'ttfb', 'paced'] as const;
export type Cell = (typeof CELLS)[number];

export const USAGE = `usage: npm run bench -- [--quick] [--scenario chat,chat-stream,images,embeddings] [--concurrency 16,64]
                        [--targets passthrough,gateway,gateway-2cores,gateway-worker,gateway-core,simulator] [--runs 3] [--duration 3] [--paced 0.5]
                        [--loadgen wrk|autocannon] [--no-pin] [--json out.json] [--profile]
                        [--cells throughput,ttfb,paced] [--ttfb-only] [--ttfb-requests 300] [--paced-rate N]
  --quick     one concurrency (16), one run of 2 s per cell (default: 16 and 64, median of 3 runs of 3 s)
  --paced     per scenario, offer this share of the passthrough's peak req/s at a fixed rate to every
              target and time what each adds when not saturated (default 0.5; 0 skips it)
  --no-pin    do not pin (target on core 0, load generator and simulator on core 1)
  --cells     which measurements run (default all three); without throughput, a warm-up load first
  --ttfb-only the same as --cells ttfb: only the streams' concurrency-1 time-to-first-byte probe
  --paced-rate  offer this many req/s at the fixed rate (instead of --paced's share of the peak; without
              the throughput cells the peak is the passthrough's over its warm-up at concurrency 16)
  --profile   then profile a pinned default gateway under chat load: CPU µs per request per pipeline stage`;

const list = (s: string | undefined): string[] | undefined =>
  s === undefined
    ? undefined
    : s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);

export function parseBenchArgs(argv: readonly string[]): { ok: true; args: BenchArgs } | { ok: false; reason: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        quick: { type: 'boolean' },
        scenario: { type: 'string' },
        concurrency: { type: 'string' },
        targets: { type: 'string' },
        runs: { type: 'string' },
        duration: { type: 'string' },
        json: { type: 'string' },
        profile: { type: 'boolean' },
        paced: { type: 'string' },
        loadgen: { type: 'string' },
        'no-pin': { type: 'boolean' },
        'ttfb-only': { type: 'boolean' },
        cells: { type: 'string' },
        'paced-rate': { type: 'string' },
        'ttfb-requests': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
  if (values.help) return { ok: false, reason: 'help' };
  const names = list(values.scenario);
  const scenarios = names === undefined ? SCENARIOS : SCENARIOS.filter((s) => names.includes(s.name));
  const unknown = names?.filter((n) => !SCENARIOS.some((s) => s.name === n)) ?? [];
  if (unknown.length > 0) return { ok: false, reason: `unknown scenario(s): ${unknown.join(', ')} (known: ${SCENARIOS.map((s) => s.name).join(', ')})` };
  const quick = values.quick === true;
  const concurrency = list(values.concurrency)?.map(Number) ?? (quick ? CONCURRENCY.slice(0, 1) : CONCURRENCY);
  if (concurrency.some((c) => !Number.isInteger(c) || c < 1)) return { ok: false, reason: '--concurrency takes positive integers' };
  const targetNames = list(values.targets) ?? DEFAULT_TARGETS;
  const badTarget = targetNames.filter((t) => !(TARGETS as readonly string[]).includes(t));
  if (badTarget.length > 0) return { ok: false, reason: `unknown target(s): ${badTarget.join(', ')}` };
  const runs = Number(values.runs ?? (quick ? 1 : 3));
  const durationSec = Number(values.duration ?? (quick ? 2 : 3));
  if (!(runs >= 1) || !(durationSec > 0)) return { ok: false, reason: '--runs and --duration must be positive' };
  const pacedShare = Number(values.paced ?? 0.5);
  if (!(pacedShare >= 0 && pacedShare < 1)) return { ok: false, reason: '--paced takes a share of the peak rate, 0 (skip) to below 1' };
  const ttfbRequests = Number(values['ttfb-requests'] ?? (quick ? 100 : 300));
  if (!Number.isInteger(ttfbRequests) || ttfbRequests < 1) return { ok: false, reason: '--ttfb-requests takes a positive integer' };
  const cellNames = values['ttfb-only'] ? ['ttfb'] : (list(values.cells) ?? [...CELLS]);
  const badCell = cellNames.filter((c) => !(CELLS as readonly string[]).includes(c));
  if (badCell.length > 0 || cellNames.length === 0) return { ok: false, reason: `--cells takes ${CELLS.join(', ')}` };
  const pacedRate = values['paced-rate'] === undefined ? undefined : Number(values['paced-rate']);
  if (pacedRate !== undefined && !(pacedRate > 0)) return { ok: false, reason: '--paced-rate takes a positive number of requests per second' };
  const loadgen = values.loadgen ?? 'wrk';
  if (loadgen !== 'wrk' && loadgen !== 'autocannon') return { ok: false, reason: '--loadgen is wrk or autocannon' };
  return {
    ok: true,
    args: {
      scenarios,
      concurrency,
      // Fixed order so the table reads the same whatever order the flags gave.
      targets: TARGETS.filter((t) => targetNames.includes(t)),
      runs,
      durationSec,
      warmupSec: quick ? 1 : 2,
      json: values.json,
      profile: values.profile === true,
      pacedShare,
      pacedSec: quick ? 2 : 3,
      ttfbRequests,
      cells: CELLS.filter((c) => cellNames.includes(c)),
      pacedRate,
      loadgen,
      pin: values['no-pin'] !== true,
    },
  };
}
