// Runs the labelled scenarios against a gateway (given, or started locally for `warden eval detection`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../config/load.js';
import { startGateway } from '../main.js';
import { figures, goals, table, type ScenarioFigures } from './report.js';
import { SimClock } from './clock.js';
import { Rng } from './rng.js';
import { closeAgent, runScenario, type KeyOutcome, type Target } from './run.js';
import { SCENARIOS } from './scenarios.js';
import { newRunId } from './target.js';

export interface SimulationOptions {
  readonly seed: number;
  /** Keys per scenario scale (each scenario uses 1–4 × scale keys). */
  readonly scale: number;
  readonly only?: readonly string[];
  readonly log?: (line: string) => void;
  /** Simulated time (in-process gateway only); without it steps are spaced in real time, compressed. */
  readonly clock?: SimClock;
  /** Prefix of every tenant and key name the run creates (default `sim-<seed>-<time>`). */
  readonly runId?: string;
}

export async function simulate(t: Target, o: SimulationOptions): Promise<{ runId: string; figures: ScenarioFigures[]; keys: KeyOutcome[] }> {
  const rng = new Rng(o.seed);
  const runId = o.runId ?? newRunId(o.seed);
  const all: ScenarioFigures[] = [];
  const keys: KeyOutcome[] = [];
  const names = Object.keys(SCENARIOS).filter((n) => !o.only || o.only.includes(n));
  const plans = names.map((n) => SCENARIOS[n]!(rng, o.scale));
  let results: KeyOutcome[][];
  if (o.clock) {
    // One simulated timeline: scenarios one after another, a day apart.
    results = [];
    for (const p of plans) {
      results.push(await runScenario(t, p, runId, o.clock));
      o.clock.advanceTo(o.clock.now() + 86_400_000);
    }
  } else {
    // Real time: scenarios run concurrently, a thief does not wait for the other tenants to finish.
    results = await Promise.all(plans.map((p) => runScenario(t, p, runId)));
  }
  plans.forEach((p, i) => {
    const r = results[i]!;
    keys.push(...r);
    all.push(figures(p.name, p.hard, r));
    o.log?.(`scenario ${p.name}: ${r.length} keys`);
  });
  closeAgent();
  return { runId, figures: all, keys };
}

export function render(figs: readonly ScenarioFigures[]): string {
  const g = goals(figs).map((x) => `${x.ok ? 'PASS' : 'FAIL'}  ${x.name}: ${x.value}`);
  return `${table(figs)}\n\n${g.join('\n')}\n`;
}

/** `warden eval detection`: a fresh local gateway (built-in upstream simulator, loopback trusted). */
export async function evalDetection(o: SimulationOptions): Promise<{ text: string; ok: boolean; figures: ScenarioFigures[]; keys: KeyOutcome[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'warden-eval-'));
  const adminToken = `eval-${Math.random().toString(36).slice(2)}-token-0123456789`;
  const gw = await startGateway(
    parseConfig({
      dataDir,
      adminToken,
      server: { host: '127.0.0.1', port: 0, trustedProxies: ['127.0.0.1/32', '::1/128'] },
      log: { level: 'error' },
      limits: {},
    }),
    { logSink: () => undefined },
  );
  const clock = new SimClock();
  clock.install();
  try {
    const r = await simulate({ url: gw.url, adminToken }, { ...o, clock });
    const head = `seed ${o.seed}, scale ${o.scale}; simulated clock: ${Math.round((clock.now() - clock.start) / 3_600_000)} h of simulated time, steps run one at a time in time order\n\n`;
    return { text: head + render(r.figures), ok: goals(r.figures).every((x) => x.ok), figures: r.figures, keys: r.keys };
  } finally {
    clock.uninstall();
    await gw.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
