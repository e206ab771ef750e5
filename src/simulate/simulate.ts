// Runs the labelled scenarios against a gateway (given, or started locally for `warden eval detection`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../config/load.js';
import { startGateway } from '../main.js';
import { figures, goals, table, type ScenarioFigures } from './report.js';
import { Rng } from './rng.js';
import { closeAgent, runScenario, type KeyOutcome, type Target } from './run.js';
import { SCENARIOS } from './scenarios.js';

export interface SimulationOptions {
  readonly seed: number;
  /** Keys per scenario scale (each scenario uses 1–4 × scale keys). */
  readonly scale: number;
  readonly only?: readonly string[];
  readonly log?: (line: string) => void;
}

export async function simulate(t: Target, o: SimulationOptions): Promise<{ figures: ScenarioFigures[]; keys: KeyOutcome[] }> {
  const rng = new Rng(o.seed);
  const runId = `${o.seed}-${Date.now().toString(36)}`;
  const all: ScenarioFigures[] = [];
  const keys: KeyOutcome[] = [];
  const names = Object.keys(SCENARIOS).filter((n) => !o.only || o.only.includes(n));
  // Scenarios run concurrently: a thief does not wait for the other tenants to finish.
  const plans = names.map((n) => SCENARIOS[n]!(rng, o.scale));
  const results = await Promise.all(plans.map((p) => runScenario(t, p, runId)));
  plans.forEach((p, i) => {
    const r = results[i]!;
    keys.push(...r);
    all.push(figures(p.name, p.hard, r));
    o.log?.(`scenario ${p.name}: ${r.length} keys`);
  });
  closeAgent();
  return { figures: all, keys };
}

export function render(figs: readonly ScenarioFigures[]): string {
  const g = goals(figs).map((x) => `${x.ok ? 'PASS' : 'FAIL'}  ${x.name}: ${x.value}`);
  return `${table(figs)}\n\n${g.join('\n')}\n`;
}

/** `warden eval detection`: a fresh local gateway (built-in upstream simulator, loopback trusted). */
export async function evalDetection(o: SimulationOptions): Promise<{ text: string; ok: boolean; figures: ScenarioFigures[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'warden-eval-'));
  const adminToken = `eval-${Math.random().toString(36).slice(2)}-token-0123456789`;
  const gw = await startGateway(
    parseConfig({
      dataDir, adminToken,
      server: { host: '127.0.0.1', port: 0, trustedProxies: ['127.0.0.1/32', '::1/128'] },
      log: { level: 'error' },
      limits: {},
    }),
    { logSink: () => undefined },
  );
  try {
    const r = await simulate({ url: gw.url, adminToken }, o);
    return { text: render(r.figures), ok: goals(r.figures).every((x) => x.ok), figures: r.figures };
  } finally {
    await gw.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
