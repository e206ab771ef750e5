// Benchmark (not a test): event-loop delay while the admin API verifies an audit log of N events.
// Run: npx tsx bench/audit/verify.ts [events=10000] [rounds=3]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteAudit, requestEvent } from './fixture.js';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseConfig } from '../../src/config/load.js';
import { startGateway } from '../../src/main.js';

const TOKEN = 'bench-admin-token-0123456789abcdef';

/** A data dir whose SQLite log holds `total` sealed request events. */
async function seed(dir: string, total: number): Promise<void> {
  const { store, svc } = await openSqliteAudit(dir);
  for (let i = 0; i < total; i++) svc.sink.append(requestEvent(i));
  await svc.sink.flush();
  await svc.sealer.sealNow();
  await svc.close();
  await store.close();
}

export async function benchVerify(total = 10_000, rounds = 3): Promise<{ maxMs: number[]; p99Ms: number[]; wallMs: number[]; size: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'warden-bench-verify-'));
  try {
    await seed(dir, total);
    const gw = await startGateway(
      parseConfig({
        dataDir: dir,
        adminToken: TOKEN,
        server: { host: '127.0.0.1', port: 0 },
        upstreams: [{ kind: 'compatible', name: 'none', baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'sk-none' }],
        log: { level: 'error' },
      }),
    );
    const out = { maxMs: [] as number[], p99Ms: [] as number[], wallMs: [] as number[], size: 0 };
    try {
      for (let i = 0; i < rounds; i++) {
        const h = monitorEventLoopDelay({ resolution: 1 });
        h.enable();
        const t = performance.now();
        const r = await fetch(`${gw.url}/admin/v1/audit/verify`, { headers: { authorization: `Bearer ${TOKEN}` } });
        const body = (await r.json()) as { ok: boolean; size: number };
        out.wallMs.push(performance.now() - t);
        h.disable();
        if (!body.ok) throw new Error('bench log did not verify');
        out.size = body.size;
        out.maxMs.push(h.max / 1e6);
        out.p99Ms.push(h.percentile(99) / 1e6);
      }
    } finally {
      await gw.close();
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchVerify(Number(process.argv[2] ?? 10_000), Number(process.argv[3] ?? 3));
  const f = (xs: number[]): string => xs.map((x) => x.toFixed(1)).join(', ');
  console.log(`audit verify of ${r.size} events: event-loop max delay ms [${f(r.maxMs)}], p99 ms [${f(r.p99Ms)}], request wall ms [${f(r.wallMs)}]`);
}
