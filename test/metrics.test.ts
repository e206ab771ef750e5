// /metrics and the access log as an operator sees them: Prometheus text for an admin credential, one JSON line per request.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startHarness, type Harness } from './harness.js';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('metrics and access log', () => {
  let h: Harness;
  let listen = '';

  beforeAll(async () => {
    listen = `127.0.0.1:${await freePort()}`;
    h = await startHarness({ config: { log: { access: true }, metrics: { listen } } });
  });
  afterAll(async () => h?.close());

  it('GET /metrics needs an admin token and counts what the SDK did', async () => {
    const k = await h.quickKey();
    await h.openai(k.key).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello there' }] });
    const denied = await h.fetch('/v1/chat/completions', { method: 'POST', headers: { authorization: 'Bearer wdn_l_nonsense', 'content-type': 'application/json' }, body: '{}' });
    expect(denied.status).toBe(401);

    const anon = await h.fetch('/metrics');
    expect(anon.status).toBe(401);
    expect(((await anon.json()) as { error: { code: string } }).error.code).toBeTruthy();

    const r = await h.fetch('/metrics', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/plain');
    const t = await r.text();
    expect(t).toMatch(/warden_requests_total\{endpoint="chat",style="openai",status="200",denied_by="none"\} 1\b/);
    expect(t).toMatch(/warden_requests_total\{endpoint="chat",style="openai",status="401",denied_by="authenticate"\} 1\b/);
    expect(t).toMatch(new RegExp(`warden_tokens_total\\{tenant="${k.tenantId}",key="none",direction="prompt"\\} [1-9]`));
    expect(t).toContain('warden_dependency_up{dependency="store"} 1');
    expect(t).toContain('warden_process_resident_memory_bytes');
    expect(t).not.toContain(k.key);
    expect(t).not.toContain(k.id);
  });

  it('metrics.listen serves /metrics without credentials, and nothing else', async () => {
    const r = await fetch(`http://${listen}/metrics`);
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('warden_requests_total');
    expect((await fetch(`http://${listen}/v1/models`)).status).toBe(404);
  });

  it('log.access writes one JSON access line per request, without the key or the prompt', async () => {
    const k = await h.quickKey();
    const before = h.logs.length;
    await h.openai(k.key).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'a very particular prompt 7431' }] });
    await h.gateway.deps.audit.flush();
    const lines = h.logs.slice(before).filter((l) => l.includes('"access"'));
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ keyId: k.id, tenantId: k.tenantId, status: 200, route: 'POST openai:chat', deniedBy: null });
    expect(typeof line['requestId']).toBe('string');
    expect(lines[0]).not.toContain(k.key);
    expect(lines[0]).not.toContain('7431');
  });
});
