// Evidence by incident: the requests that opened or extended an incident carry its id, so an export by incident finds them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/audit/bundle.js';
import { verifyBundle } from '../../src/audit/bundle-verify.js';
import type { AuditEvent } from '../../src/audit/event.js';
import { startHarness, type Harness } from '../harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ config: { audit: { checkpointIntervalMs: 50 } } });
});
afterAll(() => h?.close());

describe('audit export by incident', () => {
  it('a canary key used three times: the attempts after the first carry the incident id and are in its bundle', async () => {
    const t = await h.createTenant('incident-export');
    const canary = await h.createKey({ tenantId: t.id, name: 'bait', canary: true });
    for (let i = 0; i < 3; i++)
      await h
        .openai(canary.key)
        .chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })
        .catch(() => undefined);
    await h.gateway.deps.audit.flush();
    const incidents = (await h.admin('GET', `/incidents?keyId=${canary.id}`)).body.data as { id: string }[];
    expect(incidents).toHaveLength(1);
    const r = await h.admin('GET', `/audit/export?incidentId=${incidents[0]!.id}`);
    expect(r.status).toBe(200);
    const text = JSON.stringify(r.body) + '\n';
    expect(verifyBundle(text, (await h.admin('GET', '/audit/public-key')).body.keyId).ok).toBe(true);
    const events = (r.body as Bundle).events.map((e) => JSON.parse(e.body) as AuditEvent).filter((e) => e.kind === 'request');
    // The first use may be decided after its event is written (the key's profile loads from the store first):
    // its request id is in the incident record; every later attempt carries the incident id.
    expect(events.length).toBeGreaterThanOrEqual(2);
    const inc = incidents[0] as { id: string; requestIds: string[] };
    expect(events.every((e) => e.keyId === canary.id && e.incidentId === inc.id && inc.requestIds.includes(e.requestId))).toBe(true);
  });
});
