// The `warden` CLI as a user runs it: `serve` with only env vars, then `tenants`/`keys` against it.
import { spawn, execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as runCli } from '../src/cli/run.js';

const run = promisify(execFile);
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const CLI = join(process.cwd(), 'src', 'cli', 'main.ts');
const TOKEN = 'cli-admin-token-0123456789abcdef';

let dir: string;
let serveOut = '';
let child: ReturnType<typeof spawn>;
let url = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'warden-cli-'));
  const port = String(20000 + Math.floor(Math.random() * 20000));
  url = `http://127.0.0.1:${port}`;
  child = spawn(TSX, [CLI, 'serve'], { env: { ...process.env, WARDEN_DATA_DIR: dir, WARDEN_PORT: port, WARDEN_HOST: '127.0.0.1', WARDEN_ADMIN_TOKEN: TOKEN }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (serveOut += d));
  child.stderr!.on('data', (d) => (serveOut += d));
  for (let i = 0; i < 280 && !serveOut.includes('warden listening on'); i++) await new Promise((r) => setTimeout(r, 100));
  if (!serveOut.includes('warden listening on')) throw new Error(`serve did not start: ${serveOut}`);
}, 30_000);

afterAll(async () => {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a CLI command in this process (same code path as the binary), capturing stdout. */
/** Admin commands print tables for people; these tests read their --json output. */
const withJson = (a: string[]): string[] => (['keys', 'tenants', 'credentials', 'audit', 'webhooks'].includes(a[0]!) ? [...a, '--json'] : a);

const warden = async (...args: string[]) => {
  process.env['WARDEN_ADMIN_URL'] = url;
  process.env['WARDEN_ADMIN_TOKEN'] = TOKEN;
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  try {
    expect(await runCli(withJson(args))).toBe(0);
  } finally {
    spy.mockRestore();
  }
  return JSON.parse(out);
};

describe('warden CLI', () => {
  it('serve with no upstream says loudly that answers are simulated', async () => {
    expect(serveOut).toContain('NO UPSTREAM CONFIGURED');
    const started = serveOut
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l))
      .find((l) => l.msg === 'warden listening');
    expect(started).toMatchObject({ store: 'sqlite', redis: expect.stringContaining('none'), upstreams: [expect.stringContaining('simulator')], defences: { audit: 'on', risk: 'on', safety: 'on' } });
    expect(started.schema).toMatch(/^version \d+, every migration applied$/);
    const t = await warden('tenants', 'create', '--name', 'cli-co');
    const k = await warden('keys', 'create', '--tenant', t.id, '--name', 'cli-key', '--endpoints', 'chat');
    const res = await fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${k.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-warden-upstream')).toBe('simulator');
  });

  it('webhooks add|list|update|remove drive a running gateway; a generated secret is printed once and never listed', async () => {
    const made = await warden('webhooks', 'add', 'http://127.0.0.1:9/cli-hook', '--description', 'pager');
    expect(made.secret).toMatch(/^whsec_/);
    expect(made.id).toMatch(/^wh_/);
    const listed = await warden('webhooks', 'list');
    expect(listed.map((w: { id: string; url: string }) => [w.id, w.url])).toContainEqual([made.id, 'http://127.0.0.1:9/cli-hook']);
    expect(JSON.stringify(listed)).not.toContain(made.secret);
    const changed = await warden('webhooks', 'update', made.id, '--description', 'on-call', '--secret', 'whsec_cli_rotated_0123456789');
    expect(changed).toMatchObject({ id: made.id, description: 'on-call' });
    expect(JSON.stringify(changed)).not.toContain('rotated');
    await expect(runCli(['webhooks', 'update', made.id])).resolves.not.toBe(0);
    expect((await warden('webhooks', 'remove', made.id)).deleted).toBe(true);
    expect((await warden('webhooks', 'list')).map((w: { id: string }) => w.id)).not.toContain(made.id);
  });

  it('keys create|list|show|suspend|reinstate|rotate|revoke drive a running gateway', async () => {
    const t = await warden('tenants', 'create', '--name', 'cli-co2');
    const k = await warden('keys', 'create', '--tenant', t.id, '--name', 'k', '--endpoints', 'chat,embeddings', '--models', 'gpt-4o-mini');
    expect(k.key).toMatch(/^wdn_l_/);
    const client = new OpenAI({ apiKey: k.key, baseURL: `${url}/v1`, maxRetries: 0 });
    const chat = () => client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] });
    expect((await warden('keys', 'list', '--tenant', t.id)).map((x: { id: string }) => x.id)).toEqual([k.id]);
    expect((await warden('keys', 'show', k.id)).models).toEqual(['gpt-4o-mini']);
    expect((await warden('keys', 'suspend', k.id, '--reason', 'cli test')).status).toBe('suspended');
    await expect(chat()).rejects.toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect((await warden('keys', 'reinstate', k.id)).status).toBe('active');
    await chat();
    const rotated = await warden('keys', 'rotate', k.id, '--grace', '0');
    await expect(chat()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    await new OpenAI({ apiKey: rotated.key, baseURL: `${url}/v1`, maxRetries: 0 }).models.list();
    expect((await warden('keys', 'revoke', k.id)).status).toBe('revoked');
  });

  it('a bad admin token is a clear error, not a stack trace', async () => {
    const err = await run(TSX, [CLI, 'keys', 'list'], { env: { ...process.env, WARDEN_ADMIN_URL: url, WARDEN_ADMIN_TOKEN: 'wrong-token-xxxxxxxxxxxx' } }).catch((e) => e);
    expect(err.code).toBe(1);
    expect(err.stderr).toContain('admin token');
    expect(err.stderr).not.toMatch(/\n\s+at /);
  });

  it('serve on a port already in use exits non-zero at once with a clear message', async () => {
    const port = new URL(url).port;
    const other = mkdtempSync(join(tmpdir(), 'warden-cli-busy-'));
    const err = await run(TSX, [CLI, 'serve'], { env: { ...process.env, WARDEN_DATA_DIR: other, WARDEN_PORT: port, WARDEN_HOST: '127.0.0.1', WARDEN_ADMIN_TOKEN: TOKEN }, timeout: 20_000 }).catch(
      (e: { code: number; stderr: string; killed: boolean }) => e,
    );
    rmSync(other, { recursive: true, force: true });
    expect(err).toMatchObject({ code: 1, killed: false });
    expect((err as { stderr: string }).stderr).toContain('already in use');
  });

  it('list and show print tables for people, --json for scripts, --quiet just the id', async () => {
    const text = async (...args: string[]) => {
      process.env['WARDEN_ADMIN_URL'] = url;
      process.env['WARDEN_ADMIN_TOKEN'] = TOKEN;
      let out = '';
      const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
      const e = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      try {
        expect(await runCli(args)).toBe(0);
      } finally {
        o.mockRestore();
        e.mockRestore();
      }
      return out;
    };
    const tenantId = (await text('tenants', 'create', '--name', 'cli-quiet', '--quiet')).trim();
    expect(tenantId).toMatch(/^ten_\w+$/);
    const [keyId, secret, ...rest] = (await text('keys', 'create', '--tenant', tenantId, '--name', 'quiet-key', '-q')).trim().split('\t');
    expect(rest).toEqual([]);
    expect(secret).toMatch(/^wdn_l_/);
    const all = { rpm: '60', tpm: '9000', 'images-per-day': '5', 'spend-per-day': '2.5', 'spend-per-month': '40', concurrent: '4' };
    const limited = (await text('keys', 'create', '--tenant', tenantId, '--name', 'limited', '-q', ...Object.entries(all).flatMap(([f, v]) => [`--${f}`, v]))).split('\t')[0]!;
    const listed = await text('keys', 'list', '--tenant', tenantId);
    const [head, ...rows] = listed.trim().split('\n');
    expect(head).toMatch(/^ID\s+NAME\s+TENANT\s+STATUS\s+ENDPOINTS/);
    expect(rows.map((r) => r.split(/\s+/)[0]).sort()).toEqual([keyId, limited].sort());
    expect(rows.find((r) => r.startsWith(keyId!))).toMatch(/quiet-key\s+ten_\w+\s+active/);
    const json = JSON.parse(await text('keys', 'show', limited, '--json'));
    expect(json.limits).toEqual({ requestsPerMinute: 60, tokensPerMinute: 9000, imagesPerDay: 5, spendPerDayUsd: 2.5, spendPerMonthUsd: 40, concurrentRequests: 4 });
    const shown = await text('keys', 'show', limited);
    expect(shown).toMatch(new RegExp(`^id:\\s+${limited}$`, 'm'));
    expect(shown).toMatch(/^status:\s+active$/m);
    expect(shown).not.toContain('wdn_l_');
    expect(await text('tenants', 'list')).toMatch(new RegExp(`^${tenantId}\\s+cli-quiet\\s`, 'm'));
  });

  it('a misspelt config key stops serve with a "did you mean" hint', async () => {
    const other = mkdtempSync(join(tmpdir(), 'warden-cli-typo-'));
    const cfg = join(other, 'warden.yaml');
    writeFileSync(cfg, 'saftey:\n  enabled: true\n');
    const err = await run(TSX, [CLI, 'serve'], { env: { ...process.env, WARDEN_DATA_DIR: other, WARDEN_CONFIG: cfg, WARDEN_PORT: '0' }, timeout: 20_000 }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    rmSync(other, { recursive: true, force: true });
    expect(err).toMatchObject({ code: 1 });
    expect((err as { stderr: string }).stderr).toContain('saftey: unknown setting (did you mean "safety"?)');
  });
});

describe('warden CLI help and misuse', () => {
  const capture = async (...args: string[]) => {
    let out = '';
    let err = '';
    const o = vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((out += String(c)), true));
    const e = vi.spyOn(process.stderr, 'write').mockImplementation((c) => ((err += String(c)), true));
    try {
      return { code: await runCli(args), out, err };
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
  };

  it('every command answers --help and -h with its options instead of running', async () => {
    for (const name of ['serve', 'demo', 'keys create', 'keys revoke', 'audit export', 'audit search', 'eval safety', 'config check', 'simulate']) {
      for (const flag of ['--help', '-h']) {
        const r = await capture(...name.split(' '), flag);
        expect(r.code, `${name} ${flag}`).toBe(0);
        expect(r.out).toContain(`usage: warden ${name}`);
        expect(r.out).toContain('-h, --help');
      }
    }
    expect((await capture('keys', 'create', '--help')).out).toMatch(/--tenant TENANT_ID\s+the owning tenant/);
  });

  it('an unknown option or a missing argument exits 2 with the usage', async () => {
    const bad = await capture('keys', 'create', '--tenat', 'x');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("Unknown option '--tenat'");
    expect(bad.err).toContain('usage: warden keys create');
    const missing = await capture('keys', 'show', '--token', 'x');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('a key id is required');
    expect((await capture('nonsense')).code).toBe(2);
  });

  it('--version prints the package version; config check validates without starting', async () => {
    expect((await capture('--version')).out).toMatch(/^warden \d+\.\d+\.\d+\n$/);
    const dir = mkdtempSync(join(tmpdir(), 'warden-cfgcheck-'));
    const cfg = join(dir, 'warden.yaml');
    writeFileSync(cfg, 'limits:\n  keyDefault:\n    requestsPerMinute: 5\n');
    const r = await capture('config', 'check', cfg);
    rmSync(dir, { recursive: true, force: true });
    expect(r.code).toBe(1);
    expect(r.err).toContain('limits.keyDefault: unknown setting (did you mean "keyDefaults"?)');
  });
});
