// The README's Python example (examples/python/dpop_httpx.py) run as it ships, with Debian's python3 + httpx + pyjwt,
// against a gateway holding proof-bound keys. Under CI a missing Python or module fails this test; elsewhere it skips loudly.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPair, type TestPair } from '../support/proofs.js';
import { startHarness, type Harness } from '../harness.js';
import { until } from '../replicas/shared-secrets.js';

const PYTHON = '/usr/bin/python3';
const EXAMPLE = resolve(dirname(fileURLToPath(import.meta.url)), '../../examples/python/dpop_httpx.py');

function python(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done) => {
    // The pyenv interpreter on PATH does not have Debian's modules: always /usr/bin/python3, with a plain environment.
    execFile(PYTHON, args, { env: { PATH: '/usr/bin:/bin', ...env }, timeout: 30_000 }, (e, out, err) =>
      done({ code: e ? (typeof e.code === 'number' ? e.code : 1) : 0, out: String(out), err: String(err) }),
    );
  });
}

const ready = await python(['-c', 'import httpx, jwt, cryptography']);
const missing =
  ready.code !== 0
    ? `${PYTHON} with httpx, pyjwt and cryptography is not available (${ready.err.trim().split('\n').at(-1) ?? 'not found'}); apt-get install python3-httpx python3-jwt python3-cryptography`
    : undefined;
if (missing && process.env.CI) throw new Error(`${missing}. CI requires it (.ci/run installs them).`);
if (missing) console.warn(`SKIPPED: ${missing}`);

describe.skipIf(missing !== undefined)('Python httpx example (DPoP)', () => {
  let h: Harness;
  let nonceGw: Harness;
  let dir: string;
  beforeAll(async () => {
    [h, nonceGw] = await Promise.all([startHarness(), startHarness({ config: { proof: { serverNonce: true } } })]);
    dir = mkdtempSync(join(tmpdir(), 'warden-py-'));
  });
  afterAll(async () => {
    await Promise.all([h?.close(), nonceGw?.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const keyFile = (p: TestPair): string => {
    const f = join(dir, `${p.alg}-${p.bound.thumbprint.slice(0, 8)}.jwk`);
    writeFileSync(f, JSON.stringify(p.privateJwk), { mode: 0o600 });
    return f;
  };
  const run = (gw: Harness, key: string, proofKey: string) => python([EXAMPLE, 'hello from python'], { WARDEN_BASE_URL: `${gw.url}/v1`, WARDEN_KEY: key, WARDEN_PROOF_KEY: proofKey });

  it.each(['ES256', 'EdDSA'] as const)('%s: chat succeeds with the proof; the same key without one is refused proof_required', async (alg) => {
    const p = await testPair(alg);
    const k = await h.quickKey({ proofKeys: [p.publicJwk], requireProof: true });
    const before = h.sim.requests.length;
    const ok = await run(h, k.key, keyFile(p));
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.out.trim().length).toBeGreaterThan(0);
    expect(h.sim.requests.length).toBe(before + 1);

    // Plain httpx, the same key, no proof: refused before the upstream.
    const bare = await python([
      '-c',
      `import httpx, sys; r = httpx.post(sys.argv[1], headers={"Authorization": "Bearer " + sys.argv[2]}, json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}); print(r.status_code, r.json()["error"]["code"])`,
      `${h.url}/v1/chat/completions`,
      k.key,
    ]);
    expect(bare.out.trim()).toBe('403 proof_required');
    // The example with a client key that is not bound to this Warden key: refused too.
    const other = await run(h, k.key, keyFile(await testPair(alg)));
    expect(other.code).toBe(1);
    expect(other.err).toMatch(/HTTP 401: .*is not bound to this API key/);
    expect(h.sim.requests.length).toBe(before + 1);
  });

  it('server nonces on: the example learns the DPoP-Nonce from use_dpop_nonce and signs again', async () => {
    const p = await testPair('ES256');
    const k = await nonceGw.quickKey({ proofKeys: [p.publicJwk], requireProof: true });
    const r = await run(nonceGw, k.key, keyFile(p));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // Audit events are written in batches: wait for both attempts, then check what each was.
    const statuses = async () => (await nonceGw.gateway.deps.store.listAudit({ keyId: k.id })).filter((e) => e.kind === 'request').map((e) => e.status);
    await until('both attempts audited', async () => (await statuses()).length >= 2);
    expect(await statuses()).toEqual([401, 200]);
  });
});
