// Detection figures over several seeds: one row per scenario, one column per seed, and the goals over all runs.
import { goals, merge, type ScenarioFigures } from './report.js';
import type { KeyOutcome } from './run.js';

/** "1-10" or "1,4,7" → the seeds (at most 100). */
export function parseSeeds(s: string): number[] | undefined {
  const range = /^(\d+)-(\d+)$/.exec(s.trim());
  const out = range ? Array.from({ length: Math.max(0, Number(range[2]) - Number(range[1]) + 1) }, (_, i) => Number(range[1]) + i) : s.split(',').map((x) => Number(x.trim()));
  return out.length > 0 && out.length <= 100 && out.every((n) => Number.isInteger(n) && n >= 0) ? out : undefined;
}

/**
 * One cell: for attacked keys `contained≤20/abusive flagged/attacked`, for legitimate keys
 * `flagged/suspended of legit` (e.g. `6/6 6/6` or `0f 0s /6`).
 */
export function cell(f: ScenarioFigures): string {
  const parts: string[] = [];
  if (f.attackerKeys) parts.push(`${f.abusiveKeys ? `${f.abusiveWithin20}/${f.abusiveKeys}c ` : ''}${f.detected}/${f.attackerKeys}f`);
  if (f.legitKeys) parts.push(`${f.falseFlags}f ${f.falseSuspensions}s /${f.legitKeys}`);
  return parts.join(' ') || '-';
}

/** The exceptions worth reading: legitimate keys flagged and thieves never flagged, with the signals that fired. */
export function exceptions(seed: number, keys: readonly KeyOutcome[]): string[] {
  const out: string[] = [];
  for (const k of keys) {
    const legit = k.plan.label === 'legit';
    if (legit ? k.incidents.length === 0 : k.plan.label === 'canary' || k.incidents.length > 0) continue;
    const sig = [...new Set(k.incidents.flatMap((i) => i.signals.map((s) => s.name)))].join(', ');
    out.push(`seed ${seed} ${k.scenario} ${k.plan.ref}: ${legit ? `legit flagged (${k.incidents.map((i) => i.action).join(', ')}: ${sig})` : 'thief never flagged'}`);
  }
  return out;
}

export function seedTable(runs: readonly { seed: number; figures: readonly ScenarioFigures[]; exceptions?: readonly string[] }[]): string {
  const names = [...new Set(runs.flatMap((r) => r.figures.map((f) => f.scenario)))];
  const head = ['scenario', ...runs.map((r) => `seed ${r.seed}`)];
  const rows = names.map((n) => [
    n,
    ...runs.map((r) => {
      const f = r.figures.find((x) => x.scenario === n);
      return f ? cell(f) : '-';
    }),
  ]);
  rows.push(['OVERALL', ...runs.map((r) => cell(merge(r.figures)))]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  const all = runs.flatMap((r) => r.figures);
  const g = goals(all).map((x) => `${x.ok ? 'PASS' : 'FAIL'}  ${x.name}: ${x.value}`);
  const legend = 'attacked: contained within 20 abusive requests / abusive keys (c), flagged / attacked keys (f); legit: flagged (f), suspended (s) / legit keys';
  const ex = runs.flatMap((r) => r.exceptions ?? []);
  return (
    [
      line(head),
      widths.map((w) => '-'.repeat(w)).join('  '),
      ...rows.map(line),
      '',
      legend,
      '',
      `over ${runs.length} seeds:`,
      ...g,
      '',
      ...(ex.length ? ex : ['no legitimate key flagged, no thief unflagged']),
    ].join('\n') + '\n'
  );
}
