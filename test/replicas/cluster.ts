// Test support: N gateway replicas (the real CLI as child processes) sharing PostgreSQL and a private Redis.
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

export const TOKEN = 'replica-admin-token-0123456789abcdef';
const CLI = join(process.cwd(), 'src', 'cli', 'main.ts');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function waitFor(what: string, ok: () => Promise<boolean>, ms: number, tail: () => string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await ok().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} not ready within ${ms} ms\n${tail()}`);
}

/** A redis-server of our own on a free port (never the shared 6379), restartable. */
export class OwnRedis {
  proc: ChildProcess | undefined;
  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(dir: string): Promise<OwnRedis> {
    const r = new OwnRedis(await freePort(), dir);
    await r.up();
    return r;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    const log = openSync(join(this.dir, `redis-${this.port}.log`), 'a');
    this.proc = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir], { stdio: ['ignore', log, log] });
    await waitFor(
      'redis-server',
      async () => (await fetchTcp(this.port)) === true,
      10_000,
      () => '',
    );
  }

  /** Stops it abruptly (data gone: it runs without persistence). */
  async down(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    await new Promise((r) => {
      p.once('exit', r);
      p.kill('SIGKILL');
    });
  }
}

function fetchTcp(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    import('node:net').then(({ connect }) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.write('PING\r\n');
        s.once('data', (d) => (s.destroy(), resolve(d.toString().includes('PONG'))));
      });
      s.once('error', () => resolve(false));
    });
  });
}

export interface Replica {
  readonly name: string;
  readonly url: string;
  readonly proc: ChildProcess;
  readonly log: string;
  tail(n?: number): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface ClusterOptions {
  databaseUrl: string;
  redisUrl: string;
  upstreamUrl: string;
  upstreamKey: string;
  /** Extra config merged into the shared YAML file. */
  config?: Record<string, unknown>;
}

/** What every replica shares: one config file (pepper, admin token, audit keys), like a real deployment. */
export class Cluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'warden-replicas-'));
  readonly configFile = join(this.dir, 'warden.yaml');
  readonly replicas: Replica[] = [];

  constructor(private readonly o: ClusterOptions) {
    const signingKey = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    writeFileSync(
      this.configFile,
      stringify({
        adminToken: TOKEN,
        keyPepper: randomBytes(32).toString('hex'),
        server: { trustedProxies: ['127.0.0.1/32'] },
        upstreams: [{ kind: 'compatible', name: 'sim', baseUrl: o.upstreamUrl, apiKey: o.upstreamKey }],
        audit: { signingKey, sealKey: randomBytes(32).toString('base64') },
        log: { level: 'warn' },
        ...o.config,
      }),
    );
  }

  async start(name: string): Promise<Replica> {
    const port = await freePort();
    const dataDir = join(this.dir, name);
    const log = join(this.dir, `${name}.log`);
    const fd = openSync(log, 'a');
    // `node --import tsx`, not the tsx binary: the binary runs the server as its own child, so a
    // SIGKILL would kill only the wrapper and leave the replica running.
    const proc = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve'], {
      env: {
        ...process.env,
        WARDEN_CONFIG: this.configFile,
        WARDEN_DATA_DIR: dataDir,
        WARDEN_PORT: String(port),
        WARDEN_HOST: '127.0.0.1',
        WARDEN_DATABASE_URL: this.o.databaseUrl,
        WARDEN_REDIS_URL: this.o.redisUrl,
      },
      stdio: ['ignore', fd, fd],
    });
    const tail = (n = 30): string => {
      try {
        return readFileSync(log, 'utf8').split('\n').slice(-n).join('\n');
      } catch {
        return '';
      }
    };
    const url = `http://127.0.0.1:${port}`;
    const r: Replica = {
      name,
      url,
      proc,
      log,
      tail,
      stop: (signal = 'SIGTERM') =>
        new Promise<void>((resolve) => {
          if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
          const t = setTimeout(() => proc.kill('SIGKILL'), 5_000);
          proc.once('exit', () => (clearTimeout(t), resolve()));
          proc.kill(signal);
        }),
    };
    this.replicas.push(r);
    await waitFor(
      name,
      async () => {
        if (proc.exitCode !== null) throw new Error(`${name} exited: ${tail()}`);
        return (await fetch(`${url}/admin/v1/tenants`, { headers: { authorization: `Bearer ${TOKEN}` } })).ok;
      },
      60_000,
      tail,
    );
    return r;
  }

  async admin(r: Replica, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const res = await fetch(`${r.url}/admin/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  async close(): Promise<void> {
    await Promise.all(this.replicas.map((r) => r.stop()));
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** One chat completion through a replica; the status and the request id it was answered with. */
export async function chat(r: Replica, key: string): Promise<{ status: number; requestId: string | null; body: any }> {
  const res = await fetch(`${r.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4o-mini', max_tokens: 16, messages: [{ role: 'user', content: 'hello' }] }),
  });
  const text = await res.text();
  return { status: res.status, requestId: res.headers.get('x-request-id'), body: text ? JSON.parse(text) : undefined };
}
