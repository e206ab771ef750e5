// Attack-bench support: a gateway in its own process (loopback, built-in simulator) that reports its RSS and event-loop delay.
// Run by the attack scripts (never on its own). WARDEN_SRC picks the source tree, so a build from before a fix can be measured too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

import { ADMIN_TOKEN } from './admin-token.js';

const src = resolve(process.env['WARDEN_SRC'] ?? join(import.meta.dirname, '../../src'));
const { parseConfig } = (await import(pathToFileURL(join(src, 'config/load.ts')).href)) as typeof import('../../src/config/load.js');
const { startGateway } = (await import(pathToFileURL(join(src, 'main.ts')).href)) as typeof import('../../src/main.js');
const extra = JSON.parse(process.env['WARDEN_SERVER'] ?? '{}') as Record<string, unknown>;

const dataDir = mkdtempSync(join(tmpdir(), 'warden-attack-'));
const gw = await startGateway(parseConfig({ dataDir, adminToken: ADMIN_TOKEN, server: { host: '127.0.0.1', port: 0, ...extra }, upstreams: [], log: { level: 'error' } }), {
  logSink: () => undefined,
});
const eld = monitorEventLoopDelay({ resolution: 10 });
eld.enable();
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const ms = (ns: number): number => Math.round(ns / 1e5) / 10;

process.on('message', (m: { op: string }) => {
  if (m.op === 'reset') {
    eld.reset();
    peakRss = process.memoryUsage().rss;
    return void process.send!({ op: 'reset' });
  }
  if (m.op === 'stats') {
    const rss = process.memoryUsage().rss;
    return void process.send!({ op: 'stats', rss, peakRss: Math.max(peakRss, rss), eld: { p50: ms(eld.percentile(50)), p99: ms(eld.percentile(99)), max: ms(eld.max) } });
  }
  if (m.op === 'stop') {
    clearInterval(sampler);
    void gw.close().then(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  }
});
process.send!({ op: 'ready', url: gw.url });
