// The audit log adapter contract (audit/log-port.ts) over SQLite and the real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../src/audit/event.js';
import type { AuditLogStore, StoredCheckpoint } from '../../src/audit/log-port.js';
import { PostgresAuditLog } from '../../src/audit/log-postgres.js';
import { SqliteAuditLog } from '../../src/audit/log-sqlite.js';
import type { Store } from '../../src/store/port.js';
import { PostgresStore } from '../../src/store/postgres/store.js';
import { postgresForTests } from '../support/postgres.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';

const pgSvc = await postgresForTests();
type Open = () => Promise<{ store: Store; log: AuditLogStore; done: () => Promise<void> }>;
const backends: [string, Open | null][] = [
  [
    'sqlite',
    async () => {
      const s = new SqliteStore(':memory:');
      return { store: s, log: new SqliteAuditLog(s.db), done: () => s.close() };
    },
  ],
  [
    'postgres',
    'skip' in pgSvc
      ? null
      : async () => {
          const s = new PostgresStore({ url: pgSvc.url, schema: pgSvc.schema });
          await s.migrate();
          return {
            store: s,
            log: new PostgresAuditLog(s.pool),
            done: async () => {
              await s.close();
              await pgSvc.drop();
            },
          };
        },
  ],
];

const ev = (i: number, extra: Partial<AuditEvent> = {}): AuditEvent => ({
  time: `2024-05-01T00:00:${String(i).padStart(2, '0')}.000Z`,
  kind: 'request',
  requestId: `q${i}`,
  keyId: i % 2 ? 'kOdd' : 'kEven',
  tenantId: 'ten',
  status: 200,
  ...extra,
});
const cp = (treeSize: number, root: string): StoredCheckpoint => ({ treeSize, root, time: '2024-05-01T00:01:00.000Z', keyId: 'kid', signature: 'sig', frontier: ['aa', 'bb'] });

describe.each(backends)('audit log adapter: %s', (_n, open) => {
  if (!open) {
    it.skip('needs the real PostgreSQL', () => undefined);
    return;
  }
  let store: Store;
  let log: AuditLogStore;
  let done: () => Promise<void>;
  beforeAll(async () => ({ store, log, done } = await open()));
  afterAll(async () => done());

  it('rows are contiguous from 1, paged, filtered, and carry their body bytes', async () => {
    await store.appendAudit([ev(1), ev(2), ev(3, { detail: { incidentId: 'inc_7' } }), ev(4)]);
    expect(await log.maxSeq()).toBe(4);
    expect((await log.rowsAfter(0, 10)).map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect((await log.rowsAfter(2, 1)).map((r) => r.requestId)).toEqual(['q3']);
    expect((await log.findNewest({}, undefined, 3)).map((r) => r.seq)).toEqual([4, 3, 2]);
    expect((await log.findNewest({}, 2, 10)).map((r) => r.seq)).toEqual([1]);
    expect((await log.findNewest({ keyId: 'kOdd' }, undefined, 10)).map((r) => r.seq)).toEqual([3, 1]);
    expect((await log.findNewest({ keyId: 'kOdd' }, 3, 10)).map((r) => r.seq)).toEqual([1]);
    expect(await log.findNewest({ requestIds: [] }, undefined, 10)).toEqual([]);
    expect((await log.find({ keyId: 'kOdd' })).map((r) => r.seq)).toEqual([1, 3]);
    expect((await log.find({ from: '2024-05-01T00:00:02.000Z', to: '2024-05-01T00:00:04.000Z' })).map((r) => r.seq)).toEqual([2, 3]);
    expect((await log.find({ requestIds: ['q4', 'q1'] })).map((r) => r.seq)).toEqual([1, 4]);
    expect(await log.find({ requestIds: [] })).toEqual([]);
    const [r1] = await log.rowsAfter(0, 1);
    expect(JSON.parse(r1!.body)).toMatchObject({ requestId: 'q1' });
    expect(r1!.seal).toBeNull();
  });

  it('seals and checkpoints commit together; the first checkpoint of a size stands', async () => {
    await log.commitSeal(
      [
        { seq: 1, seal: Buffer.from([1, 2]) },
        { seq: 2, seal: Buffer.from([3]) },
      ],
      cp(2, 'r2'),
    );
    await log.commitSeal([{ seq: 2, seal: Buffer.from([3]) }], cp(2, 'other'));
    await log.commitSeal([], cp(4, 'r4'));
    expect((await log.checkpoints()).map((c) => [c.treeSize, c.root])).toEqual([
      [2, 'r2'],
      [4, 'r4'],
    ]);
    expect(await log.latestCheckpoint()).toEqual(cp(4, 'r4'));
    expect(Buffer.from((await log.rowsAfter(0, 1))[0]!.seal!)).toEqual(Buffer.from([1, 2]));
  });

  it('texts: upsert, fetch by request id, purge by expiry', async () => {
    await log.putTexts([{ requestId: 'q1', field: 'prompt', blob: Buffer.from('x'), expiresAt: '2024-06-01T00:00:00.000Z' }]);
    await log.putTexts([
      { requestId: 'q1', field: 'prompt', blob: Buffer.from('y'), expiresAt: '2024-06-01T00:00:00.000Z' },
      { requestId: 'q2', field: 'output', blob: Buffer.from('z'), expiresAt: '2024-09-01T00:00:00.000Z' },
    ]);
    expect((await log.getTexts(['q1'])).map((t) => Buffer.from(t.blob).toString())).toEqual(['y']);
    expect(await log.purgeTexts('2024-07-01T00:00:00.000Z')).toBe(1);
    expect((await log.getTexts(['q1', 'q2'])).map((t) => t.requestId)).toEqual(['q2']);
  });
});
