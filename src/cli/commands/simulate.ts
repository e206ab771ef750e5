// `warden simulate` (drive a running gateway with labelled traffic) and `warden eval detection`.
import { parseArgs } from 'node:util';
import { evalDetection, render, simulate } from '../../simulate/simulate.js';
import { SCENARIOS } from '../../simulate/scenarios.js';
import type { Command } from '../registry.js';

const common = {
  seed: { type: 'string', default: '1' },
  scale: { type: 'string', default: '3' },
  scenario: { type: 'string', multiple: true },
} as const;

function opts(v: { seed?: string; scale?: string; scenario?: string[] }) {
  const only = v.scenario?.filter((s) => s in SCENARIOS);
  return { seed: Number(v.seed ?? 1), scale: Math.max(1, Number(v.scale ?? 3)), ...(only && only.length ? { only } : {}), log: (l: string) => process.stderr.write(`${l}\n`) };
}

export const simulateCommand: Command = async (args) => {
  const { values } = parseArgs({
    args,
    options: { ...common, url: { type: 'string' }, 'admin-token': { type: 'string' } },
  });
  const url = values.url ?? process.env['WARDEN_URL'] ?? 'http://127.0.0.1:8080';
  const adminToken = values['admin-token'] ?? process.env['WARDEN_ADMIN_TOKEN'];
  if (!adminToken) {
    process.stderr.write('warden simulate: pass --admin-token or WARDEN_ADMIN_TOKEN (the gateway must trust loopback in WARDEN_TRUSTED_PROXIES)\n');
    return 2;
  }
  const r = await simulate({ url, adminToken }, opts(values));
  process.stdout.write(render(r.figures));
  return 0;
};

export const evalDetectionCommand: Command = async (args) => {
  const { values } = parseArgs({ args, options: common });
  const r = await evalDetection(opts(values));
  process.stdout.write(r.text);
  return r.ok ? 0 : 1;
};
