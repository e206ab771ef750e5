// Replicas (or restarts) with another key pepper or other audit keys than the store was initialised with:
// refused at start; verify says "configuration mismatch", not tampering (SQLite and the real PostgreSQL).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteAuditLog } from '../../src/audit/log-sqlite.js';
import { openAuditService } from '../../src/audit/open.js';
import { applyEnv, parseConfig } from '../../src/config/load.js';
import { createLogger } from '../../src/log.js';
import { startGateway, type Gateway } from '../../src/main.js';
import { postgresForTests, type PgService } from '../support/postgres.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { SecretMismatchError } from '../../src/store/secret-fingerprints.js';

const TOKEN = 'mismatch-admin-token-0123456789abcdef';
const root = mkdtempSync(join(tmpdir(), 'warden-mismatch-'));
const pgSvcs: PgService[] = [];
afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
  for (const p of pgSvcs) if (!('skip' in p)) await p.drop();
});

const pem = (): string => generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const secrets = () => ({ keyPepper: randomBytes(32).toString('hex'), audit: { signingKey: pem(), sealKey: randomBytes(32).toString('base64') } });
let n = 0;
const dir = (): string => join(root, `d${n++}`);

function config(dataDir: string, over: Record<string, unknown> = {}, env: Record<string, string> = {}) {
  return parseConfig(
    applyEnv(
      {
        dataDir,
        adminToken: TOKEN,
        server: { host: '127.0.0.1', port: 0 },
        upstreams: [{ kind: 'compatible', name: 'none', baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'sk-none' }],
        log: { level: 'error' },
        ...over,
      },
      env,
    ),
  );
}

async function refused(p: Promise<Gateway>): Promise<SecretMismatchError> {
  const err = await p.then(
    async (gw) => {
      await gw.close();
      return undefined;
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SecretMismatchError);
  return err as SecretMismatchError;
}

const admin = (gw: Gateway, path: string, init: RequestInit = {}) => fetch(`${gw.url}/admin/v1${path}`, { ...init, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' } });

describe('SQLite: a restart with other secrets', () => {
  it('is refused with a clear error naming what differs and no secret; the original secrets start again', async () => {
    const d = dir();
    const s = secrets();
    const gw = await startGateway(config(d, s));
    await gw.close();

    const pepper = await refused(startGateway(config(d, { ...s, keyPepper: randomBytes(32).toString('hex') })));
    expect(pepper.message).toMatch(/configuration mismatch.*key pepper/);
    expect(pepper.message).not.toContain(s.keyPepper);
    expect(pepper.mismatches.map((m) => m.setting)).toEqual(['fingerprint.key_pepper']);

    const signing = await refused(startGateway(config(d, { ...s, audit: { ...s.audit, signingKey: pem() } })));
    expect(signing.message).toContain('audit signing key');
    expect(signing.mismatches.map((m) => m.setting)).toEqual(['fingerprint.audit_signing_key']);

    const seal = await refused(startGateway(config(d, { ...s, audit: { ...s.audit, sealKey: randomBytes(32).toString('base64') } })));
    expect(seal.mismatches.map((m) => m.setting)).toEqual(['fingerprint.audit_seal_key']);
    expect(seal.message).not.toContain(s.audit.sealKey);

    const again = await startGateway(config(d, s));
    expect((await admin(again, '/audit/verify').then((r) => r.json())) as object).toMatchObject({ ok: true });
    await again.close();
  });

  it('audit verify with other keys (a CLI pointed at another data dir) says configuration mismatch, not tampering', async () => {
    const d = dir();
    const gw = await startGateway(config(d, secrets()));
    await admin(gw, '/tenants', { method: 'POST', body: JSON.stringify({ name: 'acme' }) });
    await gw.deps.auditLog.sealer.sealNow();
    await gw.close();
    // The same database file, read with keys generated in another data dir (read-only: nothing is claimed).
    const other = config(dir(), { store: { kind: 'sqlite', path: join(d, 'warden.db') } });
    const store = new SqliteStore(join(d, 'warden.db'));
    const svc = await openAuditService(other, store, new SqliteAuditLog(store.db), createLogger('silent'), false, false);
    const r = await svc.verify();
    await store.close();
    expect(r.ok).toBe(false);
    expect(r.tamper).toBe('key-mismatch');
    expect(r.problem).toContain('signed by another key / configuration mismatch');
    expect(r.problem).toContain('audit signing key');
  });

  it('a store from before fingerprints, verified over the admin API with another signing key: checkpoint signed by another key', async () => {
    const d = dir();
    const s = secrets();
    const gw = await startGateway(config(d, s));
    await admin(gw, '/tenants', { method: 'POST', body: JSON.stringify({ name: 'acme' }) });
    await gw.deps.auditLog.sealer.sealNow();
    await gw.close();
    const store = new SqliteStore(join(d, 'warden.db'));
    store.db.prepare(`DELETE FROM settings WHERE name LIKE 'fingerprint.%'`).run();
    await store.close();
    const other = await startGateway(config(d, { ...s, audit: { ...s.audit, signingKey: pem() } }));
    try {
      const res = await admin(other, '/audit/verify');
      expect(res.status).toBe(200);
      const body = (await res.json()) as { ok: boolean; tamper: string; problem: string };
      expect(body).toMatchObject({ ok: false, tamper: 'key-mismatch' });
      expect(body.problem).toMatch(/signed by another key \/ configuration mismatch.*checkpoint at size \d+ is signed by key/);
    } finally {
      await other.close();
    }
  });
});

const pg = await postgresForTests();
pgSvcs.push(pg);

describe.skipIf('skip' in pg)('PostgreSQL: replicas sharing one store', () => {
  const svc = pg as Extract<PgService, { url: string }>;
  const env = () => ({ WARDEN_DATABASE_URL: svc.schemaUrl });

  it('a replica with another pepper or other audit keys is refused; one with the same secrets starts', async () => {
    const s = secrets();
    const a = await startGateway(config(dir(), s, env()));
    try {
      const pepper = await refused(startGateway(config(dir(), { ...s, keyPepper: randomBytes(32).toString('hex') }, env())));
      expect(pepper.mismatches.map((m) => m.setting)).toEqual(['fingerprint.key_pepper']);
      // Audit keys left to each replica's own data dir: both generated, both differ from the first replica's.
      const own = await refused(startGateway(config(dir(), { keyPepper: s.keyPepper }, env())));
      expect(own.mismatches.map((m) => m.setting).sort()).toEqual(['fingerprint.audit_seal_key', 'fingerprint.audit_signing_key']);
      const b = await startGateway(config(dir(), s, env()));
      await b.close();
      // What the store holds is a fingerprint: never the pepper or the seal key.
      const stored = [await a.deps.store.getSetting('fingerprint.key_pepper'), await a.deps.store.getSetting('fingerprint.audit_seal_key')];
      for (const v of stored) {
        expect(v).toMatch(/^[0-9a-f]{32}$/);
        expect(s.keyPepper).not.toContain(v!);
        expect(Buffer.from(s.audit.sealKey, 'base64').toString('hex')).not.toContain(v!);
      }
    } finally {
      await a.close();
    }
  });

  it('two replicas with different peppers starting together on a fresh store: exactly one starts', async () => {
    const fresh = await postgresForTests();
    pgSvcs.push(fresh);
    if ('skip' in fresh) return;
    const audit = secrets().audit;
    const starts = await Promise.allSettled([0, 1].map(() => startGateway(config(dir(), { keyPepper: randomBytes(32).toString('hex'), audit }, { WARDEN_DATABASE_URL: fresh.schemaUrl }))));
    const up = starts.filter((r): r is PromiseFulfilledResult<Gateway> => r.status === 'fulfilled');
    const down = starts.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    for (const g of up) await g.value.close();
    expect(up).toHaveLength(1);
    expect(down).toHaveLength(1);
    expect(down[0]!.reason).toBeInstanceOf(SecretMismatchError);
  });
});
