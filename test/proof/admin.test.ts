// Binding proof-of-possession keys through the admin API and the CLI: checks, thumbprints, audit events.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as runCli } from '../../src/cli/run.js';
import { ADMIN_TOKEN, startHarness, type Harness } from '../harness.js';

let h: Harness;
let dir: string;
beforeAll(async () => {
  h = await startHarness();
  dir = mkdtempSync(join(tmpdir(), 'warden-proof-cli-'));
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

async function pair(alg: 'ES256' | 'EdDSA'): Promise<{ pub: JWK; priv: JWK; thumbprint: string }> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const pub = await exportJWK(publicKey);
  return { pub, priv: await exportJWK(privateKey), thumbprint: await calculateJwkThumbprint(pub) };
}

/** Runs a CLI command in this process against the harness gateway; stdout parsed as JSON. */
/** Admin commands print tables for people; these tests read their --json output. */
const withJson = (a: string[]): string[] => (['keys', 'tenants', 'credentials', 'audit'].includes(a[0]!) || (a[0] === 'proof' && a[1] !== 'keygen') ? [a[0]!, a[1]!, '--json', ...a.slice(2)] : a);

async function warden(...args: string[]): Promise<{ code: number; out: any; err: string }> {
  process.env['WARDEN_ADMIN_URL'] = h.url;
  process.env['WARDEN_ADMIN_TOKEN'] = ADMIN_TOKEN;
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
  try {
    const code = await runCli(withJson(args));
    return { code, out: out.trim().startsWith('{') ? JSON.parse(out) : out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('proof keys: admin API', () => {
  it('binds ES256 and Ed25519 keys at creation, stored as RFC 7638 thumbprints plus the public JWK', async () => {
    const [a, b] = await Promise.all([pair('ES256'), pair('EdDSA')]);
    const t = await h.createTenant('pk-create');
    const k = await h.createKey({ tenantId: t.id, proofKeys: [a.pub, b.pub, a.pub], requireProof: true });
    expect(k['requireProof']).toBe(true);
    expect((k['proofKeys'] as any[]).map((p) => p.thumbprint)).toEqual([a.thumbprint, b.thumbprint]);
    expect((k['proofKeys'] as any[])[0].jwk).toEqual({ kty: 'EC', crv: 'P-256', x: a.pub.x, y: a.pub.y });
    const shown = await h.admin('GET', `/keys/${k.id}`);
    expect(shown.body.proofKeys).toHaveLength(2);
    const created = await h.gateway.deps.store.listAudit({ keyId: k.id });
    expect(created.map((e) => [e.action, (e.detail as any).proofKeys])).toEqual([['key.create', [a.thumbprint, b.thumbprint]]]);
  });

  it('refuses private keys, symmetric keys, other curves and junk with a clear 400 naming each', async () => {
    const a = await pair('ES256');
    const t = await h.createTenant('pk-bad');
    const bad = [
      a.priv,
      { kty: 'oct', k: 'c2VjcmV0' },
      { kty: 'EC', crv: 'P-384', x: 'a', y: 'b' },
      { kty: 'RSA', n: 'x', e: 'AQAB' },
      'nope',
      { kty: 'EC', crv: 'P-256', x: 'A'.repeat(43), y: 'A'.repeat(43) },
    ];
    const r = await h.admin('POST', '/keys', { name: 'x', tenantId: t.id, proofKeys: bad });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_request');
    const m: string = r.body.error.message;
    expect(m).toContain('proofKeys.0: a private key');
    expect(m).toContain('proofKeys.1: a symmetric key');
    expect(m).toContain('proofKeys.2: EC curve "P-384"');
    expect(m).toContain('proofKeys.3: key type "RSA"');
    expect(m).toContain('proofKeys.4: not a JWK object');
    expect(m).toContain('proofKeys.5: the coordinates are not a valid public key');
    expect(m).not.toContain(a.priv.d!);
    expect((await h.admin('GET', `/keys?tenantId=${t.id}`)).body).toEqual([]);
  });

  it('binds later, several per key, unbinds by thumbprint; each change audited; requireProof toggles', async () => {
    const [a, b] = await Promise.all([pair('ES256'), pair('EdDSA')]);
    const k = await h.quickKey();
    const bound = await h.admin('POST', `/keys/${k.id}/proof-keys`, { proofKeys: [a.pub] });
    expect(bound.status).toBe(200);
    expect(bound.body.proofKeys.map((p: any) => p.thumbprint)).toEqual([a.thumbprint]);
    const both = await h.admin('POST', `/keys/${k.id}/proof-keys`, { proofKeys: [b.pub, a.pub], requireProof: true });
    expect(both.body.proofKeys.map((p: any) => p.thumbprint)).toEqual([a.thumbprint, b.thumbprint]);
    expect(both.body.requireProof).toBe(true);
    const gone = await h.admin('DELETE', `/keys/${k.id}/proof-keys/${a.thumbprint}`);
    expect(gone.body.proofKeys.map((p: any) => p.thumbprint)).toEqual([b.thumbprint]);
    expect((await h.admin('DELETE', `/keys/${k.id}/proof-keys/${a.thumbprint}`)).status).toBe(404);
    const off = await h.admin('POST', `/keys/${k.id}/proof-keys`, { requireProof: false });
    expect(off.body.requireProof).toBe(false);
    expect((await h.admin('POST', `/keys/${k.id}/proof-keys`, { proofKeys: [b.priv] })).status).toBe(400);
    expect((await h.admin('POST', `/keys/nosuchkey000/proof-keys`, { proofKeys: [a.pub] })).status).toBe(404);
    const actions = (await h.gateway.deps.store.listAudit({ keyId: k.id })).map((e) => [e.action, e.detail]);
    expect(actions.filter(([a]) => (a as string).startsWith('key.proof') || a === 'key.require_proof')).toEqual([
      // Each also carries the record's before/after (admin credentials: changes record both values).
      ['key.proof_keys.bind', expect.objectContaining({ thumbprints: [a.thumbprint], before: { proofKeys: [] }, after: { proofKeys: [a.thumbprint] } })],
      ['key.proof_keys.bind', expect.objectContaining({ thumbprints: [b.thumbprint], requireProof: true })],
      ['key.proof_keys.unbind', expect.objectContaining({ thumbprints: [a.thumbprint] })],
      ['key.require_proof', expect.objectContaining({ thumbprints: [], requireProof: false, after: { requireProof: false } })],
    ]);
  });
});

describe('proof keys: binding takes effect at once', () => {
  it('a cached key bound with requireProof refuses its next plain request; the audit event names the reason', async () => {
    const a = await pair('EdDSA');
    const k = await h.quickKey();
    const chat = () => h.openai(k.key).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
    await chat(); // the key is now in the gateway's cache
    expect((await h.admin('POST', `/keys/${k.id}/proof-keys`, { proofKeys: [a.pub], requireProof: true })).status).toBe(200);
    await expect(chat()).rejects.toMatchObject({ status: 403, code: 'proof_required' });
    const events = await h.gateway.deps.store.listAudit({ keyId: k.id });
    const last = events.filter((e) => e.kind === 'request').at(-1)!;
    expect(last).toMatchObject({ status: 403, errorCode: 'PROOF_REQUIRED', detail: { proof: 'missing' } });
    // Unbinding the only key leaves a requireProof key that nobody can use, and says why.
    await h.admin('DELETE', `/keys/${k.id}/proof-keys/${a.thumbprint}`);
    await expect(chat()).rejects.toMatchObject({ status: 403, message: expect.stringContaining('no client key is bound') });
  });
});

describe('proof keys: CLI', () => {
  it('proof keygen writes a 0600 private JWK, prints the public one; keys create --proof-key binds it', async () => {
    const file = join(dir, 'client.jwk');
    const gen = await warden('proof', 'keygen', '--out', file, '--alg', 'EdDSA');
    expect(gen.code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(gen.out).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
    expect(gen.out.d).toBeUndefined();
    await expect(warden('proof', 'keygen', '--out', file)).rejects.toThrow('the file exists');
    const pubFile = join(dir, 'client.pub.jwk');
    writeFileSync(pubFile, JSON.stringify(gen.out));
    const t = await h.createTenant('pk-cli');
    const k = await warden('keys', 'create', '--tenant', t.id, '--name', 'fleet', '--proof-key', pubFile, '--require-proof');
    expect(k.code).toBe(0);
    expect(k.out.requireProof).toBe(true);
    expect(k.out.proofKeys.map((p: any) => p.thumbprint)).toEqual([gen.out.kid]);
    // Later: bind a second key and make proofs optional; unbind the first by its thumbprint.
    const second = join(dir, 'second.jwk');
    const gen2 = await warden('proof', 'keygen', '--out', second);
    writeFileSync(`${second}.pub`, JSON.stringify(gen2.out));
    const bound = await warden('proof', 'bind', k.out.id, '--proof-key', `${second}.pub`, '--optional');
    expect(bound.out.proofKeys.map((p: any) => p.thumbprint)).toEqual([gen.out.kid, gen2.out.kid]);
    expect(bound.out.requireProof).toBe(false);
    // A thumbprint is base64url and may start with '-' (1 in 32): positionals after `--` are never read as options.
    const unbound = await warden('proof', 'unbind', k.out.id, '--', gen.out.kid);
    expect(unbound.out.proofKeys.map((p: any) => p.thumbprint)).toEqual([gen2.out.kid]);
    expect((await warden('proof', 'bind', k.out.id)).code).toBe(2);
    // The private key file is refused before anything is sent.
    const refused = await warden('keys', 'create', '--tenant', t.id, '--name', 'oops', '--proof-key', file);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('holds a private key');
  });
});
