// For tests: a local HTTP server standing in for an upstream, and an undici pool to it.
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';

export interface LocalUpstream {
  readonly pool: Pool;
  close(): Promise<void>;
}

export async function localUpstream(answer: RequestListener): Promise<LocalUpstream> {
  const server = createServer(answer);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const pool = new Pool(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  return {
    pool,
    close: async () => {
      await pool.destroy();
      server.closeAllConnections();
      server.close();
    },
  };
}
