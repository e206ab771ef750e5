// Durability: a gateway SIGKILLed under load restarts with a log that verifies, and every
// request answered before the kill has its event.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditConfigSchema } from '../../src/audit/config.js';
import { loadAuditKeys } from '../../src/audit/keys.js';
import { AuditService } from '../../src/audit/service.js';
import { SqliteAuditLog } from '../../src/audit/log-sqlite.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';

const dataDir = mkdtempSync(join(tmpdir(), 'warden-kill9-'));
const TOKEN = 'kill9-admin-token-0123456789abcdef';
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('kill -9 under load', () => {
  it('loses no answered request and leaves a log that verifies', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
      env: { ...process.env, WARDEN_DATA_DIR: dataDir, WARDEN_PORT: '0', WARDEN_ADMIN_TOKEN: TOKEN, WARDEN_LOG_LEVEL: 'error' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let err = '';
      child.stderr!.on('data', (d: Buffer) => {
        err += d.toString();
        const m = /warden listening on (\S+)/.exec(err);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (c) => reject(new Error(`gateway exited ${c}: ${err}`)));
    });
    const admin = async (path: string, body: unknown) =>
      (await fetch(url + '/admin/v1' + path, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })).json() as Promise<
        Record<string, string>
      >;
    const tenant = await admin('/tenants', { name: 'kill9' });
    const key = await admin('/keys', { tenantId: tenant['id'], name: 'load', endpoints: ['chat', 'embeddings'] });

    const answered: string[] = [];
    let killed = false;
    const worker = async () => {
      while (!killed) {
        try {
          const r = await fetch(url + '/v1/embeddings', {
            method: 'POST',
            headers: { authorization: `Bearer ${key['key']}`, 'content-type': 'application/json' },
            body: '{"model":"text-embedding-3-small","input":"x"}',
          });
          await r.arrayBuffer();
          answered.push(r.headers.get('x-request-id')!);
        } catch {
          // Connection cut by the kill: not answered.
        }
      }
    };
    const workers = Array.from({ length: 16 }, worker);
    // Kill once enough answers are out (counted, not timed: a busy machine only makes this take longer), still under load.
    for (let i = 0; i < 400 && answered.length < 60; i++) await new Promise((r) => setTimeout(r, 50));
    const exited = new Promise((r) => child.once('exit', r));
    killed = true;
    child.kill('SIGKILL');
    await Promise.all(workers);
    await exited;
    expect(answered.length).toBeGreaterThan(50);
    process.stdout.write(`kill9: ${answered.length} requests answered before SIGKILL\n`);

    const store = new SqliteStore(join(dataDir, 'warden.db'));
    try {
      const cfg = auditConfigSchema.parse({});
      const svc = await AuditService.open(store, new SqliteAuditLog(store.db), loadAuditKeys(cfg, dataDir), cfg, dataDir);
      expect(svc.health).toMatchObject({ ok: true });
      const report = await svc.verify();
      expect(report).toMatchObject({ ok: true, unsealedTail: 0 });
      const logged = new Set<string>();
      for await (const row of svc.rows()) logged.add(row.requestId);
      expect(answered.filter((id) => !logged.has(id))).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
