// `warden simulate` (drive a running gateway with labelled traffic) and `warden eval detection`.
import { evalDetection, render, simulate } from '../../simulate/simulate.js';
import { SCENARIOS } from '../../simulate/scenarios.js';
import { exceptions, parseSeeds, seedTable } from '../../simulate/seeds.js';
import { goals } from '../../simulate/report.js';
import { defineCommand } from '../spec.js';
import { closeAgent } from '../../simulate/http.js';
import { isRunId, newRunId, probeXffTrust, removeRun } from '../../simulate/target.js';

const common = {
  seed: { type: 'string', default: '1', value: 'N', description: 'random seed' },
  scale: { type: 'string', default: '3', value: 'N', description: 'traffic volume multiplier' },
  scenario: { type: 'string', multiple: true, value: 'NAME', description: `only this scenario (repeatable): ${Object.keys(SCENARIOS).join(', ')}` },
} as const;

function opts(v: { seed?: string; scale?: string; scenario?: string[] }) {
  const only = v.scenario?.filter((s) => s in SCENARIOS);
  return { seed: Number(v.seed ?? 1), scale: Math.max(1, Number(v.scale ?? 3)), ...(only?.length ? { only } : {}), log: (l: string) => process.stderr.write(`${l}\n`) };
}

export const simulateCommand = defineCommand({
  summary: 'Drive a running gateway with labelled owner and thief traffic (synthetic keys, for your own gateway only). Every tenant and key it creates is named after the run (sim-…).',
  options: {
    ...common,
    url: { type: 'string', value: 'URL', description: 'the gateway (default $WARDEN_URL or http://127.0.0.1:8080)' },
    'admin-token': { type: 'string', value: 'TOKEN', description: 'admin token (default $WARDEN_ADMIN_TOKEN)' },
    cleanup: { type: 'boolean', description: 'after the report, revoke the keys and delete the tenants this run created' },
    remove: { type: 'string', value: 'RUN_ID', description: 'send no traffic: remove what an earlier run (sim-…) created, then exit' },
    'allow-untrusted-xff': { type: 'boolean', description: 'run even when the gateway ignores X-Forwarded-For from here (every client then looks like this machine: the figures mean little)' },
  },
  async run(values) {
    const url = (values.url ?? process.env['WARDEN_URL'] ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');
    const adminToken = values['admin-token'] ?? process.env['WARDEN_ADMIN_TOKEN'];
    if (!adminToken) {
      process.stderr.write('warden simulate: pass --admin-token or WARDEN_ADMIN_TOKEN (the gateway must trust loopback in WARDEN_TRUSTED_PROXIES)\n');
      return 2;
    }
    const target = { url, adminToken };
    try {
      if (values.remove !== undefined) {
        if (!isRunId(values.remove)) {
          process.stderr.write(`warden simulate: --remove takes a run id such as sim-1-m3k9x2 (printed by the run), not '${values.remove}'\n`);
          return 2;
        }
        const r = await removeRun(target, values.remove);
        process.stdout.write(`removed run ${values.remove}: ${r.keys} keys revoked, ${r.tenants} tenants deleted\n`);
        return 0;
      }
      const o = opts(values);
      const runId = newRunId(o.seed);
      const trust = await probeXffTrust(target, runId);
      if (!trust.trusted) {
        const why =
          `the gateway at ${url} does not take the client address from X-Forwarded-For sent from here (a key bound to 192.0.2.77 was refused with ${trust.status}).\n` +
          `  Every simulated owner and thief would look like this machine: network signals cannot fire and the figures mean nothing.\n` +
          `  Add this machine's address to server.trustedProxies (WARDEN_TRUSTED_PROXIES) on a gateway meant for testing, or pass --allow-untrusted-xff.\n`;
        if (!values['allow-untrusted-xff']) {
          await removeRun(target, runId);
          process.stderr.write(`warden simulate: refused: ${why}`);
          return 1;
        }
        process.stderr.write(`warden simulate: WARNING: ${why}`);
      }
      process.stderr.write(`run ${runId}: every tenant and key it creates is named ${runId}-…\n`);
      const r = await simulate(target, { ...o, runId });
      process.stdout.write(render(r.figures));
      if (values.cleanup) {
        const c = await removeRun(target, runId);
        process.stdout.write(`\ncleanup: ${c.keys} keys revoked, ${c.tenants} tenants deleted (run ${runId})\n`);
      } else {
        process.stdout.write(`\nrun ${runId} left its tenants and keys for inspection; remove them with: warden simulate --remove ${runId}\n`);
      }
      return 0;
    } finally {
      closeAgent();
    }
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
