// Starts the real gateway (`warden serve`) as a child process and provisions a tenant and key for the bench.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GATEWAY_NODE_FLAGS } from '../../src/cli/node-flags.js';
import { type Child, freePort, spawnNode, waitHttp } from './procs.js';
import { type GatewayName, runsDefaults } from './scenarios.js';

export interface BenchGateway {
  readonly child: Child;
  readonly url: string;
  /**
   * A fresh client key (wdn_…, never printed) of the bench tenant. One per scenario: a key
   * that switched from chat volume to images volume would rightly look stolen to the risk
   * engine, and the bench measures forwarding, not detection.
   */
  newKey(name: string, extra?: object): Promise<string>;
  /** Its Prometheus text (GET /metrics with the admin token). */
  metrics(): Promise<string>;
}

async function admin(url: string, token: string, path: string, body: object): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // leave empty; the status tells the story
  }
  return { status: res.status, json };
}

/** What turns `gateway-core` into auth + audit: the two defences' operator switches. */
export const CORE_CONFIG = 'risk:\n  enabled: false\nsafety:\n  enabled: false\n';
/** The bench drives one tenant's keys with hundreds of connections: the concurrency limits must not say 429. */
export const BENCH_LIMITS_CONFIG = 'limits:\n  concurrency:\n    perKey: 1000000\n    perTenant: 1000000\n';

function keyOf(key: { status: number; json: Record<string, unknown> }): string {
  if (key.status >= 300 || typeof key.json['key'] !== 'string') throw new Error(`create key: HTTP ${key.status}`);
  return key.json['key'];
}

export interface BenchGatewayOptions {
  /** taskset core list for the gateway process (e.g. "0"). */
  readonly cpus?: string;
  /**
   * `gateway` only: the configuration an operator runs (no overrides at all: the default
   * concurrency limits, every defence on), with each key's own limits set, a concurrency
   * allowance included. Without it the bench raises the concurrency limits in the config.
   */
  readonly operatorDefaults?: boolean;
}

/** An ordinary key's limits: every one set (so every limiter counts), high enough that the bench is never refused. */
export const BENCH_KEY_LIMITS = { requestsPerMinute: 100_000_000, tokensPerMinute: 1_000_000_000_000, imagesPerDay: 1_000_000_000, spendPerDayUsd: 1_000_000_000 };

export async function startBenchGateway(
  name: GatewayName,
  cliMain: string,
  upstreamBase: string,
  upstreamKey: string,
  tmp: string,
  nodeArgs: readonly string[] = [],
  opts: BenchGatewayOptions = {},
): Promise<BenchGateway> {
  if (!existsSync(cliMain)) throw new Error(`${cliMain} not built`);
  const core = name === 'gateway-core';
  const port = await freePort();
  const dataDir = join(tmp, `${name}-data`);
  await mkdir(dataDir, { recursive: true });
  const token = `bench-admin-${randomBytes(12).toString('hex')}`;
  const configFile = join(tmp, `${name}.yaml`);
  const defaults = runsDefaults(name) && opts.operatorDefaults === true;
  await writeFile(configFile, defaults ? '# the defaults: nothing overridden\n{}\n' : (core ? CORE_CONFIG : '') + BENCH_LIMITS_CONFIG);
  const config: Record<string, string> = { WARDEN_CONFIG: configFile };
  const env = {
    ...process.env,
    ...config,
    WARDEN_PORT: String(port),
    WARDEN_HOST: '127.0.0.1',
    WARDEN_DATA_DIR: dataDir,
    WARDEN_ADMIN_TOKEN: token,
    WARDEN_UPSTREAM_URL: upstreamBase,
    WARDEN_UPSTREAM_KEY: upstreamKey,
    // The A/B target forces the audit worker on; the others leave it to the default (auto: on with 2+ cores).
    ...(name === 'gateway-worker' ? { WARDEN_AUDIT_WORKER: 'on' } : {}),
  };
  const child = spawnNode(name, cliMain, ['serve'], env, tmp, [...GATEWAY_NODE_FLAGS, ...nodeArgs], opts.cpus);
  const url = `http://127.0.0.1:${port}`;
  await waitHttp(child, `${url}/v1/models`);

  // One tenant: a single source presenting keys of several tenants is exactly what the
  // risk engine's key-pooling signal looks for, and rightly blocks.
  const tenant = await admin(url, token, '/admin/v1/tenants', { name: 'bench' });
  if (tenant.status >= 300 || typeof tenant.json['id'] !== 'string') throw new Error(`create tenant: HTTP ${tenant.status}`);
  const tenantId = tenant.json['id'];
  const newKey = async (name: string, extra: object = {}): Promise<string> => {
    const base = { tenantId, name: `bench-${name}`, endpoints: ['chat', 'images', 'embeddings'], ...extra };
    // Generous limits so the bench measures forwarding, not the limiter saying 429.
    // With the operator's defaults the key carries its own concurrency allowance (the default per key is 32; the bench runs 64).
    const limits = defaults ? { ...BENCH_KEY_LIMITS, concurrentRequests: 128 } : BENCH_KEY_LIMITS;
    // The core gateway's keys have no limits: usage is counted, nothing is reserved.
    if (core) return keyOf(await admin(url, token, '/admin/v1/keys', base));
    let key = await admin(url, token, '/admin/v1/keys', { ...base, limits });
    if (key.status === 400) key = await admin(url, token, '/admin/v1/keys', base);
    return keyOf(key);
  };
  await newKey('probe'); // fail early, before any load, if provisioning does not work
  const metrics = async (): Promise<string> => (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();
  return { child, url, newKey, metrics };
}
