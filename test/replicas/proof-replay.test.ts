// A captured proof replayed on another replica is refused: the jti check is shared through Redis (SET NX).
import { sharedSecrets } from './shared-secrets.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisForTests } from '../support/redis.js';
import { signProof, testPair } from '../support/proofs.js';
import { postgresForTests } from '../support/postgres.js';
import { startHarness, type Harness } from '../harness.js';

const pgSvc = await postgresForTests();
const redisSvc = await redisForTests();
const skip = 'skip' in pgSvc || 'skip' in redisSvc;
const PUBLIC = 'https://llm.example.test/gw';

describe.skipIf(skip)('proof replay across two replicas (PostgreSQL + Redis)', () => {
  let a: Harness;
  let b: Harness;
  beforeAll(async () => {
    const pg = pgSvc as Extract<typeof pgSvc, { schemaUrl: string }>;
    const redis = redisSvc as Extract<typeof redisSvc, { prefix: string }>;
    const config = {
      server: { host: '127.0.0.1', port: 0, trustedProxies: ['127.0.0.1/32'], publicBaseUrl: `${PUBLIC}/` },
      store: { kind: 'postgres', url: pg.schemaUrl },
      redis: { url: redis.url },
      limits: { redisPrefix: redis.prefix },
      ...sharedSecrets(),
    };
    a = await startHarness({ config });
    b = await startHarness({ config });
  }, 30_000);
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    if (!('skip' in pgSvc)) await pgSvc.drop();
  });

  it('behind one public URL: a proof accepted by replica A is a replay on replica B; a fresh one passes on B', async () => {
    const p = await testPair('EdDSA');
    const k = await a.quickKey({ proofKeys: [p.publicJwk], requireProof: true });
    const send = (h: Harness, dpop: string) =>
      fetch(`${h.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${k.key}`, 'content-type': 'application/json', dpop },
        body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
      });
    // Clients call the load balancer's URL, so that is what they sign (the gateway's own address is not it).
    const proof = await signProof(p, { url: `${PUBLIC}/v1/chat/completions`, credential: k.key });
    expect((await send(a, proof)).status).toBe(200);
    const replay = await send(b, proof);
    const body = (await replay.json()) as { error: { code: string; message: string } };
    expect(replay.status).toBe(401);
    expect(body.error).toMatchObject({ code: 'invalid_proof', message: expect.stringContaining('already used') });
    expect(b.sim.requests.length).toBe(0);
    expect((await send(b, await signProof(p, { url: `${PUBLIC}/v1/chat/completions`, credential: k.key }))).status).toBe(200);
    // A proof for the replica's own address is not for the public URL.
    const own = await send(b, await signProof(p, { url: `${b.url}/v1/chat/completions`, credential: k.key }));
    expect(((await own.json()) as { error: { message: string } }).error.message).toContain(`expected ${PUBLIC}/v1/chat/completions`);
  });
});
