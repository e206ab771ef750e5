// `warden scan`: keys in files and in git history, checksum look-alikes ignored, exit codes, --report via a real gateway.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/run.js';
import { formatKey, newKid, newSecret } from '../../src/keys/format.js';
import { findInText, redact } from '../../src/leaks/find.js';
import { DiffReader } from '../../src/leaks/scan-git.js';
import { ADMIN_TOKEN, startHarness, type Harness } from '../harness.js';

const key = (): string => formatKey('l', newKid(), newSecret());
/** Same shape, last checksum character changed: what a scanner must not report. */
const lookAlike = (): string => {
  const k = key();
  return k.slice(0, -1) + (k.endsWith('A') ? 'B' : 'A');
};

let dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'warden-scan-'));
  dirs.push(d);
  return d;
};

async function scan(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
  try {
    return { code: await run(['scan', ...args]), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const git = (cwd: string, ...args: string[]): string => execFileSync('git', ['-c', 'user.email=t@example.test', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });

beforeAll(() => {
  delete process.env['WARDEN_ADMIN_TOKEN'];
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

describe('findInText', () => {
  it('finds keys with their line and column, drops bad checksums and keys glued inside longer tokens', () => {
    const k = key();
    const text = `a\nb = "${k}"\n${lookAlike()}\nxx${k}\n${k}Z\n`;
    const f = findInText(text);
    expect(f.map((x) => [x.line, x.column, x.kid])).toEqual([[2, 6, k.slice(6, 18)]]);
    expect(redact(k)).toBe(`${k.slice(0, 18)}…${k.slice(-4)}`);
    expect(redact(k)).not.toContain(k.slice(18, 50));
  });

  it('reads line numbers of added lines from a zero-context diff', () => {
    const r = new DiffReader();
    const sha = 'b'.repeat(40);
    const lines = [
      'commit ' + 'a'.repeat(40),
      'diff --git a/x b/x',
      '--- a/x',
      '+++ b/x',
      '@@ -3,0 +4,3 @@',
      '+one',
      '+++ b/not-a-file',
      '+commit ' + sha,
      '@@ -9 +12 @@',
      '-old',
      '+new',
      '\\ No newline at end of file',
      '@@ -20,2 +20,0 @@',
      '-gone',
      '-gone too',
      'commit ' + sha,
    ];
    const got = lines.map((l) => r.read(l)).filter(Boolean);
    expect(got).toEqual([
      { text: 'one', line: 4 },
      { text: '++ b/not-a-file', line: 5 },
      { text: 'commit ' + sha, line: 6 },
      { text: 'new', line: 12 },
    ]);
    expect(r.commit).toBe(sha);
  });
});

describe('warden scan (offline)', () => {
  it('exit 1 on a valid key in a file (nested, never printed whole); skips node_modules and binary files', async () => {
    const d = tempDir();
    const k = key();
    mkdirSync(join(d, 'src', 'deep'), { recursive: true });
    mkdirSync(join(d, 'node_modules', 'x'), { recursive: true });
    writeFileSync(join(d, 'src', 'deep', 'config.env'), `# settings\nOPENAI_API_KEY=${k}\n`);
    writeFileSync(join(d, 'node_modules', 'x', 'k.txt'), key());
    writeFileSync(join(d, 'blob.bin'), Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(key())]));
    const r = await scan(d);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${join(d, 'src', 'deep', 'config.env')}:2:16`);
    expect(lines[0]).toContain(`key ${k.slice(6, 18)}`);
    expect(r.out).not.toContain(k);
  });

  it('exit 0 on a clean tree and on look-alikes with a bad checksum', async () => {
    const d = tempDir();
    writeFileSync(join(d, 'a.txt'), `fake: ${lookAlike()}\nwdn_l_tooshort\n`);
    const r = await scan(d);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
  });

  it('exit 2 on misuse: unknown option, missing path, --report without a token', async () => {
    expect((await scan('--nope')).code).toBe(2);
    expect((await scan(join(tempDir(), 'missing'))).code).toBe(2);
    expect((await scan(tempDir(), '--report')).code).toBe(2);
    expect((await scan(tempDir(), '--max-file-bytes', 'x')).code).toBe(2);
  });

  it('--git finds a key committed and deleted later, with its commit; without --git the clean tree passes', async () => {
    const d = tempDir();
    const k = key();
    git(d, 'init', '-q');
    writeFileSync(join(d, 'README'), 'hello\n');
    git(d, 'add', '.');
    git(d, 'commit', '-q', '-m', 'first');
    writeFileSync(join(d, 'app.js'), `const a = 1;\nconst b = 2;\nconst key = '${k}';\n`);
    git(d, 'add', '.');
    git(d, 'commit', '-q', '-m', 'oops');
    const leakCommit = git(d, 'rev-parse', 'HEAD').trim();
    unlinkSync(join(d, 'app.js'));
    git(d, 'add', '-A');
    git(d, 'commit', '-q', '-m', 'remove the key');
    expect((await scan(d)).code).toBe(0);
    const r = await scan(d, '--git');
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${leakCommit.slice(0, 12)}:app.js:3:14`);
    expect(r.out).not.toContain(k);
  });

  it('--git on a directory that is not a repository is misuse', async () => {
    expect((await scan(tempDir(), '--git')).code).toBe(2);
  });
});

describe('warden scan with the admin API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 30_000);
  afterAll(async () => {
    await h.close();
    rmSync(h.dataDir, { recursive: true, force: true });
  });

  it('shows each key’s status; a revoked or unknown key passes; --report marks the live key leaked', async () => {
    const live = await h.quickKey();
    const gone = await h.quickKey();
    await h.admin('POST', `/keys/${gone.id}/revoke`, {});
    const d = tempDir();
    // A revoked key, a key never issued, and a forged key on the live key's kid: none opens anything.
    writeFileSync(join(d, 'gone.txt'), `${gone.key}\n${key()}\n${formatKey('l', live.id, newSecret())}\n`);
    const base = ['--url', h.url, '--token', ADMIN_TOKEN];
    const clean = await scan(d, ...base);
    expect(clean.code).toBe(0);
    expect(clean.out).toContain('status revoked');
    expect(clean.out.match(/status unknown/g)).toHaveLength(2);
    expect((await h.admin('GET', `/keys/${live.id}`)).body).toMatchObject({ status: 'active', leaked: false });

    writeFileSync(join(d, 'live.txt'), `token: ${live.key}\n`);
    const r = await scan(d, ...base, '--report');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/live\.txt:1:8 .*status active, reported leaked: suspended/);
    expect((await h.admin('GET', `/keys/${live.id}`)).body.status).toBe('suspended');
    expect((await h.admin('GET', `/keys/${live.id}`)).body.leaked).toBe(true);
    expect((await h.admin('GET', `/keys/${gone.id}`)).body.leaked).toBe(false);
    const inc = (await h.admin('GET', `/incidents?keyId=${live.id}`)).body.data;
    expect(inc[0]).toMatchObject({ severity: 'critical', leak: { reporter: 'warden-scan', url: `${join(d, 'live.txt')}:1`, source: 'file' } });
  });

  it('an admin token in a file is always a live finding', async () => {
    const d = tempDir();
    writeFileSync(join(d, 'ops.sh'), `export WARDEN_ADMIN_TOKEN=${formatKey('a', newKid(), newSecret())}\n`);
    const r = await scan(d, '--url', h.url, '--token', ADMIN_TOKEN);
    expect(r.code).toBe(1);
    expect(r.out).toContain('status admin token');
  });
});
