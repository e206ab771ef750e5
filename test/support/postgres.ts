// Test support: the real PostgreSQL with a fresh schema per run; fail under CI, skip loudly elsewhere.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type PgService =
  | {
      readonly url: string;
      readonly schema: string;
      /** The URL with search_path set to the (already created) schema: what a replica gets as WARDEN_DATABASE_URL. */
      readonly schemaUrl: string;
      drop(): Promise<void>;
    }
  | { readonly skip: string };

export async function postgresForTests(): Promise<PgService> {
  const url = process.env.WARDEN_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `warden_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    await client.end().catch(() => undefined);
    const why = `PostgreSQL not reachable at ${url.replace(/\/\/[^@]*@/, '//')} (${err instanceof Error ? err.message : String(err)})`;
    if (process.env.CI) throw new Error(`${why}; CI requires it`);
    console.warn(`SKIPPED: ${why}. Start PostgreSQL or set WARDEN_TEST_DATABASE_URL.`);
    return { skip: why };
  }
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  return {
    url,
    schema,
    schemaUrl: `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}
