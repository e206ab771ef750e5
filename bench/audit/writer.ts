// Benchmark (not a test): audit writer throughput in events/s on a fresh SQLite store.
// Run: npx tsx bench/audit/writer.ts [events=100000] [concurrency=256]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteAudit, requestEvent } from './fixture.js';

export async function benchWriter(total = 100_000, concurrency = 256): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'warden-bench-audit-'));
  const { store, svc } = await openSqliteAudit(dir);
  const ev = requestEvent;
  // 1. Fire-and-forget appends (the request path's cost), then one flush.
  let t = performance.now();
  for (let i = 0; i < total; i++) svc.sink.append(ev(i));
  await svc.sink.flush();
  const appendRate = total / ((performance.now() - t) / 1000);
  // 2. Durable per request: `concurrency` clients each append + await flush (what the proxy does).
  // CPU time per event (user + system, this process) is the figure that matters on a shared box.
  t = performance.now();
  let cpu = process.cpuUsage();
  let next = total;
  const end = total * 2;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < end) {
        svc.sink.append(ev(next++));
        await svc.sink.flush();
      }
    }),
  );
  const durableRate = total / ((performance.now() - t) / 1000);
  const durableCpuUs = cpuUs(cpu) / total;
  // 3. Sealing + checkpoint of everything written.
  t = performance.now();
  cpu = process.cpuUsage();
  await svc.sealer.sealNow();
  const sealRate = (total * 2) / ((performance.now() - t) / 1000);
  const sealCpuUs = cpuUs(cpu) / (total * 2);
  t = performance.now();
  const v = await svc.verify();
  const verifyRate = v.size / ((performance.now() - t) / 1000);
  await svc.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  if (!v.ok) throw new Error(`bench log did not verify: ${v.problem}`);
  return { appendRate, durableRate, sealRate, verifyRate, batches: svc.sink.stats.batches, durableCpuUs, sealCpuUs };
}

function cpuUs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return d.user + d.system;
}

if (/[/\\]audit[/\\]writer\.[jt]s$/.test(process.argv[1] ?? '')) {
  const [n, c] = process.argv.slice(2).map(Number);
  const r = await benchWriter(n || 100_000, c || 256);
  for (const [k, v] of Object.entries(r)) {
    const unit = k === 'batches' ? '' : k.endsWith('CpuUs') ? ' µs CPU/event' : ' events/s';
    process.stdout.write(`${k.padEnd(12)} ${k.endsWith('CpuUs') ? v.toFixed(1) : Math.round(v).toLocaleString('en')}${unit}\n`);
  }
}
