// End-to-end: an X-Forwarded-For from a source that is not a trusted proxy never changes the network risk judges.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness.js';

// Public addresses of very different kinds: hosting (Hetzner, AWS), VPN (Datacamp), foreign ISPs.
const FORGED = ['5.9.1.1', '52.10.1.7', '89.187.170.9', '73.10.1.20', '86.10.1.3', '37.120.200.4'];

let untrusted: Harness;
let trusted: Harness;

beforeAll(async () => {
  // No trusted proxies: the socket (loopback) is the client, whatever the header says.
  untrusted = await startHarness({ config: { server: { host: '127.0.0.1', port: 0, trustedProxies: [] } } });
  trusted = await startHarness();
});

afterAll(async () => {
  await untrusted?.close();
  await trusted?.close();
});

const chat = (h: Harness, key: string, xff: string) =>
  h.openai(key, { headers: { 'x-forwarded-for': xff } }).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }] });

async function newKey(h: Harness, name: string): Promise<{ id: string; key: string }> {
  const t = await h.createTenant(name);
  return h.createKey({ tenantId: t.id, endpoints: ['chat'] });
}

describe('untrusted X-Forwarded-For', () => {
  it('is ignored for risk: the key is judged by the socket address, learns no forged network and opens no incident', async () => {
    const { id, key } = await newKey(untrusted, 'xff-untrusted');
    // A mature profile's worth of requests, every one claiming a different, suspicious origin.
    for (let i = 0; i < 30; i++) {
      const r = await chat(untrusted, key, `${FORGED[i % FORGED.length]}, 10.0.0.1`);
      expect(r.choices.length).toBeGreaterThan(0);
    }
    const risk = (await untrusted.admin('GET', `/keys/${id}/risk`)).body;
    expect(risk.requests).toBe(30);
    expect(risk.networks.map((n: { id: string }) => n.id)).toEqual(['ip:127.0.0.1']);
    expect(risk.countries).toEqual([]);
    expect(risk.suspicion).toBe(0);
    expect((await untrusted.admin('GET', `/incidents?keyId=${id}`)).body.data).toEqual([]);
    expect((await untrusted.admin('GET', `/keys/${id}`)).body.status).toBe('active');
  });

  it('control: from a trusted proxy the same header does set the network', async () => {
    const { id, key } = await newKey(trusted, 'xff-trusted');
    await chat(trusted, key, FORGED[0]!);
    const nets = (await trusted.admin('GET', `/keys/${id}/risk`)).body.networks as { id: string }[];
    expect(nets.map((n) => n.id)).toEqual(['as24940']);
  });
});
