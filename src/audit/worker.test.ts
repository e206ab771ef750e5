// The audit worker's protocol over a real SQLite file: an answer only after the commit, batches, a worker that dies
// (restarted; its requests fail; nothing acknowledged lost, nothing stored twice), and a shutdown that drains.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite/store.js';
import { auditConfigSchema } from './config.js';
import { eventBody } from './event-body.js';
import type { AuditEvent } from './event.js';
import { loadAuditKeys } from './keys.js';
import { SqliteAuditLog } from './log-sqlite.js';
import { AuditService } from './service.js';
import { AuditWorker, AuditWorkerError } from './worker-client.js';
import { auditWorkerChoice } from './worker-choice.js';

const dirs: string[] = [];
const open: AuditService[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close().catch(() => {});
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const event = (i: number, over: Partial<AuditEvent> = {}): AuditEvent => ({
  time: new Date(Date.UTC(2026, 11, 7, 12, 0, 0, i)).toISOString(),
  kind: 'request',
  requestId: `req_${i}`,
  keyId: 'kid1',
  status: 200,
  detail: { route: 'openai', n: i },
  ...over,
});

async function setup(cfgOver: object = {}, answerWithinMs?: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'warden-auditw-'));
  dirs.push(dataDir);
  const path = join(dataDir, 'warden.db');
  const store = new SqliteStore(path);
  const cfg = auditConfigSchema.parse({ checkpointIntervalMs: 50, ...cfgOver });
  const keys = loadAuditKeys(cfg, dataDir);
  const logs: string[] = [];
  const report = (level: string, msg: string): void => void logs.push(`${level} ${msg}`);
  const worker = new AuditWorker(
    { path, dataDir, text: cfg.text, signingKeyPem: keys.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), sealKey: keys.sealKey, textKey: keys.textKey },
    report,
    answerWithinMs === undefined ? {} : { answerWithinMs },
  );
  const log = new SqliteAuditLog(store.db);
  const svc = await AuditService.open(store, log, keys, cfg, dataDir, report, true, worker);
  open.push(svc);
  const count = (): number => (store.db.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n;
  const ids = (): string[] => (store.db.prepare('SELECT request_id FROM audit_events ORDER BY seq').all() as { request_id: string }[]).map((r) => r.request_id);
  return { svc, store, worker, logs, count, ids };
}

describe('audit worker', () => {
  it('answers a flush only once the events are committed, readable from the request thread', async () => {
    const { svc, count } = await setup();
    for (let i = 0; i < 5; i++) svc.sink.append(event(i));
    expect(count()).toBe(0);
    // Read synchronously in the reaction: at that moment the rows must already be there.
    const seen = await svc.sink.flush().then(() => count());
    expect(seen).toBe(5);
    expect(svc.sink.stats.written).toBe(5);
  });

  it('sends events in batches: many appended in one turn go in one message and one commit', async () => {
    const { svc, count, worker } = await setup();
    const sent: number[] = [];
    const request = worker.request.bind(worker);
    worker.request = (m) => {
      if (m.t === 'write') sent.push((JSON.parse(m.events) as unknown[]).length);
      return request(m);
    };
    for (let i = 0; i < 300; i++) svc.sink.append(event(i));
    await svc.sink.flush();
    expect(count()).toBe(300);
    expect(sent).toEqual([300]);
    expect(svc.sink.stats.batches).toBe(1);
    // Past batchMaxEvents, a batch is cut.
    for (let i = 300; i < 1000; i++) svc.sink.append(event(i));
    await svc.sink.flush();
    expect(sent.slice(1)).toEqual([512, 188]);
  });

  it('stores what the request thread would: the same canonical bodies, and the log verifies once sealed', async () => {
    const { svc, store } = await setup({ text: { keep: 'always' } });
    svc.sink.append(event(1, { text: { prompt: 'kept prompt', output: 'kept answer' }, verdicts: { b: 1, a: [2, null] }, latencyMs: -0 }));
    const second = event(2, { keyId: null, riskScore: Number.NaN, detail: { when: new Date(0), list: [undefined, 1e21] } });
    svc.sink.append(second);
    await svc.sink.flush();
    await svc.sealer.sealNow();
    const bodies = (store.db.prepare('SELECT body FROM audit_events ORDER BY seq').all() as { body: string }[]).map((r) => r.body);
    expect(bodies[0]).not.toContain('kept prompt');
    expect(JSON.parse(bodies[0]!).textCommit.prompt).toMatch(/^[0-9a-f]{64}$/);
    expect(bodies[1]).toContain('"riskScore":null');
    expect(bodies[1]).toBe(eventBody(second));
    expect((await svc.log.getTexts(['req_1'])).map((t) => t.field).sort()).toEqual(['output', 'prompt']);
    const report = await svc.verify();
    expect(report).toMatchObject({ ok: true, size: 2, signedSize: 2 });
    expect(svc.health).toMatchObject({ ok: true, treeSize: 2 });
  });

  it('a worker that dies fails the requests it held, is restarted, and stores their events exactly once', async () => {
    const { svc, worker, logs, ids } = await setup();
    for (let i = 0; i < 10; i++) svc.sink.append(event(i));
    await svc.sink.flush();
    // The worker is ended the moment the next batch is posted to it, while it holds it (not a turn later, when it
    // may already have answered).
    const w = worker.current!;
    const post = w.postMessage.bind(w);
    w.postMessage = (msg: { t?: string }) => {
      post(msg);
      if (msg.t === 'write') {
        w.postMessage = post;
        void w.terminate();
      }
    };
    for (let i = 10; i < 20; i++) svc.sink.append(event(i));
    await expect(svc.sink.flush()).rejects.toThrow(/audit log unavailable.*audit worker stopped/);
    expect(logs.some((l) => /^error audit worker stopped .* starting it again/.test(l))).toBe(true);
    // The sink retries the batch in the new worker; a later flush waits for it.
    await svc.sink.flush();
    expect(worker.restarts).toBe(1);
    expect(ids()).toEqual(Array.from({ length: 20 }, (_, i) => `req_${i}`));
    await svc.sealer.sealNow();
    expect(await svc.verify()).toMatchObject({ ok: true, size: 20 });
  });

  it('a batch committed by a worker that died before it answered is not stored again', async () => {
    const { svc, worker, ids, logs } = await setup();
    svc.sink.append(event(0));
    await svc.sink.flush();
    // The worker commits, then dies before its answer is read.
    const request = worker.request.bind(worker);
    let once = true;
    worker.request = async (m) => {
      const d = await request(m);
      if (m.t === 'write' && once) {
        once = false;
        await worker.current!.terminate();
        throw new AuditWorkerError('audit worker stopped (test)');
      }
      return d;
    };
    svc.sink.append(event(1));
    await expect(svc.sink.flush()).rejects.toThrow(/audit worker stopped/);
    svc.sink.append(event(2));
    await svc.sink.flush();
    expect(ids()).toEqual(['req_0', 'req_1', 'req_2']);
    expect(logs).toContain('warn audit worker: 1 events of a retried batch were already stored; not stored twice');
  });

  it('a worker that stops answering is ended and restarted: no flush waits for ever', async () => {
    const { svc, worker, logs, ids } = await setup({}, 300);
    // The worker never sees the write, so it never answers (as if stuck).
    const w = worker.current!;
    const post = w.postMessage.bind(w);
    let drop = true;
    w.postMessage = (m: { t: string }) => (drop && m.t === 'write' ? void (drop = false) : post(m));
    svc.sink.append(event(0));
    await expect(svc.sink.flush()).rejects.toThrow(/audit worker stopped/);
    expect(logs.some((l) => l.includes('did not answer within 300 ms'))).toBe(true);
    await svc.sink.flush();
    expect(worker.restarts).toBe(1);
    expect(ids()).toEqual(['req_0']);
  });

  it('admin changes in the request thread interleave with the worker commits: none fails, the log stays one chain', async () => {
    const { svc, store, ids } = await setup();
    const admin = (i: number, action: string): AuditEvent => ({ time: new Date().toISOString(), kind: 'admin', requestId: `adm_${action}_${i}`, action, actor: 'test' });
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 60; i++) {
      for (let j = 0; j < 20; j++) svc.sink.append(event(i * 20 + j));
      writes.push(svc.sink.flush());
      // Reads before it writes (deleteTenant): must wait for the worker's commit, not fail on it.
      await store.createTenant({ id: `t${i}`, name: `t${i}`, createdAt: new Date().toISOString() }, admin(i, 'tenant.create'));
      expect(await store.deleteTenant(`t${i}`, new Date().toISOString(), admin(i, 'tenant.delete'))).toMatchObject({ ok: true });
      if (i % 7 === 0) await new Promise((r) => setImmediate(r));
    }
    await Promise.all(writes);
    expect(ids().filter((id) => id.startsWith('req_'))).toHaveLength(1200);
    expect(ids().filter((id) => id.startsWith('adm_'))).toHaveLength(120);
    await svc.sealer.sealNow();
    expect(await svc.verify()).toMatchObject({ ok: true, size: 1320 });
  });

  it('close drains: events appended and never flushed are committed and sealed before the worker ends', async () => {
    const { svc, store, worker } = await setup({ batchMaxWaitMs: 10_000 });
    for (let i = 0; i < 50; i++) svc.sink.append(event(i));
    await svc.close();
    open.length = 0;
    expect(worker.current).toBeUndefined();
    expect((store.db.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n).toBe(50);
    expect((store.db.prepare('SELECT MAX(tree_size) AS n FROM audit_checkpoints').get() as { n: number }).n).toBe(50);
    await expect(worker.request({ t: 'seal' })).rejects.toThrow(/closed/);
  });
});

describe('auditWorkerChoice', () => {
  it.each([
    ['off', 8, 'sqlite', '/d/w.db', false],
    ['auto', 1, 'sqlite', '/d/w.db', false],
    ['auto', 2, 'sqlite', '/d/w.db', true],
    ['on', 1, 'sqlite', '/d/w.db', true],
    ['on', 4, 'postgres', undefined, false],
    ['auto', 4, 'postgres', undefined, false],
    ['on', 4, 'sqlite', ':memory:', false],
  ] as const)('%s with %i cores on %s (%s): worker %s', (setting, cores, kind, file, use) => {
    expect(auditWorkerChoice(setting, cores, { kind, file }).use).toBe(use);
  });

  it('says why only when the worker was asked for and cannot be had', () => {
    expect(auditWorkerChoice('on', 4, { kind: 'postgres' })).toEqual({ use: false, why: expect.stringContaining('SQLite only') });
    expect(auditWorkerChoice('auto', 4, { kind: 'postgres' })).toEqual({ use: false });
  });
});
