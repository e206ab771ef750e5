// `warden simulate` against a gateway: refuses one that ignores its X-Forwarded-For, names what it creates, cleans up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as runCli } from '../src/cli/run.js';
import { parseConfig } from '../src/config/load.js';
import { startGateway, type Gateway } from '../src/main.js';

const TOKEN = 'simulate-cli-token-0123456789abcdef';
const dirs: string[] = [];
let trusting: Gateway;
let plain: Gateway;

const start = async (trustedProxies: string[]): Promise<Gateway> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'warden-simcli-'));
  dirs.push(dataDir);
  return startGateway(parseConfig({ dataDir, adminToken: TOKEN, server: { host: '127.0.0.1', port: 0, trustedProxies }, log: { level: 'error' } }), { logSink: () => undefined });
};

async function warden(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
  try {
    return { code: await runCli([...args, '--admin-token', TOKEN]), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const adminGet = async (gw: Gateway, path: string): Promise<any> => (await fetch(`${gw.url}/admin/v1${path}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();
const simTenants = async (gw: Gateway): Promise<{ id: string; name: string }[]> => ((await adminGet(gw, '/tenants')) as { id: string; name: string }[]).filter((t) => t.name.startsWith('sim-'));

beforeAll(async () => {
  trusting = await start(['127.0.0.1/32']);
  plain = await start([]);
});
afterAll(async () => {
  await trusting?.close();
  await plain?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('warden simulate', () => {
  it('refuses a gateway that ignores its X-Forwarded-For, and leaves nothing behind', async () => {
    const r = await warden('simulate', '--url', plain.url, '--scenario', 'canary', '--scale', '1');
    expect(r.code).toBe(1);
    expect(r.err).toContain('does not take the client address from X-Forwarded-For');
    expect(r.err).toContain('--allow-untrusted-xff');
    expect(r.out).toBe('');
    expect(await simTenants(plain)).toEqual([]);
  });

  it('with --allow-untrusted-xff it warns and runs; --remove takes away what that run made', async () => {
    const r = await warden('simulate', '--url', plain.url, '--scenario', 'canary', '--scale', '1', '--allow-untrusted-xff');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('WARNING');
    const runId = /--remove (sim-\S+)/.exec(r.out)?.[1];
    expect(runId).toBeDefined();
    const made = await simTenants(plain);
    expect(made.length).toBeGreaterThan(0);
    expect(made.every((t) => t.name.startsWith(`${runId}-`))).toBe(true);
    const keys = (await adminGet(plain, '/keys')) as { name: string }[];
    expect(keys.filter((k) => k.name.startsWith(`${runId}-`)).length).toBeGreaterThan(0);
    const removed = await warden('simulate', '--url', plain.url, '--remove', runId!);
    expect(removed.code, removed.err).toBe(0);
    expect(await simTenants(plain)).toEqual([]);
    expect(((await adminGet(plain, '/keys')) as { name: string }[]).filter((k) => k.name.startsWith(`${runId}-`))).toEqual([]);
  });

  it('against a gateway that trusts it: runs, tags, and --cleanup removes every tenant and key it created', async () => {
    const before = ((await adminGet(trusting, '/tenants')) as unknown[]).length;
    const r = await warden('simulate', '--url', trusting.url, '--scenario', 'canary', '--scenario', 'ordinary', '--scale', '1', '--cleanup');
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toContain('WARNING');
    expect(r.out).toMatch(/canary/);
    const m = /cleanup: (\d+) keys revoked, (\d+) tenants deleted \(run (sim-\S+)\)/.exec(r.out);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThanOrEqual(5);
    expect(await simTenants(trusting)).toEqual([]);
    expect(((await adminGet(trusting, '/tenants')) as unknown[]).length).toBe(before);
  });

  it('--remove refuses what is not a run id', async () => {
    const r = await warden('simulate', '--url', trusting.url, '--remove', 'acme');
    expect(r.code).toBe(2);
    expect(r.err).toContain('run id');
  });
});
