// Pure formatting of bench results: a Markdown table plus the goal verdicts.
import { GATEWAY_LABEL, GATEWAYS, type GatewayName, type TargetName } from './scenarios.js';
import type { RunResult } from './stats.js';

export interface Row {
  readonly scenario: string;
  readonly concurrency: number;
  readonly results: Partial<Record<TargetName, RunResult>>;
  /** Peak RSS of each gateway during this row's runs, bytes. */
  readonly gatewayRss?: Partial<Record<GatewayName, number>>;
  /** The same cell offered a fixed rate well under saturation (src/bench/paced.ts). */
  readonly paced?: { readonly rate: number; readonly share: number; readonly results: Partial<Record<TargetName, RunResult>> };
}

export interface Goals {
  readonly minRatio: number;
  readonly maxAddedP50Ms: number;
  readonly maxRssMb: number;
}
export const GOALS: Goals = { minRatio: 0.8, maxAddedP50Ms: 1, maxRssMb: 200 };

const f = (n: number | undefined, digits: number): string => (n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(digits));

export function ratio(r: Row, gw: GatewayName = 'gateway'): number | undefined {
  const g = r.results[gw];
  const p = r.results.passthrough;
  return g && p && p.rps > 0 ? g.rps / p.rps : undefined;
}

export function addedP50(r: Row, gw: GatewayName = 'gateway'): number | undefined {
  const g = r.results[gw];
  const p = r.results.passthrough;
  return g && p ? g.p50 - p.p50 : undefined;
}

/** Gateway p50 minus passthrough p50 at the same fixed, unsaturated rate. */
export function addedPacedP50(r: Row, gw: GatewayName = 'gateway'): number | undefined {
  const g = r.paced?.results[gw];
  const p = r.paced?.results.passthrough;
  return g && p ? g.p50 - p.p50 : undefined;
}

/** The gateways measured in any of the rows, in the fixed order of GATEWAYS. */
export function gatewaysIn(rows: readonly Row[]): GatewayName[] {
  return GATEWAYS.filter((gw) => rows.some((r) => r.results[gw] !== undefined));
}

/** One line per gateway measured in the row (one line with empty gateway cells when none was). */
function gatewayLines(results: Row['results']): (GatewayName | undefined)[] {
  const gws = GATEWAYS.filter((gw) => results[gw] !== undefined);
  return gws.length > 0 ? gws : [undefined];
}

const labelOf = (gw: GatewayName | undefined): string => (gw === undefined ? '–' : GATEWAY_LABEL[gw]);

export function formatTable(rows: readonly Row[]): string {
  const head = ['scenario', 'conc', 'gw', 'sim req/s', 'pass req/s', 'gw req/s', 'gw/pass', 'sim p50', 'pass p50', 'gw p50', '+p50 ms', 'pass p99', 'gw p99', 'pass µs/req', 'gw µs/req', 'gw main µs/req', 'gw RSS MB', 'failed'];
  const lines = rows.flatMap((r) =>
    gatewayLines(r.results).map((gw) => {
      const { simulator: s, passthrough: p } = r.results;
      const g = gw === undefined ? undefined : r.results[gw];
      const failed = (s?.failures ?? 0) + (p?.failures ?? 0) + (g?.failures ?? 0);
      const rss = gw === undefined ? undefined : r.gatewayRss?.[gw];
      return [
        r.scenario,
        String(r.concurrency),
        labelOf(gw),
        f(s?.rps, 0),
        f(p?.rps, 0),
        f(g?.rps, 0),
        f(gw && ratio(r, gw), 2),
        f(s?.p50, 2),
        f(p?.p50, 2),
        f(g?.p50, 2),
        f(gw && addedP50(r, gw), 2),
        f(p?.p99, 2),
        f(g?.p99, 2),
        f(p?.cpuUsPerReq, 0),
        f(g?.cpuUsPerReq, 0),
        f(g?.mainCpuUsPerReq, 0),
        rss === undefined ? '–' : f(rss / 2 ** 20, 0),
        String(failed),
      ];
    }),
  );
  return markdown(head, lines);
}

/** Latency at a fixed rate (every target offered the same req/s), for the rows that have it. */
export function formatPacedTable(rows: readonly Row[]): string | undefined {
  const paced = rows.filter((r) => r.paced !== undefined);
  if (paced.length === 0) return undefined;
  const head = ['scenario', 'conc', 'gw', 'offered req/s', 'share of pass peak', 'pass p50', 'gw p50', '+p50 ms', 'pass p99', 'gw p99', '+p99 ms', 'pass µs/req', 'gw µs/req', 'gw main µs/req', 'failed'];
  const lines = paced.flatMap((r) => {
    const { rate, share, results } = r.paced!;
    return gatewayLines(results).map((gw) => {
      const p = results.passthrough;
      const g = gw === undefined ? undefined : results[gw];
      const failed = (p?.failures ?? 0) + (g?.failures ?? 0);
      const cells = [f(p?.p50, 2), f(g?.p50, 2), f(gw && addedPacedP50(r, gw), 2), f(p?.p99, 2), f(g?.p99, 2), f(g && p ? g.p99 - p.p99 : undefined, 2), f(p?.cpuUsPerReq, 0), f(g?.cpuUsPerReq, 0), f(g?.mainCpuUsPerReq, 0)];
      return [r.scenario, String(r.concurrency), labelOf(gw), f(rate, 0), f(share, 2), ...cells, String(failed)];
    });
  });
  return markdown(head, lines);
}

function markdown(head: readonly string[], lines: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: readonly string[]) => `| ${cells.map((c, i) => (i < 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  return [fmt(head), `|${widths.map((w, i) => (i < 1 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...lines.map(fmt)].join('\n');
}

export interface Verdict {
  readonly goal: string;
  readonly worst: string;
  readonly ok: boolean | undefined;
}

/** Worst case across rows for each goal, for one gateway; undefined `ok` when it was not measured. */
export function verdicts(rows: readonly Row[], goals: Goals = GOALS, gw: GatewayName = 'gateway'): Verdict[] {
  const ratios = rows.map((r) => ratio(r, gw)).filter((x): x is number => x !== undefined);
  const added = rows.map((r) => addedP50(r, gw)).filter((x): x is number => x !== undefined);
  const rss = rows.map((r) => r.gatewayRss?.[gw]).filter((x): x is number => x !== undefined);
  const pacedAdded = rows.map((r) => addedPacedP50(r, gw)).filter((x): x is number => x !== undefined);
  const worst = (xs: number[], pick: (...v: number[]) => number) => (xs.length ? pick(...xs) : undefined);
  const minRatio = worst(ratios, Math.min);
  const maxAdded = worst(added, Math.max);
  const maxRss = worst(rss, Math.max);
  const maxPaced = worst(pacedAdded, Math.max);
  const shares = [...new Set(rows.flatMap((r) => (r.paced ? [r.paced.share] : [])))];
  const out: Verdict[] = [
    { goal: `throughput ≥ ${goals.minRatio.toFixed(2)} × passthrough`, worst: f(minRatio, 2), ok: minRatio === undefined ? undefined : minRatio >= goals.minRatio },
    { goal: `added p50 ≤ ${goals.maxAddedP50Ms} ms`, worst: `${f(maxAdded, 2)} ms`, ok: maxAdded === undefined ? undefined : maxAdded <= goals.maxAddedP50Ms },
    { goal: `gateway RSS ≤ ${goals.maxRssMb} MB`, worst: `${f(maxRss === undefined ? undefined : maxRss / 2 ** 20, 0)} MB`, ok: maxRss === undefined ? undefined : maxRss <= goals.maxRssMb * 2 ** 20 },
  ];
  // Not a separate goal of the issue: the same 1 ms read at a fixed rate, where latency is not queueing.
  if (maxPaced !== undefined) {
    out.push({ goal: `added p50 ≤ ${goals.maxAddedP50Ms} ms at a fixed rate of ${shares.map((x) => f(x, 2)).join('/')} × the passthrough's peak (not saturated)`, worst: `${f(maxPaced, 2)} ms`, ok: maxPaced <= goals.maxAddedP50Ms });
  }
  return out;
}

export function formatVerdicts(vs: readonly Verdict[]): string {
  return vs.map((v) => `${v.ok === undefined ? '·' : v.ok ? 'PASS' : 'FAIL'}  ${v.goal}: worst ${v.worst}`).join('\n');
}

/** What each gateway row is, for the lines above its verdicts. */
export const GATEWAY_HEADING: Readonly<Record<GatewayName, string>> = {
  'gateway-core': `Issue #2's goals, for the gateway as the issue sets them (gw "core": auth + audit, usage counted; risk and safety off):`,
  gateway: 'The same goals with every defence on (gw "all": audit, limits, risk, safety):',
};

/** The verdicts of every gateway measured, each under its heading. */
export function formatAllVerdicts(rows: readonly Row[], goals: Goals = GOALS): string {
  const gws = gatewaysIn(rows);
  if (gws.length === 0) return formatVerdicts(verdicts(rows, goals));
  return gws.map((gw) => `${GATEWAY_HEADING[gw]}\n${formatVerdicts(verdicts(rows, goals, gw))}`).join('\n\n');
}
