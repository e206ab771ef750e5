// leaks.onReport: revoke is final, flag leaves the key working (the key-leaked signal then judges each use).
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startHarness } from '../harness.js';

describe.each([
  ['revoke', 'revoked', 'revoked', 'suspend-key'],
  ['flag', 'flagged', 'active', 'flag'],
] as const)('leaks.onReport: %s', (policy, action, status, incidentAction) => {
  it(`a reported live key is ${action}; a suspended one is ${policy === 'revoke' ? 'revoked too' : 'left suspended'}`, async () => {
    const h = await startHarness({ config: { leaks: { onReport: policy } } });
    try {
      const k = await h.quickKey();
      const held = await h.quickKey();
      await h.admin('POST', `/keys/${held.id}/suspend`, { reason: 'owner' });
      const res = await h.fetch('/leaks/report', {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ tokens: [k.key, held.key], url: 'https://example.test/x' }),
      });
      const data = ((await res.json()) as any).data;
      expect(data.map((d: { action: string }) => d.action)).toEqual([action, policy === 'revoke' ? 'revoked' : 'flagged']);
      expect((await h.admin('GET', `/keys/${k.id}`)).body).toMatchObject({ status, leaked: true });
      expect((await h.admin('GET', `/keys/${held.id}`)).body).toMatchObject({
        status: policy === 'revoke' ? 'revoked' : 'suspended',
        statusReason: policy === 'revoke' ? expect.stringContaining('leak reported') : 'owner',
      });
      const inc = (await h.admin('GET', `/incidents?keyId=${k.id}`)).body.data;
      expect(inc[0]).toMatchObject({ severity: 'critical', action: incidentAction });
    } finally {
      await h.close();
      rmSync(h.dataDir, { recursive: true, force: true });
    }
  });
});
