// A write whose COMMIT reaches PostgreSQL but whose answer is lost (the connection dies on the way back) is not
// applied twice by the retry: the real server, behind a TCP proxy that drops exactly that answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../src/audit/event.js';
import { PostgresStore } from '../../src/store/postgres/store.js';
import { postgresForTests } from '../support/postgres.js';
import { TcpProxy } from '../support/tcp-proxy.js';

const pgSvc = await postgresForTests();
const skip = 'skip' in pgSvc;

const ev = (requestId: string): AuditEvent => ({ time: '2026-12-07T00:00:00.000Z', kind: 'request', requestId, keyId: 'k1', tenantId: 't1', status: 200 });
const isQuery = (sql: string) => (chunk: Buffer) => chunk[0] === 0x51 && chunk.includes(Buffer.from(`${sql}\0`));

describe.skipIf(skip)('PostgreSQL: a write whose answer is lost', () => {
  const svc = pgSvc as Extract<typeof pgSvc, { url: string }>;
  let proxy: TcpProxy;
  let store: PostgresStore;
  const warnings: string[] = [];

  beforeAll(async () => {
    const target = new URL(svc.url);
    proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(svc.url);
    viaProxy.port = String(proxy.port);
    store = new PostgresStore({ url: viaProxy.toString(), schema: svc.schema, writeRetryMs: 5_000, log: { warn: (m) => void warnings.push(m) } });
    await store.migrate();
  });
  afterAll(async () => {
    await store?.close();
    await proxy?.close();
    await svc.drop();
  });

  const stored = async (requestId: string) => (await store.listAudit({ limit: 100_000 })).filter((e) => e.requestId === requestId).length;

  it('an audit batch committed before the connection died is written once, and the write succeeds', async () => {
    proxy.loseAnswerTo(isQuery('COMMIT'));
    await store.appendAudit([ev('lost-commit-1'), ev('lost-commit-2')]);
    expect(await stored('lost-commit-1')).toBe(1);
    expect(await stored('lost-commit-2')).toBe(1);
    // The fault was real: the connection died and the store said so.
    expect(warnings.some((w) => /connection/i.test(w))).toBe(true);
  });

  it('a transaction cut before COMMIT is rolled back by the server and written by the retry', async () => {
    proxy.loseAnswerTo((chunk) => chunk.includes(Buffer.from('INSERT INTO audit_events')));
    await store.appendAudit([ev('cut-before-commit')]);
    expect(await stored('cut-before-commit')).toBe(1);
  });

  it('an admin change whose COMMIT answer is lost is not refused as a duplicate on retry', async () => {
    const before = (await store.listAudit({ limit: 100_000 })).length;
    proxy.loseAnswerTo(isQuery('COMMIT'));
    await store.createTenant({ id: 'lost-commit-tenant', name: 'Acme', createdAt: '2026-12-07T00:00:00.000Z' }, ev('tenant-audit'));
    expect((await store.getTenant('lost-commit-tenant'))?.name).toBe('Acme');
    expect((await store.listAudit({ limit: 100_000 })).length).toBe(before + 1);
  });
});
