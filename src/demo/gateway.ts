// The demo's own gateway: a temporary data dir, loopback only, the built-in upstream simulator, console on.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../config/load.js';
import { startGateway, type Gateway } from '../main.js';

export interface DemoGateway {
  readonly gateway: Gateway;
  readonly url: string;
  readonly adminToken: string;
  close(): Promise<void>;
}

/**
 * No upstream is configured, so every request goes to the simulator: no real key, no network. Loopback is
 * the trusted proxy, so the demo's traffic can say which client address it stands for (X-Forwarded-For),
 * which is how one process plays owners and thieves on different networks.
 */
export async function startDemoGateway(port = 0): Promise<DemoGateway> {
  const dataDir = mkdtempSync(join(tmpdir(), 'warden-demo-'));
  const adminToken = `demo-${randomBytes(24).toString('base64url')}`;
  try {
    const gateway = await startGateway(
      parseConfig({
        dataDir,
        adminToken,
        server: { host: '127.0.0.1', port, trustedProxies: ['127.0.0.1/32'] },
        log: { level: 'error' },
      }),
      { logSink: () => undefined },
    );
    return {
      gateway,
      url: gateway.url,
      adminToken,
      async close() {
        await gateway.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}
