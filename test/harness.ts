// Test harness: simulator + gateway on loopback with a temp data dir, an admin client and SDK clients.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI, { AzureOpenAI } from 'openai';
import { parseConfig, applyEnv } from '../src/config/load.js';
import { startGateway, type Gateway } from '../src/main.js';
import { startSimulator, type Simulator, type SimulatorOptions } from '../src/simulator/index.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const UPSTREAM_KEY = 'sk-upstream-SECRET-9f8e7d6c5b4a39281706';

/** A well-formed-looking client key no store holds (a different kid each call): what a key sprayer sends. */
export const bogusKey = (): string => `wdn_l_${Math.random().toString(36).slice(2, 14).padEnd(12, 'x')}_${'A'.repeat(32)}`;

export interface HarnessOptions {
  /** Partial config input merged over the defaults (upstreams default to the simulator). */
  config?: Record<string, unknown>;
  env?: Record<string, string>;
  sim?: SimulatorOptions;
  /** Overrides merged into the simulator upstream's config (timeouts...). */
  upstream?: Record<string, unknown>;
  /** Reuse a data dir (restart tests). */
  dataDir?: string;
}

export interface Harness {
  url: string;
  sim: Simulator;
  gateway: Gateway;
  dataDir: string;
  logs: string[];
  admin(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
  createTenant(name?: string): Promise<{ id: string; name: string }>;
  createKey(body: Record<string, unknown>): Promise<{ id: string; key: string; [k: string]: unknown }>;
  /** A tenant + key with every endpoint, for tests that need just "a working key". */
  quickKey(extra?: Record<string, unknown>): Promise<{ id: string; key: string; tenantId: string }>;
  openai(key: string, opts?: { headers?: Record<string, string>; maxRetries?: number }): OpenAI;
  azure(key: string, opts?: { headers?: Record<string, string>; deployment?: string; apiVersion?: string }): AzureOpenAI;
  /** Raw fetch against the gateway. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Restart the gateway on the same data dir (same port not guaranteed). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const sim = await startSimulator({ apiKey: UPSTREAM_KEY, ...opts.sim });
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'warden-test-'));
  const logs: string[] = [];
  const makeConfig = () =>
    parseConfig(
      applyEnv(
        {
          dataDir,
          adminToken: ADMIN_TOKEN,
          server: { host: '127.0.0.1', port: 0, trustedProxies: ['127.0.0.1/32', '::1/128'] },
          upstreams: [{ kind: 'compatible', name: 'sim', baseUrl: `${sim.url}/v1`, apiKey: UPSTREAM_KEY, readTimeoutMs: 3000, connectTimeoutMs: 2000, ...opts.upstream }],
          log: { level: 'debug' },
          ...opts.config,
        },
        // The suites run with the audit worker as the environment says (default: auto), so each can be run both ways.
        { ...(process.env['WARDEN_AUDIT_WORKER'] ? { WARDEN_AUDIT_WORKER: process.env['WARDEN_AUDIT_WORKER'] } : {}), ...opts.env },
      ),
    );
  let gateway = await startGateway(makeConfig(), { logSink: (l) => logs.push(l) });
  const h: Harness = {
    get url() {
      return gateway.url;
    },
    sim,
    get gateway() {
      return gateway;
    },
    dataDir,
    logs,
    async admin(method, path, body, headers) {
      const res = await fetch(`${gateway.url}/admin/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', ...headers },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
    },
    async createTenant(name = 'acme') {
      const r = await h.admin('POST', '/tenants', { name });
      if (r.status !== 201) throw new Error(`tenant create failed: ${JSON.stringify(r.body)}`);
      return r.body;
    },
    async createKey(body) {
      const r = await h.admin('POST', '/keys', { name: 'test key', ...body });
      if (r.status !== 201) throw new Error(`key create failed: ${JSON.stringify(r.body)}`);
      return r.body;
    },
    async quickKey(extra = {}) {
      const t = await h.createTenant(`t-${Math.random().toString(36).slice(2, 8)}`);
      const k = await h.createKey({ tenantId: t.id, endpoints: ['chat', 'images', 'embeddings'], ...extra });
      return { id: k.id, key: k.key, tenantId: t.id };
    },
    openai(key, o = {}) {
      return new OpenAI({ apiKey: key, baseURL: `${gateway.url}/v1`, maxRetries: o.maxRetries ?? 0, timeout: 10_000, ...(o.headers ? { defaultHeaders: o.headers } : {}) });
    },
    azure(key, o = {}) {
      return new AzureOpenAI({
        apiKey: key,
        endpoint: gateway.url,
        apiVersion: o.apiVersion ?? '2024-10-21',
        maxRetries: 0,
        timeout: 10_000,
        ...(o.deployment ? { deployment: o.deployment } : {}),
        ...(o.headers ? { defaultHeaders: o.headers } : {}),
      });
    },
    fetch(path, init) {
      return fetch(`${gateway.url}${path}`, init);
    },
    async restart() {
      await gateway.close();
      gateway = await startGateway(makeConfig(), { logSink: (l) => logs.push(l) });
    },
    async close() {
      await gateway.close();
      await sim.close();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return h;
}
