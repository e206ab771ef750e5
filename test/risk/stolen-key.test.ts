// End-to-end: stolen-key detection through the gateway with the openai SDK as the client.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE_HEADER, verify } from '../../src/risk/webhooks.js';
import { bogusKey, startHarness, type Harness } from '../harness.js';

const SECRET = 'whsec_test_0123456789abcdef';
const HOME = '79.192.1.1'; // Deutsche Telekom (residential ISP)
const HETZNER = '5.9.1.1'; // Hetzner Online (hosting)
const SPRAYER = '45.33.1.1'; // Linode (hosting)

interface Hook {
  body: string;
  signature: string;
  type: string;
  data: any;
}

let h: Harness;
let hookServer: Server;
const hooks: Hook[] = [];

beforeAll(async () => {
  hookServer = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const parsed = JSON.parse(body) as { type: string; data: unknown };
      hooks.push({ body, signature: String(req.headers[SIGNATURE_HEADER]), type: parsed.type, data: parsed.data });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => hookServer.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hook`;
  h = await startHarness({ config: { risk: { webhooks: [{ url, secret: SECRET }], webhookBaseDelayMs: 10, flushIntervalMs: 200 } } });
});

afterAll(async () => {
  await h?.close();
  await new Promise((r) => hookServer.close(r));
});

const from = (ip: string, extra: Record<string, string> = {}) => ({ headers: { 'x-forwarded-for': ip, ...extra } });
const chat = (c: OpenAI) => c.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }] });

async function waitFor<T>(fn: () => T | undefined, ms = 3000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('stolen-key detection', () => {
  it('a canary key answers like a bad key, opens a critical incident and fires a signed webhook', async () => {
    const t = await h.createTenant('canary-co');
    const k = await h.createKey({ tenantId: t.id, endpoints: ['chat'], canary: true });
    const before = h.sim.requests?.length;
    const err = await chat(h.openai(k.key, from('81.2.69.142'))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((err as InstanceType<typeof OpenAI.AuthenticationError>).code).toBe('invalid_api_key');
    if (before !== undefined) expect(h.sim.requests?.length).toBe(before); // never reached upstream

    const inc = await h.admin('GET', `/incidents?keyId=${k.id}`);
    expect(inc.status).toBe(200);
    expect(inc.body.data[0]).toMatchObject({ keyId: k.id, tenantId: t.id, severity: 'critical', signals: [expect.objectContaining({ name: 'canary-used' })] });

    const hook = await waitFor(() => hooks.find((x) => x.data?.keyId === k.id));
    expect(hook.type).toBe('incident.opened');
    expect(verify(SECRET, hook.body, hook.signature)).toBe(true);
    expect(verify(SECRET, hook.body.replace('critical', 'low'), hook.signature)).toBe(false);
    expect(verify('another-secret-0123456789', hook.body, hook.signature)).toBe(false);
  });

  it('hosting use after weeks of residential use is flagged, then suspended; the owner is refused until reinstated', async () => {
    const { id, key } = await h.quickKey();
    const owner = h.openai(key, from(HOME));
    // Seed: the owner's history (SDK, residential ISP), then age it by three weeks.
    for (let i = 0; i < 22; i++) await chat(owner);
    await h.gateway.deps.risk.flush();
    const p = await h.gateway.deps.risk.profileFor(id, '', Date.now());
    const weeks = 21 * 86_400_000;
    p.first -= weeks;
    p.recent = p.recent.map(([t, n, c]) => [t - weeks, n, c]);
    for (const rec of [p.nets, p.countries, p.fps, p.fines]) for (const v of Object.values(rec)) v.last -= weeks;

    // Another machine (different OS/runtime) calling from a hosting provider.
    const thief = h.openai(key, from(HETZNER, { 'x-stainless-os': 'Windows', 'x-stainless-runtime': 'deno' }));
    await expect(chat(thief)).resolves.toBeDefined(); // first: flagged, still served
    let inc = (await h.admin('GET', `/incidents?keyId=${id}`)).body.data[0];
    expect(inc).toMatchObject({ action: 'flag', status: 'open' });
    expect(inc.signals.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['new-network', 'hosting-vpn-tor', 'fingerprint-drift']));

    const second = await chat(thief).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect((second as InstanceType<typeof OpenAI.PermissionDeniedError>).code).toBe('key_suspended');
    inc = (await h.admin('GET', `/incidents?keyId=${id}`)).body.data[0];
    expect(inc).toMatchObject({ action: 'suspend-key', severity: 'high' });
    expect(inc.requestIds.length).toBe(2);
    expect((await h.admin('GET', `/keys/${id}`)).body.status).toBe('suspended');

    // The owner, from the usual network, is refused too until an admin reinstates the key.
    const refused = await chat(owner).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect((await h.admin('POST', `/keys/${id}/reinstate`, {})).status).toBe(200);
    await expect(chat(owner)).resolves.toBeDefined();
    await waitFor(() => hooks.find((x) => x.data?.keyId === id && x.data?.action === 'suspend-key'));
  });

  it('a source spraying invalid keys is blocked before authentication; other sources are not', async () => {
    const { key } = await h.quickKey();
    for (let i = 0; i < 10; i++) {
      const bogus = bogusKey();
      await chat(h.openai(bogus, from(SPRAYER))).catch(() => undefined);
    }
    const blocked = await chat(h.openai(key, from(SPRAYER))).catch((e: unknown) => e);
    expect(blocked).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect((blocked as InstanceType<typeof OpenAI.PermissionDeniedError>).code).toBe('source_blocked');
    await expect(chat(h.openai(key, from('81.2.69.142')))).resolves.toBeDefined();
  });

  it('profiles and incidents survive a restart', async () => {
    const { id, key } = await h.quickKey();
    for (let i = 0; i < 21; i++) await chat(h.openai(key, from(HOME)));
    const before = (await h.admin('GET', `/keys/${id}/risk`)).body;
    expect(before).toMatchObject({ requests: 21, mature: true });
    const incidentsBefore = (await h.admin('GET', '/incidents?limit=1000')).body.data.length;
    await h.restart();
    const after = (await h.admin('GET', `/keys/${id}/risk`)).body;
    expect(after).toMatchObject({ requests: 21, mature: true });
    expect(after.networks).toEqual(before.networks);
    expect((await h.admin('GET', '/incidents?limit=1000')).body.data.length).toBe(incidentsBefore);
  });

  it('the policy is readable and changeable through the admin API', async () => {
    const r = await h.admin('PUT', '/risk/policy', { suspendAt: 150 });
    expect(r.status).toBe(200);
    expect((await h.admin('GET', '/risk/policy')).body.suspendAt).toBe(150);
    expect((await h.admin('PUT', '/risk/policy', { suspendAt: -1 })).status).toBe(400);
  });
});
