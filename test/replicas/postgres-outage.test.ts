// PostgreSQL briefly unreachable (a TCP relay we cut): cached keys keep verifying, writes are retried, nothing lost.
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../src/store/postgres/store.js';
import { postgresForTests } from '../support/postgres.js';
import { startHarness, type Harness } from '../harness.js';

const pgSvc = await postgresForTests();

/** A relay in front of PostgreSQL that can drop every connection and refuse new ones. */
class Relay {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = createConnection(this.target);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => this.server!.listen(this.port, '127.0.0.1', r));
    const a = this.server.address();
    this.port = typeof a === 'object' && a ? a.port : 0;
  }

  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => this.server!.close(() => r()));
  }
}

describe.skipIf('skip' in pgSvc)('PostgreSQL briefly down', () => {
  const pg = pgSvc as Extract<typeof pgSvc, { url: string }>;
  const target = new URL(pg.url);
  const relay = new Relay({ host: target.hostname, port: Number(target.port || 5432) });
  let h: Harness;

  beforeAll(async () => {
    await relay.open();
    const viaRelay = new URL(pg.schemaUrl);
    viaRelay.port = String(relay.port);
    h = await startHarness({ env: { WARDEN_DATABASE_URL: viaRelay.toString() } });
  });
  afterAll(async () => {
    await h?.close();
    await pg.drop();
  });

  it('answers with a cached key, retries the writes, and loses no audit event', async () => {
    const k = await h.quickKey();
    const client = h.openai(k.key);
    const first = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'before' }] }).withResponse();

    await relay.cut();
    // During the outage: a request (its audit write waits for the database) and an admin write.
    const during = client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'during' }] }).withResponse();
    const suspend = h.admin('POST', `/keys/${k.id}/suspend`, { reason: 'outage test' });
    await new Promise((r) => setTimeout(r, 1_500));
    await relay.open(); // same port: the database is back

    const second = await during;
    expect(second.response.status).toBe(200);
    expect((await suspend).status).toBe(200);

    const store = new PostgresStore({ url: pg.url, schema: pg.schema });
    try {
      const ids = new Set((await store.listAudit({ keyId: k.id, limit: 1000 })).map((e) => e.requestId));
      expect(ids.has(first.response.headers.get('x-request-id')!)).toBe(true);
      expect(ids.has(second.response.headers.get('x-request-id')!)).toBe(true);
      expect((await store.getKey(k.id))?.status).toBe('suspended');
    } finally {
      await store.close();
    }
    // Once per incident, not once per retry.
    expect(h.logs.filter((l) => l.includes('postgres: connection fault; retrying')).length).toBe(1);
  });
});
