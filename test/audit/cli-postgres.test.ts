// The audit CLI (search, verify, export, verify-bundle) against a PostgreSQL-backed gateway, through its admin API.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as runCli } from '../../src/cli/run.js';
import { parseConfig } from '../../src/config/load.js';
import { startGateway, type Gateway } from '../../src/main.js';
import { postgresForTests } from '../support/postgres.js';
import { sharedSecrets } from '../replicas/shared-secrets.js';

const pg = await postgresForTests();
const TOKEN = 'audit-cli-pg-token-0123456789abcdef';
let gw: Gateway;
let dir: string;

async function warden(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
  try {
    return { code: await runCli([...args, '--url', gw.url, '--token', TOKEN]), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
const json = async (...args: string[]): Promise<any> => {
  const r = await warden(...args, '--json');
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out);
};

describe.skipIf('skip' in pg)('audit CLI against PostgreSQL (admin API)', () => {
  beforeAll(async () => {
    if ('skip' in pg) return;
    dir = mkdtempSync(join(tmpdir(), 'warden-audit-pg-'));
    gw = await startGateway(
      parseConfig({ dataDir: dir, adminToken: TOKEN, ...sharedSecrets(), store: { kind: 'postgres', url: pg.schemaUrl }, server: { host: '127.0.0.1', port: 0 }, log: { level: 'error' } }),
      { logSink: () => undefined },
    );
  }, 60_000);
  afterAll(async () => {
    await gw?.close();
    if (!('skip' in pg)) await pg.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('search filters by key, status, stage and time; verify and export work; the bundle verifies offline', async () => {
    const t = await json('tenants', 'create', '--name', 'pg-audit');
    const k = await json('keys', 'create', '--tenant', t.id, '--name', 'chat-only', '--endpoints', 'chat');
    const call = (path: string, body: object) =>
      fetch(`${gw.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${k.key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    for (let i = 0; i < 3; i++) expect((await call('/v1/chat/completions', { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await call('/v1/embeddings', { model: 'text-embedding-3-small', input: 'x' })).status).toBe(403);
    await gw.deps.audit.flush();

    const all = (await json('audit', 'search', '--key', k.id)).data as { status?: number; kind: string; detail?: { deniedBy?: string } }[];
    const requests = all.filter((e) => e.kind === 'request');
    expect(requests.map((e) => e.status).sort()).toEqual([200, 200, 200, 403, 403]);
    const denied = await json('audit', 'search', '--key', k.id, '--status', '4xx');
    expect(denied.data.map((e: { status: number }) => e.status)).toEqual([403, 403]);
    const stage = denied.data[0].detail.deniedBy as string;
    expect(stage).toBeTruthy();
    const byStage = await json('audit', 'search', '--stage', stage, '--tenant', t.id);
    expect(byStage.data).toHaveLength(2);
    expect((await json('audit', 'search', '--key', k.id, '--kind', 'request', '--limit', '2')).data).toHaveLength(2);
    expect((await json('audit', 'search', '--key', k.id, '--until', '1h')).data).toEqual([]);
    expect((await json('audit', 'search', '--key', k.id, '--since', '1h')).data.length).toBe(all.length);

    const table = await warden('audit', 'search', '--key', k.id, '--status', '403');
    expect(table.out.split('\n')[0]).toMatch(/^SEQ\s+TIME\s+KIND\s+KEY/);
    expect(table.out.trim().split('\n')).toHaveLength(3);
    expect((await warden('audit', 'search', '--status', 'teapot')).code).toBe(2);

    const v = await warden('audit', 'verify');
    expect(v.code, v.out).toBe(0);
    expect(v.out).toMatch(/^audit log OK: \d+ events/);

    const out = join(dir, 'bundle.json');
    const ex = await json('audit', 'export', '--key', k.id, '--out', out);
    expect(ex.events).toBe(all.length);
    expect(JSON.parse(readFileSync(out, 'utf8')).events).toHaveLength(all.length);
    const ok = await warden('audit', 'verify-bundle', out);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toContain(`bundle OK: ${all.length} events`);
    expect(ok.out).toContain('publishes this key');
    const bundle = JSON.parse(readFileSync(out, 'utf8'));
    const served = bundle.events.find((e: { body: string }) => e.body.includes('"status":200'));
    served.body = served.body.replace('"status":200', '"status":201');
    writeFileSync(out, JSON.stringify(bundle));
    expect((await warden('audit', 'verify-bundle', out)).code).toBe(1);
  }, 60_000);
});
