// Pure formatting of bench results: the saturated, fixed-rate and TTFB tables, and the goal verdicts.
import { GATEWAYS, type GatewayName, isGateway, type TargetName } from './scenarios.js';
import type { RunResult } from './stats.js';

/** One scenario at one concurrency, saturated: each target's median run. */
export interface Row {
  readonly scenario: string;
  readonly concurrency: number;
  readonly results: Partial<Record<TargetName, RunResult>>;
  /** Peak RSS of each gateway during this row's runs, bytes. */
  readonly gatewayRss?: Partial<Record<GatewayName, number>>;
}

/** One scenario at one fixed rate (a share of the passthrough's peak), every target offered the same. */
export interface PacedRow {
  readonly scenario: string;
  readonly rate: number;
  readonly share: number;
  readonly results: Partial<Record<TargetName, RunResult>>;
}

/** One streamed scenario's concurrency-1 time to first byte. */
export interface TtfbRow {
  readonly scenario: string;
  readonly results: Partial<Record<TargetName, RunResult>>;
}

export interface Goals {
  readonly minRatio: number;
  /** What the issue aims for beyond the goal. */
  readonly aimRatio: number;
  readonly maxAddedPacedP99Ms: number;
  readonly maxAddedTtfbP50Ms: number;
  readonly maxRssMb: number;
}
export const GOALS: Goals = { minRatio: 0.6, aimRatio: 0.8, maxAddedPacedP99Ms: 5, maxAddedTtfbP50Ms: 0.3, maxRssMb: 200 };

export const TARGET_LABEL: Readonly<Record<TargetName, string>> = {
  passthrough: 'passthrough',
  gateway: 'Warden default',
  'gateway-2cores': 'Warden default, 2 cores',
  'gateway-worker': 'Warden default, audit worker, 1 core',
  'gateway-core': 'Warden core',
  simulator: 'simulator (direct)',
};

const f = (n: number | undefined, digits: number): string => (n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(digits));

export function ratio(results: Row['results'], t: TargetName): number | undefined {
  const g = results[t];
  const p = results.passthrough;
  return g && p && p.rps > 0 ? g.rps / p.rps : undefined;
}

/**
 * The ratio the two would reach if each were bound by its own core: the passthrough's CPU per
 * request over the target's. On a host so busy that neither target saturates its core (other
 * processes take turns on it, the load core is full), req/s measure the host; this does not.
 */
export function cpuRatio(results: Row['results'], t: TargetName): number | undefined {
  const g = results[t]?.cpuUsPerReq;
  const p = results.passthrough?.cpuUsPerReq;
  return g !== undefined && p !== undefined && g > 0 ? p / g : undefined;
}

const added = (results: Row['results'], t: TargetName, pick: (r: RunResult) => number): number | undefined => {
  const g = results[t];
  const p = results.passthrough;
  return g && p && t !== 'passthrough' ? pick(g) - pick(p) : undefined;
};

const targetsOf = (results: Row['results']): TargetName[] => (Object.keys(TARGET_LABEL) as TargetName[]).filter((t) => results[t] !== undefined);

/** The gateways measured in any of the rows, in the fixed order of GATEWAYS. */
export function gatewaysIn(rows: readonly { results: Row['results'] }[]): GatewayName[] {
  return GATEWAYS.filter((gw) => rows.some((r) => r.results[gw] !== undefined));
}

export function formatTable(rows: readonly Row[]): string {
  const head = ['scenario', 'conc', 'target', 'req/s', '× pass', 'p50 ms', 'p99 ms', 'CPU µs/req', 'own core %', '× pass by CPU', 'peak RSS MB', 'failed'];
  const lines = rows.flatMap((r) =>
    targetsOf(r.results).map((t) => {
      const x = r.results[t]!;
      const rss = isGateway(t) ? r.gatewayRss?.[t] : undefined;
      return [
        r.scenario,
        String(r.concurrency),
        TARGET_LABEL[t],
        f(x.rps, 0),
        f(ratio(r.results, t), 2),
        f(x.p50, 2),
        f(x.p99, 2),
        f(x.cpuUsPerReq, 0),
        f(x.cpuUsPerReq === undefined ? undefined : (x.rps * x.cpuUsPerReq) / 1e4, 0),
        f(cpuRatio(r.results, t), 2),
        rss === undefined ? '' : f(rss / 2 ** 20, 0),
        String(x.failures),
      ];
    }),
  );
  return markdown(head, lines, 3);
}

/** What a target adds at the fixed rate: the paired figure of a sliced run, else the difference of the medians. */
const addedAt = (results: Row['results'], t: TargetName, which: 'p50' | 'p99'): number | undefined => {
  const x = results[t];
  const paired = which === 'p50' ? x?.addedP50 : x?.addedP99;
  return paired ?? (x?.slicesTotal === undefined ? added(results, t, (y) => y[which]) : undefined);
};

/** Latency at a fixed rate, with what each target adds to the passthrough's p50 and p99. */
export function formatPacedTable(rows: readonly PacedRow[]): string {
  const head = [
    'scenario',
    'offered req/s',
    'target',
    'p50 ms',
    'p99 ms',
    'added p50',
    'added p99',
    'added p99 spread',
    'CPU µs/req',
    'own core %',
    'other tasks %',
    'gen lag p99',
    'slices kept',
    'failed',
  ];
  const lines = rows.flatMap((r) =>
    targetsOf(r.results).map((t) => {
      const x = r.results[t]!;
      return [
        r.scenario,
        f(r.rate, 0),
        TARGET_LABEL[t],
        f(x.p50, 2),
        f(x.p99, 2),
        f(addedAt(r.results, t, 'p50'), 2),
        f(addedAt(r.results, t, 'p99'), 2),
        f(x.addedP99Spread, 2),
        f(x.cpuUsPerReq, 0),
        f(x.cpuUsPerReq === undefined ? undefined : (r.rate * x.cpuUsPerReq) / 1e4, 0),
        f(x.foreignShare === undefined ? undefined : x.foreignShare * 100, 0),
        f(x.genLagP99, 2),
        x.slicesTotal === undefined ? '' : `${x.slicesKept ?? 0}/${x.slicesTotal}`,
        String(x.failures),
      ];
    }),
  );
  return markdown(head, lines, 3);
}

/** Per gateway and fixed-rate row: GC, event-loop delay and audit commit times from its own metrics. */
export function formatStallsTable(rows: readonly PacedRow[]): string {
  const head = ['scenario', 'target', 'GC ms/s', 'GC pauses ≥10 ms', 'loop delay max ms', 'audit commit mean ms', 'commits ≥5 ms', 'events/commit'];
  const lines = rows.flatMap((r) =>
    targetsOf(r.results).flatMap((t) => {
      const st = r.results[t]?.stalls;
      return st
        ? [[r.scenario, TARGET_LABEL[t], f(st.gcMsPerSec, 1), String(st.gcPausesOver10ms), f(st.loopLagMaxMs, 1), f(st.auditWriteMeanMs, 2), String(st.auditWritesOver5ms), f(st.eventsPerCommit, 1)]]
        : [];
    }),
  );
  return markdown(head, lines, 2);
}

export function formatTtfbTable(rows: readonly TtfbRow[]): string {
  const head = ['scenario', 'target', 'TTFB p50 ms', 'TTFB p99 ms', 'added p50', 'failed'];
  const lines = rows.flatMap((r) =>
    targetsOf(r.results).map((t) => {
      const x = r.results[t]!;
      return [
        r.scenario,
        TARGET_LABEL[t],
        f(x.p50, 2),
        f(x.p99, 2),
        f(
          added(r.results, t, (y) => y.p50),
          2,
        ),
        String(x.failures),
      ];
    }),
  );
  return markdown(head, lines, 2);
}

/** `textCols`: how many leading columns name the row (left-aligned); the figures after them align right. */
function markdown(head: readonly string[], lines: readonly (readonly string[])[], textCols: number): string {
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const left = (i: number) => i < textCols;
  const fmt = (cells: readonly string[]) => `| ${cells.map((c, i) => (left(i) ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  return [fmt(head), `|${widths.map((w, i) => (left(i) ? `${'-'.repeat(w + 2)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...lines.map(fmt)].join('\n');
}

export interface Verdict {
  readonly goal: string;
  readonly worst: string;
  readonly ok: boolean | undefined;
}

export interface AllRows {
  readonly rows: readonly Row[];
  readonly paced: readonly PacedRow[];
  readonly ttfb: readonly TtfbRow[];
}

/** Worst case across rows for each of the issue's goals, for one gateway; undefined `ok` when not measured. */
export function verdicts(all: AllRows, goals: Goals = GOALS, gw: GatewayName = 'gateway'): Verdict[] {
  const defined = (xs: (number | undefined)[]) => xs.filter((x): x is number => x !== undefined && Number.isFinite(x));
  const worst = (xs: number[], pick: (...v: number[]) => number) => (xs.length ? pick(...xs) : undefined);
  const ratios = defined(all.rows.map((r) => ratio(r.results, gw)));
  const rss = defined(all.rows.map((r) => r.gatewayRss?.[gw]));
  const p99 = defined(all.paced.map((r) => added(r.results, gw, (y) => y.p99)));
  // A generator that sends late by more than the goal (a busy load core) cannot show whether a
  // target adds less: those rows say nothing either way.
  const lag = defined(all.paced.flatMap((r) => Object.values(r.results).map((x) => x?.genLagP99)));
  const maxLag = worst(lag, Math.max);
  // Nor can it when the passthrough's own p99 moves between runs by more than the goal: a difference of two such
  // figures cannot resolve what a target adds.
  const maxSpread = worst(defined(all.paced.map((r) => r.results.passthrough?.p99Spread)), Math.max);
  const ttfb = defined(all.ttfb.map((r) => added(r.results, gw, (y) => y.p50)));
  const sliced = all.paced.some((r) => r.results[gw]?.slicesTotal !== undefined);
  const minRatio = worst(ratios, Math.min);
  const maxRss = worst(rss, Math.max);
  const maxP99 = worst(p99, Math.max);
  const maxTtfb = worst(ttfb, Math.max);
  const check = (x: number | undefined, ok: (x: number) => boolean) => (x === undefined ? undefined : ok(x));
  return [
    { goal: `throughput ≥ ${f(goals.minRatio, 2)} × passthrough (aim ${f(goals.aimRatio, 2)})`, worst: f(minRatio, 2), ok: check(minRatio, (x) => x >= goals.minRatio) },
    sliced
      ? slicedP99Verdict(all.paced, goals, gw)
      : maxLag !== undefined && maxLag > goals.maxAddedPacedP99Ms
        ? {
            goal: `added p99 ≤ ${goals.maxAddedPacedP99Ms} ms at the fixed rate`,
            worst: `${f(maxP99, 2)} ms, not measurable here: the generator itself sent its p99 request ${f(maxLag, 2)} ms late`,
            ok: undefined,
          }
        : maxSpread !== undefined && maxSpread > goals.maxAddedPacedP99Ms
          ? {
              goal: `added p99 ≤ ${goals.maxAddedPacedP99Ms} ms at the fixed rate`,
              worst: `${f(maxP99, 2)} ms, not measurable here: the passthrough's own p99 moved ${f(maxSpread, 2)} ms between runs`,
              ok: undefined,
            }
          : { goal: `added p99 ≤ ${goals.maxAddedPacedP99Ms} ms at the fixed rate`, worst: `${f(maxP99, 2)} ms`, ok: check(maxP99, (x) => x <= goals.maxAddedPacedP99Ms) },
    { goal: `added TTFB p50 ≤ ${goals.maxAddedTtfbP50Ms} ms`, worst: `${f(maxTtfb, 2)} ms`, ok: check(maxTtfb, (x) => x <= goals.maxAddedTtfbP50Ms) },
    { goal: `RSS ≤ ${goals.maxRssMb} MB under load`, worst: `${f(maxRss === undefined ? undefined : maxRss / 2 ** 20, 0)} MB`, ok: check(maxRss, (x) => x <= goals.maxRssMb * 2 ** 20) },
  ];
}

/**
 * The fixed-rate goal from sliced runs: measurable only when every scenario kept slices for the gateway and the
 * passthrough in some repeat, and the gateway's added p99 moved between repeats by no more than the goal itself.
 */
function slicedP99Verdict(rows: readonly PacedRow[], goals: Goals, gw: GatewayName): Verdict {
  const goal = `added p99 ≤ ${goals.maxAddedPacedP99Ms} ms at the fixed rate`;
  const measured = rows.filter((r) => r.results[gw] !== undefined);
  const missing = measured.filter((r) => r.results[gw]?.addedP99 === undefined).map((r) => r.scenario);
  const worst = Math.max(...measured.flatMap((r) => (r.results[gw]?.addedP99 === undefined ? [] : [r.results[gw]!.addedP99!])));
  const worstText = Number.isFinite(worst) ? `${f(worst, 2)} ms` : '–';
  if (missing.length > 0) return { goal, worst: `${worstText}, not measurable here: no undisturbed slices of both targets in ${missing.join(', ')} (a busy host)`, ok: undefined };
  const moving = measured.map((r) => ({ s: r.scenario, sp: r.results[gw]?.addedP99Spread ?? 0 })).sort((a, b) => b.sp - a.sp)[0];
  if (moving && moving.sp > goals.maxAddedPacedP99Ms) {
    return { goal, worst: `${worstText}, not measurable here: its added p99 moved ${f(moving.sp, 2)} ms between repeats (${moving.s})`, ok: undefined };
  }
  const spreadText = moving ? ` (spread across repeats up to ${f(moving.sp, 2)} ms)` : '';
  return { goal, worst: `${worstText}${spreadText}`, ok: worst <= goals.maxAddedPacedP99Ms };
}

export function formatVerdicts(vs: readonly Verdict[]): string {
  return vs.map((v) => `${v.ok === undefined ? '·' : v.ok ? 'PASS' : 'FAIL'}  ${v.goal}: worst ${v.worst}`).join('\n');
}

/** The verdicts of every gateway measured, each under its label. */
export function formatAllVerdicts(all: AllRows, goals: Goals = GOALS): string {
  return gatewaysIn([...all.rows, ...all.paced, ...all.ttfb])
    .map((gw) => `Goals, ${TARGET_LABEL[gw]}:\n${formatVerdicts(verdicts(all, goals, gw))}`)
    .join('\n\n');
}
