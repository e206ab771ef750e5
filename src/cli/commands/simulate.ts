// `warden simulate` (drive a running gateway with labelled traffic) and `warden eval detection`.
import { evalDetection, render, simulate } from '../../simulate/simulate.js';
import { SCENARIOS } from '../../simulate/scenarios.js';
import { exceptions, parseSeeds, seedTable } from '../../simulate/seeds.js';
import { goals } from '../../simulate/report.js';
import { defineCommand } from '../spec.js';

const common = {
  seed: { type: 'string', default: '1', value: 'N', description: 'random seed' },
  scale: { type: 'string', default: '3', value: 'N', description: 'traffic volume multiplier' },
  scenario: { type: 'string', multiple: true, value: 'NAME', description: `only this scenario (repeatable): ${Object.keys(SCENARIOS).join(', ')}` },
} as const;

function opts(v: { seed?: string; scale?: string; scenario?: string[] }) {
  const only = v.scenario?.filter((s) => s in SCENARIOS);
  return { seed: Number(v.seed ?? 1), scale: Math.max(1, Number(v.scale ?? 3)), ...(only && only.length ? { only } : {}), log: (l: string) => process.stderr.write(`${l}\n`) };
}

export const simulateCommand = defineCommand({
  summary: 'Drive a running gateway with labelled owner and thief traffic (synthetic keys, for your own gateway only).',
  options: {
    ...common,
    url: { type: 'string', value: 'URL', description: 'the gateway (default $WARDEN_URL or http://127.0.0.1:8080)' },
    'admin-token': { type: 'string', value: 'TOKEN', description: 'admin token (default $WARDEN_ADMIN_TOKEN)' },
  },
  async run(values) {
    const url = values.url ?? process.env['WARDEN_URL'] ?? 'http://127.0.0.1:8080';
    const adminToken = values['admin-token'] ?? process.env['WARDEN_ADMIN_TOKEN'];
    if (!adminToken) {
      process.stderr.write('warden simulate: pass --admin-token or WARDEN_ADMIN_TOKEN (the gateway must trust loopback in WARDEN_TRUSTED_PROXIES)\n');
      return 2;
    }
    const r = await simulate({ url, adminToken }, opts(values));
    process.stdout.write(render(r.figures));
    return 0;
  },
});

export const evalDetectionCommand = defineCommand({
  summary: 'Stolen-key detection figures: an in-process gateway on a simulated clock (scenarios span hours and days), per scenario (exit 1 if a goal is missed).',
  options: {
    ...common,
    seeds: { type: 'string', value: 'A-B|A,B,…', description: 'run each seed in turn (a fresh gateway each) and print one column per seed; overrides --seed' },
  },
  async run(values) {
    const seeds = values.seeds === undefined ? undefined : parseSeeds(values.seeds);
    if (values.seeds !== undefined && !seeds) {
      process.stderr.write('warden eval detection: --seeds takes a range (1-10) or a list (1,4,7) of at most 100 seeds\n');
      return 2;
    }
    if (!seeds) {
      const r = await evalDetection(opts(values));
      process.stdout.write(r.text);
      return r.ok ? 0 : 1;
    }
    const runs = [];
    for (const seed of seeds) {
      const r = await evalDetection({ ...opts(values), seed });
      runs.push({ seed, figures: r.figures, exceptions: exceptions(seed, r.keys) });
    }
    process.stdout.write(seedTable(runs));
    return goals(runs.flatMap((r) => r.figures)).every((x) => x.ok) ? 0 : 1;
  },
});
