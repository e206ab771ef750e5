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
    h = await startHarness({ config: { log: { access: true }, metrics: { listen }, limits: { prices: { 'gpt-4o-mini': { inputPerMTok: 1000, outputPerMTok: 2000 } } } } });
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

  /** The value of one series (exact label set) in Prometheus text, or undefined. */
  const seriesValue = (text: string, series: string): number | undefined => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };
  const scrape = async (): Promise<string> => (await fetch(`http://${listen}/metrics`)).text();

  it('splits upstream time from gateway overhead, times the first streamed event, and prices spend by tenant', async () => {
    const k = await h.quickKey();
    const before = await scrape();
    const whole = await h.openai(k.key).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello there' }] });
    const stream = await h
      .openai(k.key)
      .chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Tell me more' }], stream: true, stream_options: { include_usage: true } });
    let streamed: { prompt_tokens: number; completion_tokens: number } | undefined;
    for await (const c of stream) if (c.usage) streamed = c.usage;
    const refused = await h.fetch('/v1/chat/completions', { method: 'POST', headers: { authorization: 'Bearer wdn_l_nonsense', 'content-type': 'application/json' }, body: '{}' });
    expect(refused.status).toBe(401);
    await h.gateway.deps.audit.flush();
    const t = await scrape();
    const delta = (series: string): number => (seriesValue(t, series) ?? 0) - (seriesValue(before, series) ?? 0);
    // Two answers went upstream, one of them streamed; all three requests have a gateway-overhead observation.
    expect(delta('warden_upstream_duration_seconds_count{endpoint="chat"}')).toBe(2);
    expect(delta('warden_time_to_first_token_seconds_count{endpoint="chat"}')).toBe(1);
    expect(delta('warden_gateway_overhead_seconds_count{endpoint="chat"}')).toBe(3);
    expect(delta('warden_request_duration_seconds_count{endpoint="chat"}')).toBe(3);
    // Spend: the configured price over the usage the client was told, to the micro-dollar.
    const used = [whole.usage!, streamed!];
    const micro = used.reduce((s, u) => s + u.prompt_tokens * 1000 + u.completion_tokens * 2000, 0);
    expect(micro).toBeGreaterThan(0);
    expect(seriesValue(t, `warden_spend_usd_total{tenant="${k.tenantId}",key="none"}`)).toBeCloseTo(micro / 1e6, 9);
    expect(seriesValue(t, `warden_tokens_total{tenant="${k.tenantId}",key="none",direction="completion"}`)).toBe(used.reduce((s, u) => s + u.completion_tokens, 0));
    // The audit log: batches were committed, nothing waits or was dropped, the sealer runs and has signed a checkpoint.
    expect(delta('warden_audit_commit_seconds_count')).toBeGreaterThan(0);
    expect(seriesValue(t, 'warden_audit_queue_depth')).toBe(0);
    expect(seriesValue(t, 'warden_audit_dropped_events')).toBe(0);
    expect(seriesValue(t, 'warden_audit_sealer_ok')).toBe(1);
    // The sealer signs on its own schedule: wait (bounded) for the first checkpoint, then its age is a number.
    let sealed = t;
    for (let i = 0; i < 100 && Number.isNaN(seriesValue(sealed, 'warden_audit_checkpoint_age_seconds') ?? Number.NaN); i++) {
      await new Promise((r) => setTimeout(r, 100));
      sealed = await scrape();
    }
    expect(seriesValue(sealed, 'warden_audit_checkpoint_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(seriesValue(t, 'warden_dependency_up{dependency="audit"}')).toBe(1);
    expect(seriesValue(t, 'warden_store_info{kind="sqlite"}')).toBe(1);
    expect(seriesValue(t, 'warden_draining')).toBe(0);
    expect(t).not.toContain(k.key);
  });

  it('counts risk actions and open incidents after a canary key is used', async () => {
    const before = await scrape();
    expect(seriesValue(before, 'warden_incidents_open')).toBe(0);
    const t0 = await h.createTenant('canary-metrics');
    const canary = await h.createKey({ tenantId: t0.id, endpoints: ['chat'], canary: true });
    const r = await h.fetch('/v1/chat/completions', {
      method: 'POST',
      headers: { authorization: `Bearer ${canary.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(r.status).toBe(401);
    const t = await scrape();
    expect(seriesValue(t, 'warden_incidents_open')).toBe(1);
    const decisions = t.split('\n').filter((l) => l.startsWith('warden_risk_decisions_total{') && !l.includes('decision="allow"'));
    expect(decisions.length).toBeGreaterThan(0);
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
