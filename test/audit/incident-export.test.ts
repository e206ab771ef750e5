// Evidence by incident: the requests that opened or extended an incident carry its id, so an export by incident finds them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/audit/bundle.js';
import { verifyBundle } from '../../src/audit/bundle-verify.js';
import type { AuditEvent } from '../../src/audit/event.js';
import { ADMIN_TOKEN, startHarness, type Harness } from '../harness.js';

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
    // Every attempt carries the incident id, the first too (its decision waits for the key's profile to load).
    expect(events).toHaveLength(3);
    const inc = incidents[0] as { id: string; requestIds: string[] };
    expect(events.every((e) => e.keyId === canary.id && e.incidentId === inc.id && inc.requestIds.includes(e.requestId))).toBe(true);
  });
});

describe('attempts on a contained key', () => {
  it.each(['suspend', 'revoke'] as const)('a key reported leaked (onReport %s): later attempts are refused and belong to its incident', async (policy) => {
    const g = await startHarness({ config: { leaks: { onReport: policy } } });
    try {
      const k = await g.quickKey();
      const report = await g.fetch('/leaks/report', {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ tokens: [k.key], url: 'https://example.test/paste' }),
      });
      expect(report.status).toBe(200);
      const incident = ((await g.admin('GET', `/incidents?keyId=${k.id}`)).body.data as { id: string }[])[0]!;
      for (let i = 0; i < 2; i++) {
        const err = await g
          .openai(k.key, { maxRetries: 0 })
          .chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })
          .catch((e: unknown) => e);
        expect((err as { status?: number }).status).toBe(policy === 'revoke' ? 401 : 403);
      }
      await g.gateway.deps.audit.flush();
      const found = (await g.admin('GET', `/audit/events?keyId=${k.id}`)).body.data as { kind: string; incidentId?: string; errorCode?: string }[];
      const attempts = found.filter((e) => e.kind === 'request');
      expect(attempts).toHaveLength(2);
      expect(attempts.every((e) => e.incidentId === incident.id)).toBe(true);
    } finally {
      await g.close();
    }
  });
});
