// Detection figures from simulation outcomes: per scenario and overall, against the goals.
import type { KeyOutcome } from './run.js';

export interface ScenarioFigures {
  scenario: string;
  hard: boolean;
  attackerKeys: number;
  detected: number;
  contained: number;
  /** Contained within 20 abusive requests. */
  containedWithin20: number;
  /** Attacked keys whose thief abuses them (content, modality, volume, pooling): the containment goal's base. */
  abusiveKeys: number;
  abusiveWithin20: number;
  requestsToContain: number[];
  legitKeys: number;
  falseFlags: number;
  falseSuspensions: number;
  canaryKeys: number;
  canaryFirstRequest: number;
}

/** 1-based index of the attacker request on which the key was contained, if it was. */
export function containmentIndex(k: KeyOutcome): number | undefined {
  const attacks = k.steps.filter((s) => s.role === 'attacker');
  if (k.plan.label === 'canary') {
    const first = attacks[0];
    const caught = first && first.status === 401 && k.incidents.some((i) => first.requestId !== null && i.requestIds.includes(first.requestId));
    return caught ? 1 : undefined;
  }
  const i = attacks.findIndex((s) => s.code === 'key_suspended');
  return i >= 0 ? i + 1 : undefined;
}

export function figures(scenario: string, hard: boolean, keys: readonly KeyOutcome[]): ScenarioFigures {
  const f: ScenarioFigures = {
    scenario,
    hard,
    attackerKeys: 0,
    detected: 0,
    contained: 0,
    containedWithin20: 0,
    abusiveKeys: 0,
    abusiveWithin20: 0,
    requestsToContain: [],
    legitKeys: 0,
    falseFlags: 0,
    falseSuspensions: 0,
    canaryKeys: 0,
    canaryFirstRequest: 0,
  };
  for (const k of keys) {
    if (k.plan.label === 'legit') {
      f.legitKeys++;
      if (k.incidents.length > 0) f.falseFlags++;
      if (k.status === 'suspended' || k.steps.some((s) => s.code === 'key_suspended')) f.falseSuspensions++;
      continue;
    }
    const idx = containmentIndex(k);
    if (k.plan.label === 'canary') {
      f.canaryKeys++;
      if (idx === 1) f.canaryFirstRequest++;
    }
    f.attackerKeys++;
    const abusive = k.plan.label === 'attacked' && k.plan.abusive !== false;
    if (abusive) f.abusiveKeys++;
    if (k.incidents.length > 0) f.detected++;
    if (idx !== undefined) {
      f.contained++;
      f.requestsToContain.push(idx);
      if (idx <= 20) f.containedWithin20++;
      if (idx <= 20 && abusive) f.abusiveWithin20++;
    }
  }
  return f;
}

export function merge(all: readonly ScenarioFigures[]): ScenarioFigures {
  const m = figures('OVERALL', false, []);
  for (const f of all) {
    for (const k of [
      'attackerKeys',
      'detected',
      'contained',
      'containedWithin20',
      'abusiveKeys',
      'abusiveWithin20',
      'legitKeys',
      'falseFlags',
      'falseSuspensions',
      'canaryKeys',
      'canaryFirstRequest',
    ] as const)
      m[k] += f[k];
    m.requestsToContain.push(...f.requestsToContain);
  }
  return m;
}

function median(xs: readonly number[]): number | undefined {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const pct = (a: number, b: number): string => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);

export function table(all: readonly ScenarioFigures[]): string {
  const rows = [...all, merge(all)];
  const head = ['scenario', 'attacker keys', 'detected', 'contained', '≤20 req', 'req to contain (median/max)', 'legit keys', 'false flags', 'false suspensions'];
  const body = rows.map((f) => [
    f.scenario + (f.hard ? ' (hard)' : ''),
    String(f.attackerKeys),
    f.attackerKeys ? `${f.detected} (${pct(f.detected, f.attackerKeys)})` : '-',
    f.attackerKeys ? `${f.contained} (${pct(f.contained, f.attackerKeys)})` : '-',
    f.attackerKeys ? `${f.containedWithin20} (${pct(f.containedWithin20, f.attackerKeys)})` : '-',
    f.requestsToContain.length ? `${median(f.requestsToContain)} / ${Math.max(...f.requestsToContain)}` : '-',
    String(f.legitKeys),
    f.legitKeys ? `${f.falseFlags} (${pct(f.falseFlags, f.legitKeys)})` : '-',
    f.legitKeys ? `${f.falseSuspensions} (${pct(f.falseSuspensions, f.legitKeys)})` : '-',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export function goals(all: readonly ScenarioFigures[]): { name: string; ok: boolean; value: string }[] {
  const m = merge(all);
  return [
    { name: 'every canary caught on its first request', ok: m.canaryFirstRequest === m.canaryKeys, value: `${m.canaryFirstRequest}/${m.canaryKeys}` },
    {
      name: '≥95% of abused keys contained within 20 abusive requests',
      ok: m.abusiveKeys === 0 || m.abusiveWithin20 / m.abusiveKeys >= 0.95,
      value: `${m.abusiveWithin20}/${m.abusiveKeys} (${pct(m.abusiveWithin20, m.abusiveKeys)})`,
    },
    { name: 'every thief at least flagged', ok: m.detected === m.attackerKeys, value: `${m.detected}/${m.attackerKeys}` },
    { name: 'no legitimate key suspended', ok: m.falseSuspensions === 0, value: `${m.falseSuspensions}/${m.legitKeys}` },
    { name: '≤5% of legitimate keys flagged', ok: m.legitKeys === 0 || m.falseFlags / m.legitKeys <= 0.05, value: `${m.falseFlags}/${m.legitKeys} (${pct(m.falseFlags, m.legitKeys)})` },
  ];
}
