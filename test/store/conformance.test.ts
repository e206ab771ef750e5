// The store contract, run against every backend: SQLite always, PostgreSQL against the real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../src/audit/event.js';
import type { KeyRecord } from '../../src/keys/types.js';
import type { Store } from '../../src/store/port.js';
import { PostgresStore } from '../../src/store/postgres/store.js';
import { postgresForTests } from '../support/postgres.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';

const pgSvc = await postgresForTests();

type Backend = { name: string; open: (() => Promise<{ store: Store; extra?: () => Store; done: () => Promise<void> }>) | null };
const backends: Backend[] = [
  {
    name: 'sqlite',
    open: async () => {
      const s = new SqliteStore(':memory:');
      return { store: s, done: () => s.close() };
    },
  },
  {
    name: 'postgres',
    open:
      'skip' in pgSvc
        ? null
        : async () => {
            const mk = () => new PostgresStore({ url: pgSvc.url, schema: pgSvc.schema });
            const s = mk();
            await s.migrate();
            const others: PostgresStore[] = [];
            return {
              store: s,
              // A second replica's store over the same schema.
              extra: () => {
                const o = mk();
                others.push(o);
                return o;
              },
              done: async () => {
                await Promise.all([s, ...others].map((x) => x.close()));
                await pgSvc.drop();
              },
            };
          },
  },
];

const now = (): string => new Date().toISOString();
const admin = (action: string, keyId: string | null = null, tenantId: string | null = null): AuditEvent => ({
  time: now(),
  kind: 'admin',
  requestId: `req_${action}_${Math.random()}`,
  action,
  actor: 'test',
  keyId,
  tenantId,
});
const request = (i: number, keyId: string, tenantId: string): AuditEvent => ({
  time: now(),
  kind: 'request',
  requestId: `r${i}`,
  keyId,
  tenantId,
  status: 200,
  usage: { totalTokens: i },
  detail: { text: 'ünïcødé ✓', n: i },
});
let n = 0;
function key(tenantId: string, over: Partial<KeyRecord> = {}): KeyRecord {
  n++;
  return {
    id: `kid${String(n).padStart(9, '0')}`,
    tenantId,
    name: `k${n}`,
    type: 'live',
    secretHash: 'ab'.repeat(32),
    prevSecretHash: null,
    prevSecretValidUntil: null,
    last4: 'WXYZ',
    endpoints: ['chat', 'embeddings'],
    models: null,
    allowedCidrs: ['10.0.0.0/8'],
    allowedAsns: [64512],
    limits: { requestsPerMinute: 60, spendPerDayUsd: 1.5 },
    requireProof: false,
    proofKeys: [],
    canary: false,
    leaked: false,
    status: 'active',
    statusReason: null,
    expiresAt: null,
    createdAt: new Date(Date.now() + n).toISOString(),
    updatedAt: now(),
    version: 1,
    ...over,
  };
}

describe.each(backends)('store contract: $name', ({ open }) => {
  if (!open) {
    it.skip('needs the real PostgreSQL', () => undefined);
    return;
  }
  let s: Store;
  let extra: (() => Store) | undefined;
  let done: () => Promise<void>;
  beforeAll(async () => {
    const o = await open();
    s = o.store;
    extra = o.extra;
    done = o.done;
  });
  afterAll(async () => done());

  it('migrate is idempotent', async () => {
    await s.migrate();
    await s.migrate();
  });

  it('tenants: create, get, list in creation order, with their audit event', async () => {
    await s.createTenant({ id: 'ten_a', name: 'A', createdAt: '2024-01-01T00:00:00.000Z' }, admin('tenant.create', null, 'ten_a'));
    await s.createTenant({ id: 'ten_b', name: 'B', createdAt: '2024-01-02T00:00:00.000Z' }, admin('tenant.create', null, 'ten_b'));
    expect(await s.getTenant('ten_a')).toEqual({ id: 'ten_a', name: 'A', createdAt: '2024-01-01T00:00:00.000Z' });
    expect(await s.getTenant('nope')).toBeUndefined();
    expect((await s.listTenants()).map((t) => t.id)).toEqual(['ten_a', 'ten_b']);
    expect((await s.listAudit({ tenantId: 'ten_b' })).map((e) => e.action)).toEqual(['tenant.create']);
  });

  it('keys round-trip every field exactly', async () => {
    const k = key('ten_a', { models: ['gpt-4o'], canary: true, requireProof: true, expiresAt: '2030-01-01T00:00:00.000Z', limits: {} });
    await s.createKey(k, admin('key.create', k.id, 'ten_a'));
    expect(await s.getKey(k.id)).toEqual(k);
    expect(await s.getKey('missing')).toBeUndefined();
  });

  it('a failed key insert writes no audit event (one transaction)', async () => {
    const k = key('ten_a');
    await s.createKey(k, admin('key.create', k.id, 'ten_a'));
    await expect(s.createKey(k, admin('key.create.dup', k.id, 'ten_a'))).rejects.toThrow();
    await expect(s.createKey(key('no_such_tenant'), admin('key.create.orphan'))).rejects.toThrow();
    const actions = (await s.listAudit({ keyId: k.id })).map((e) => e.action);
    expect(actions).toEqual(['key.create']);
    expect((await s.listAudit({ limit: 100_000 })).some((e) => e.action === 'key.create.orphan')).toBe(false);
  });

  it('listKeys filters by tenant', async () => {
    const kb = key('ten_b');
    await s.createKey(kb, admin('key.create', kb.id, 'ten_b'));
    expect((await s.listKeys('ten_b')).map((k) => k.id)).toEqual([kb.id]);
    expect((await s.listKeys()).length).toBeGreaterThanOrEqual(3);
  });

  it('updateKey applies the patch, bumps version, writes the audit event; unknown id: nothing', async () => {
    const k = key('ten_a');
    await s.createKey(k, admin('key.create', k.id));
    const u = await s.updateKey(k.id, { status: 'revoked', statusReason: 'leaked on a forum', leaked: true, prevSecretValidUntil: null }, admin('key.revoke', k.id));
    expect(u).toMatchObject({ status: 'revoked', statusReason: 'leaked on a forum', leaked: true, version: 2, secretHash: k.secretHash });
    expect(u!.updatedAt >= k.updatedAt).toBe(true);
    expect(await s.getKey(k.id)).toEqual(u);
    expect(await s.updateKey('missing', { status: 'active' }, admin('key.ghost', 'missing'))).toBeUndefined();
    expect(await s.listAudit({ keyId: 'missing' })).toEqual([]);
    expect((await s.listAudit({ keyId: k.id })).map((e) => e.action)).toEqual(['key.create', 'key.revoke']);
  });

  it('proof keys and requireProof: stored at creation, replaced by a patch, read back exactly', async () => {
    const pk = (t: string) => ({ thumbprint: t, jwk: { kty: 'OKP', crv: 'Ed25519', x: t.padEnd(43, 'A') }, addedAt: '2024-01-01T00:00:00.000Z' });
    const k = key('ten_a', { requireProof: true, proofKeys: [pk('one')] });
    await s.createKey(k, admin('key.create', k.id));
    expect(await s.getKey(k.id)).toEqual(k);
    const u = await s.updateKey(k.id, { proofKeys: [pk('one'), pk('two')], requireProof: false }, admin('key.proof_keys.bind', k.id));
    expect(u).toMatchObject({ requireProof: false, proofKeys: [pk('one'), pk('two')], version: 2 });
    expect(await s.getKey(k.id)).toEqual(u);
    const v = await s.updateKey(k.id, { proofKeys: [] }, admin('key.proof_keys.unbind', k.id));
    expect((await s.getKey(k.id))!.proofKeys).toEqual([]);
    expect(v!.requireProof).toBe(false);
  });

  it('updateKey with ifVersion: applied only at that version; a stale one changes nothing and writes no event', async () => {
    const k = key('ten_a');
    await s.createKey(k, admin('key.create', k.id));
    const u = await s.updateKey(k.id, { name: 'first' }, admin('key.update', k.id), k.version);
    expect(u).toMatchObject({ name: 'first', version: k.version + 1 });
    // A second writer that read the old version lost the race: nothing of its patch lands.
    expect(await s.updateKey(k.id, { name: 'second' }, admin('key.lost', k.id), k.version)).toBeUndefined();
    expect(await s.getKey(k.id)).toMatchObject({ name: 'first', version: k.version + 1 });
    expect((await s.listAudit({ keyId: k.id })).map((e) => e.action)).toEqual(['key.create', 'key.update']);
  });

  it('audit: batches keep order, seq increases, filters and paging work', async () => {
    const before = await s.listAudit({ limit: 100_000 });
    const last = before.at(-1)?.seq ?? 0;
    await s.appendAudit(Array.from({ length: 25 }, (_, i) => request(i, i % 2 ? 'kA' : 'kB', 'ten_a')));
    await s.appendAudit([]);
    const after = await s.listAudit({ afterSeq: last, limit: 100 });
    expect(after.map((e) => e.requestId)).toEqual(Array.from({ length: 25 }, (_, i) => `r${i}`));
    expect(after[3]).toMatchObject({ kind: 'request', usage: { totalTokens: 3 }, detail: { text: 'ünïcødé ✓' } });
    expect(after.every((e, i) => i === 0 || e.seq > after[i - 1]!.seq)).toBe(true);
    expect((await s.listAudit({ keyId: 'kA', afterSeq: last })).length).toBe(12);
    const page = await s.listAudit({ afterSeq: after[9]!.seq, limit: 5 });
    expect(page.map((e) => e.requestId)).toEqual(['r10', 'r11', 'r12', 'r13', 'r14']);
  });

  it('settings upsert', async () => {
    expect(await s.getSetting('x')).toBeUndefined();
    await s.setSetting('x', '1');
    await s.setSetting('x', '2');
    expect(await s.getSetting('x')).toBe('2');
  });

  it('claimSetting keeps the first value; concurrent claimers (replicas) all read the winner', async () => {
    expect(await s.claimSetting('claim.a', 'first')).toBe('first');
    expect(await s.claimSetting('claim.a', 'second')).toBe('first');
    const stores = extra ? [s, extra(), extra()] : [s];
    const got = await Promise.all(stores.flatMap((st, w) => Array.from({ length: 4 }, (_, i) => st.claimSetting('claim.b', `w${w}-${i}`))));
    expect(new Set(got).size).toBe(1);
    expect(await s.getSetting('claim.b')).toBe(got[0]);
  });

  it('several writers (replicas) never lose or duplicate audit rows', async () => {
    if (!extra) return; // single-process backend
    const others = [extra(), extra()];
    const start = (await s.listAudit({ limit: 100_000 })).at(-1)?.seq ?? 0;
    await Promise.all(
      [s, ...others].flatMap((st, w) => Array.from({ length: 10 }, (_, b) => st.appendAudit(Array.from({ length: 5 }, (_, i) => request(1000 + w * 100 + b * 10 + i, `w${w}`, 'ten_a'))))),
    );
    const rows = await s.listAudit({ afterSeq: start, limit: 100_000 });
    expect(rows).toHaveLength(150);
    expect(new Set(rows.map((r) => r.requestId)).size).toBe(150);
    for (const w of [0, 1, 2]) {
      const mine = rows.filter((r) => r.keyId === `w${w}`).map((r) => Number(r.requestId.slice(1)));
      expect(mine).toHaveLength(50);
    }
  });

  it('admin credentials: create, get, list, revoke once (a second revoke changes nothing and writes no event)', async () => {
    const c = {
      id: 'cred00000001',
      name: 'alice',
      role: 'viewer' as const,
      secretHash: 'cd'.repeat(32),
      last4: 'ABCD',
      createdAt: '2024-03-01T00:00:00.000Z',
      createdBy: 'admin-token',
      revokedAt: null,
    };
    await s.createCredential(c, admin('credential.create'));
    expect(await s.getCredential(c.id)).toEqual(c);
    expect(await s.getCredential('missing')).toBeUndefined();
    expect((await s.listCredentials()).map((x) => x.id)).toContain(c.id);
    await expect(s.createCredential(c, admin('credential.create.dup'))).rejects.toThrow();
    const before = (await s.listAudit({ limit: 100_000 })).length;
    const revoked = await s.revokeCredential(c.id, '2024-03-02T00:00:00.000Z', admin('credential.revoke'));
    expect(revoked).toEqual({ ...c, revokedAt: '2024-03-02T00:00:00.000Z' });
    expect(await s.revokeCredential(c.id, '2024-03-03T00:00:00.000Z', admin('credential.revoke.again'))).toBeUndefined();
    expect(await s.revokeCredential('missing', '2024-03-03T00:00:00.000Z', admin('credential.revoke.missing'))).toBeUndefined();
    const actions = (await s.listAudit({ limit: 100_000 })).slice(before).map((e) => e.action);
    expect(actions).toEqual(['credential.revoke']);
    expect((await s.getCredential(c.id))?.revokedAt).toBe('2024-03-02T00:00:00.000Z');
  });

  it('webhooks: create and delete with their audit events in the same transaction; another replica sees them', async () => {
    const w = { id: 'wh_000000000001', url: 'https://hooks.example.com/a?x=1', secret: 'whsec_ünïcødé_0123456789', description: 'pager', createdAt: '2024-04-01T00:00:00.000Z', createdBy: 'cred:abc' };
    const w2 = { ...w, id: 'wh_000000000002', url: 'http://127.0.0.1:9/b', description: '', createdAt: '2024-04-02T00:00:00.000Z' };
    const before = (await s.listAudit({ limit: 100_000 })).length;
    expect(await s.createWebhook(w2, admin('webhook.create'), 20)).toBe(true);
    expect(await s.createWebhook(w, admin('webhook.create'), 20)).toBe(true);
    await expect(s.createWebhook(w, admin('webhook.create.dup'), 20)).rejects.toThrow();
    expect(await s.listWebhooks()).toEqual([w, w2]);
    const other = extra?.();
    if (other) expect(await other.listWebhooks()).toEqual([w, w2]);
    const rotated = await s.updateWebhook(w.id, { secret: 'whsec_rotated_0123456789', description: 'pager 2' }, admin('webhook.update'));
    expect(rotated).toEqual({ ...w, secret: 'whsec_rotated_0123456789', description: 'pager 2' });
    expect(await s.updateWebhook('wh_missing', { url: 'https://x.example/' }, admin('webhook.update.missing'))).toBeUndefined();
    expect((await (other ?? s).listWebhooks())[0]).toEqual(rotated);
    expect(await s.deleteWebhook(w.id, admin('webhook.delete'))).toEqual(rotated);
    expect(await s.deleteWebhook(w.id, admin('webhook.delete.again'))).toBeUndefined();
    expect(await (other ?? s).listWebhooks()).toEqual([w2]);
    expect(await s.deleteWebhook(w2.id, admin('webhook.delete'))).toEqual(w2);
    expect(await s.listWebhooks()).toEqual([]);
    const actions = (await s.listAudit({ limit: 100_000 })).slice(before).map((e) => e.action);
    expect(actions).toEqual(['webhook.create', 'webhook.create', 'webhook.update', 'webhook.delete', 'webhook.delete']);
  });

  it('webhooks: concurrent adds from two replicas never go past the cap, and a refused add leaves no event', async () => {
    const other = extra?.() ?? s;
    const before = (await s.listAudit({ limit: 100_000 })).length;
    const hook = (i: number) => ({
      id: `wh_cap${String(i).padStart(9, '0')}`,
      url: `https://hooks.example.com/${i}`,
      secret: 'whsec_cap_0123456789',
      description: '',
      createdAt: `2024-05-01T00:00:0${i}.000Z`,
      createdBy: 'cred:abc',
    });
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? other : s).createWebhook(hook(i), admin('webhook.create'), 3)));
    expect(results.filter(Boolean)).toHaveLength(3);
    const stored = await s.listWebhooks();
    expect(stored).toHaveLength(3);
    const actions = (await s.listAudit({ limit: 100_000 })).slice(before).map((e) => e.action);
    expect(actions).toEqual(['webhook.create', 'webhook.create', 'webhook.create']);
    for (const w of stored) await s.deleteWebhook(w.id, admin('webhook.delete'));
  });

  it('tenants: rename (audited), and delete refused while a key is live, then done with the dead keys in one transaction', async () => {
    await s.createTenant({ id: 'ten_del', name: 'Del', createdAt: '2024-04-01T00:00:00.000Z' }, admin('tenant.create', null, 'ten_del'));
    expect(await s.renameTenant('ten_del', 'Del2', admin('tenant.rename', null, 'ten_del'))).toEqual({ id: 'ten_del', name: 'Del2', createdAt: '2024-04-01T00:00:00.000Z' });
    expect(await s.renameTenant('nope', 'x', admin('tenant.rename.nope', null, 'nope'))).toBeUndefined();
    const live = key('ten_del');
    const expired = key('ten_del', { expiresAt: '2024-01-01T00:00:00.000Z' });
    const revoked = key('ten_del', { status: 'revoked' });
    for (const k of [live, expired, revoked]) await s.createKey(k, admin('key.create', k.id, 'ten_del'));
    const nowIso = '2025-01-01T00:00:00.000Z';
    expect(await s.deleteTenant('ten_del', nowIso, admin('tenant.delete.refused', null, 'ten_del'))).toEqual({ ok: false, reason: 'live_keys', keyIds: [live.id] });
    expect(await s.getKey(revoked.id)).toBeDefined();
    await s.updateKey(live.id, { status: 'revoked' }, admin('key.revoke', live.id, 'ten_del'));
    expect(await s.deleteTenant('ten_del', nowIso, admin('tenant.delete', null, 'ten_del'))).toEqual({ ok: true, deletedKeys: [live.id, expired.id, revoked.id].sort() });
    expect(await s.getTenant('ten_del')).toBeUndefined();
    expect(await s.getKey(expired.id)).toBeUndefined();
    expect(await s.deleteTenant('ten_del', nowIso, admin('tenant.delete.again', null, 'ten_del'))).toEqual({ ok: false, reason: 'not_found' });
    expect((await s.listAudit({ tenantId: 'ten_del' })).map((e) => e.action)).toEqual(['tenant.create', 'tenant.rename', 'key.create', 'key.create', 'key.create', 'key.revoke', 'tenant.delete']);
  });
});
