// Concurrent binds (and unbinds) on one key all land: the read-merge-write is a compare-and-set on the key's
// version, on SQLite (one gateway) and on PostgreSQL (two replicas sharing the store).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresForTests } from '../../src/store/postgres/test-services.js';
import { testPair } from '../../src/proof/test-proofs.js';
import { startHarness, type Harness } from '../harness.js';
import { sharedSecrets } from '../replicas/shared-secrets.js';

const pgSvc = await postgresForTests();
const N = 8;

/** N binds of different client keys at once, spread over the given gateways; then two unbinds at once. */
async function race(gateways: Harness[]): Promise<void> {
  const k = await gateways[0]!.quickKey();
  const pairs = await Promise.all(Array.from({ length: N }, (_, i) => testPair(i % 2 ? 'EdDSA' : 'ES256')));
  const binds = await Promise.all(pairs.map((p, i) => gateways[i % gateways.length]!.admin('POST', `/keys/${k.id}/proof-keys`, { proofKeys: [p.publicJwk] })));
  expect(binds.map((r) => r.status)).toEqual(Array(N).fill(200));
  const stored = (await gateways[0]!.admin('GET', `/keys/${k.id}`)).body.proofKeys.map((p: { thumbprint: string }) => p.thumbprint);
  expect(new Set(stored)).toEqual(new Set(pairs.map((p) => p.bound.thumbprint)));
  // One audit event per bind, each naming the key it added.
  const events = (await gateways[0]!.gateway.deps.store.listAudit({ keyId: k.id })).filter((e) => e.action === 'key.proof_keys.bind');
  expect(events.flatMap((e) => (e.detail as { thumbprints: string[] }).thumbprints).sort()).toEqual(pairs.map((p) => p.bound.thumbprint).sort());

  const [gone1, gone2] = [pairs[0]!.bound.thumbprint, pairs[1]!.bound.thumbprint];
  const unbinds = await Promise.all([gone1, gone2].map((t, i) => gateways[i % gateways.length]!.admin('DELETE', `/keys/${k.id}/proof-keys/${t}`)));
  expect(unbinds.map((r) => r.status)).toEqual([200, 200]);
  const left = (await gateways[0]!.admin('GET', `/keys/${k.id}`)).body.proofKeys.map((p: { thumbprint: string }) => p.thumbprint);
  expect(new Set(left)).toEqual(new Set(pairs.slice(2).map((p) => p.bound.thumbprint)));
}

describe('concurrent proof-key binds: SQLite', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness()));
  afterAll(async () => h?.close());
  it(`${N} binds at once on one key all land; two unbinds at once both land`, () => race([h]));
});

describe.skipIf('skip' in pgSvc)('concurrent proof-key binds: PostgreSQL, two replicas', () => {
  let a: Harness;
  let b: Harness;
  beforeAll(async () => {
    const pg = pgSvc as Extract<typeof pgSvc, { schemaUrl: string }>;
    const config = { store: { kind: 'postgres', url: pg.schemaUrl }, ...sharedSecrets() };
    a = await startHarness({ config });
    b = await startHarness({ config });
  }, 30_000);
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    if (!('skip' in pgSvc)) await pgSvc.drop();
  });
  it(`${N} binds at once on one key, half through each replica, all land; so do two unbinds`, () => race([a, b]));
});
