// The data directory and everything Warden writes into it are owner-only (real files, real stat).
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startHarness } from '../harness.js';

const root = mkdtempSync(join(tmpdir(), 'warden-perm-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every path under dir (dir included) with its permission bits. */
function modes(dir: string): Record<string, number> {
  const out: Record<string, number> = { '.': statSync(dir).mode & 0o777 };
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      out[relative(dir, p)] = statSync(p).mode & 0o777;
      if (e.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out;
}

describe.skipIf(process.platform === 'win32')('data directory permissions', () => {
  it('a fresh data dir, the SQLite database with its WAL and SHM, and the key files are created owner-only', async () => {
    const prev = process.umask(0o022); // the usual umask, which gave 0755/0644 before
    const dataDir = join(root, 'fresh', 'data');
    const h = await startHarness({ dataDir });
    try {
      const k = await h.quickKey();
      await h.openai(k.key).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
      const m = modes(dataDir);
      for (const f of ['warden.db', 'warden.db-wal', 'warden.db-shm', 'pepper']) expect(m[f], f).toBe(0o600);
      expect(Object.keys(m).some((p) => p.startsWith('audit'))).toBe(true);
      expect(m['.']).toBe(0o700);
      for (const [p, mode] of Object.entries(m)) expect(mode & 0o077, `${p} is ${mode.toString(8)}`).toBe(0);
      expect(h.logs.some((l) => l.includes('permissions were looser'))).toBe(false);
    } finally {
      await h.close();
      process.umask(prev);
    }
  });

  it('an existing data dir with world-readable files is tightened at start, logged once', async () => {
    const dataDir = join(root, 'old');
    const first = await startHarness({ dataDir });
    await first.quickKey();
    await first.close();
    // What an older version (or a copy with the wrong umask) left behind.
    writeFileSync(join(dataDir, 'notes.txt'), 'left by hand\n');
    const loose = Object.keys(modes(dataDir));
    for (const p of loose) chmodSync(join(dataDir, p), statSync(join(dataDir, p)).isDirectory() ? 0o755 : 0o644);
    expect(modes(dataDir)['warden.db']).toBe(0o644);

    const h = await startHarness({ dataDir });
    try {
      for (const [p, mode] of Object.entries(modes(dataDir))) expect(mode & 0o077, `${p} is ${mode.toString(8)}`).toBe(0);
      expect(modes(dataDir)['warden.db']).toBe(0o600);
      expect(modes(dataDir)['.']).toBe(0o700);
      const lines = h.logs.filter((l) => l.includes('permissions were looser'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('warden.db');
      expect(lines[0]).toContain(`"count":${loose.length}`);
      // Still works: the key made before the restart is there.
      expect((await h.admin('GET', '/keys')).body).toHaveLength(1);
    } finally {
      await h.close();
    }
  });
});
