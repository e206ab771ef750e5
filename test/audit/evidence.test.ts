// Evidence export end to end: requests through the openai SDK, bundle from the admin API,
// offline verification, a flipped byte, decrypted text on request, retention purge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../src/audit/bundle-verify.js';
import type { Bundle } from '../../src/audit/bundle.js';
import type { AuditEvent } from '../../src/audit/event.js';
import { startHarness, type Harness } from '../harness.js';

let h: Harness;
let k: { id: string; key: string; tenantId: string };
let keyId: string;
beforeAll(async () => {
  h = await startHarness({ config: { audit: { text: { keep: 'always', retentionDays: 1 }, checkpointIntervalMs: 50 } } });
  k = await h.quickKey();
  const other = await h.quickKey();
  for (const content of ['first question', 'second question', 'third question']) {
    await h.openai(k.key).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content }] });
  }
  await h.openai(other.key).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'not exported' }] });
  keyId = (await h.admin('GET', '/audit/public-key')).body.keyId;
});
afterAll(() => h.close());

const exportText = async (query: string): Promise<string> => {
  const r = await h.admin('GET', `/audit/export?${query}`);
  expect(r.status).toBe(200);
  return JSON.stringify(r.body) + '\n';
};
const events = (text: string) => (JSON.parse(text) as Bundle).events.map((e) => JSON.parse(e.body) as AuditEvent);

describe('evidence bundle', () => {
  it("round-trips: a key's events verify offline against the published key", async () => {
    const text = await exportText(`keyId=${k.id}`);
    const r = verifyBundle(text, keyId);
    expect(r).toMatchObject({ ok: true, problems: [], texts: 0 });
    const evs = events(text);
    expect(evs.filter((e) => e.kind === 'request')).toHaveLength(3);
    expect(evs.every((e) => e.keyId === k.id)).toBe(true);
    // Without the explicit request, no text leaves: only commitments are in the events.
    expect(text).not.toContain('first question');
    expect(evs.filter((e) => e.kind === 'request').every((e) => /^[0-9a-f]{64}$/.test(e.textCommit?.prompt ?? ''))).toBe(true);
  });

  it('fails offline verification with any one byte flipped', async () => {
    const text = await exportText(`keyId=${k.id}`);
    const positions = [10, Math.floor(text.length / 3), Math.floor(text.length / 2), text.indexOf('"signature"') + 20, text.length - 3];
    for (const p of positions) {
      const bytes = Buffer.from(text);
      bytes[p] = bytes[p]! ^ 0x01;
      const r = verifyBundle(bytes.toString('latin1'));
      expect(r.ok, `byte ${p}`).toBe(false);
    }
    expect(verifyBundle(text, 'ffffffffffffffff').ok).toBe(false);
  });

  it('includes decrypted text only on request, and records that export as an admin action', async () => {
    const text = await exportText(`keyId=${k.id}&includeText=true`);
    const r = verifyBundle(text, keyId);
    // three requests: each keeps its prompt and its output
    expect(r).toMatchObject({ ok: true, texts: 6 });
    expect(JSON.parse(text).texts.filter((t: { field: string }) => t.field === 'output')).toHaveLength(3);
    expect(text).toContain('first question');
    await h.gateway.deps.audit.flush();
    const admin = await h.gateway.deps.store.listAudit({ limit: 100_000 });
    expect(admin.some((e) => e.action === 'audit.export' && (e.detail as { includeText: boolean }).includeText === true)).toBe(true);
  });

  it('retention purge removes the text but the log still verifies', async () => {
    const purged = await h.gateway.deps.auditLog.purgeExpiredText(new Date(Date.now() + 2 * 86_400_000));
    expect(purged).toBeGreaterThanOrEqual(4);
    const v = await h.admin('GET', '/audit/verify');
    expect(v.body).toMatchObject({ ok: true });
    const text = await exportText(`keyId=${k.id}&includeText=true`);
    expect(verifyBundle(text, keyId)).toMatchObject({ ok: true, texts: 0 });
    expect(text).not.toContain('first question');
  });

  it('exports a tenant and refuses an export without a selector', async () => {
    expect(verifyBundle(await exportText(`tenantId=${k.tenantId}`), keyId).ok).toBe(true);
    expect((await h.admin('GET', '/audit/export')).status).toBe(400);
  });
});
