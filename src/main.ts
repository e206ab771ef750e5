// Composition root: config → deps → app → listen. Backends are chosen only by the two modules of backends/ it
// calls: storage.ts (SQLite or PostgreSQL, with the domains' adapters) and shared.ts (Redis or in-process).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { Config } from './config/schema.js';
import type { Deps } from './deps.js';
import { createApp } from './app.js';
import { startupFacts } from './startup-facts.js';
import { ensureAdminToken } from './admin/token.js';
import { openAuditService } from './audit/open.js';
import type { AuditService } from './audit/service.js';
import { auditFingerprints } from './audit/key-fingerprints.js';
import { loadAuditKeys } from './audit/keys.js';
import { KeyCache } from './keys/cache.js';
import { createLogger, type Logger, type LogSink } from './log.js';
import { parseCidr, type Cidr } from './net/cidr.js';
import { openStorage } from './backends/storage.js';
import { openSharedBackends } from './backends/shared.js';
import type { Store } from './store/port.js';
import { UpstreamPools } from './upstream/pool.js';
import { upstreamSchema } from './upstream/config.js';
import { createRiskService } from './risk/build.js';
import { loadSavedPolicy } from './risk/routes.js';
import { SafetyService } from './safety/service.js';
import { preparePrivateDir, reportTightened } from './store/private-files.js';
import { pepperFingerprint, requireSameSecrets } from './store/secret-fingerprints.js';
import { sealPlainWebhookSecrets, WebhookSecretBox } from './risk/webhook-secret.js';
import { Readiness, type Check } from './health/readiness.js';
import { GatewayMetrics } from './metrics/metrics.js';
import { startMetricsListener } from './metrics/listener.js';
import type { Redis } from 'ioredis';

export interface GatewayOptions {
  /** Where log lines go (tests capture them). */
  logSink?: LogSink;
  /** Print the generated admin token (CLI) or keep it for the caller. */
  onAdminToken?: (token: string) => void;
}

export interface Gateway {
  readonly url: string;
  readonly server: Server;
  readonly deps: Deps;
  close(): Promise<void>;
  /**
   * Graceful stop (SIGTERM): /readyz answers 503 at once, requests are still served for `server.drainDelayMs`
   * (time for a load balancer to notice), then no new connection is taken and requests in flight get up to
   * `server.shutdownTimeoutMs` to finish before the rest is closed.
   */
  drain(): Promise<void>;
}

function loadPepper(config: Config, log: Logger): string {
  if (config.keyPepper) return config.keyPepper;
  const file = join(config.dataDir, 'pepper');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const pepper = randomBytes(32).toString('hex');
  writeFileSync(file, pepper + '\n', { mode: 0o600 });
  log.info('generated key pepper', { file });
  return pepper;
}

function databasePassword(url: string): string {
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return '';
  }
}

export async function buildDeps(config: Config, opts: GatewayOptions = {}): Promise<Deps> {
  const log = createLogger(config.log.level, opts.logSink);
  reportTightened(preparePrivateDir(config.dataDir), log);
  // Upstream and external-guard keys: never in a response, an error or a log line.
  const withKeys = [...config.upstreams, ...config.safety.guards] as readonly { apiKey?: string | undefined }[];
  const secrets = withKeys.flatMap((u) => (u.apiKey ? [u.apiKey] : []));
  for (const s of secrets) log.addSecret(s);
  if (config.adminToken) log.addSecret(config.adminToken);
  if (config.store.kind === 'postgres') log.addSecret(databasePassword(config.store.url));
  const storage = openStorage(config, log);
  const { store } = storage;
  await store.migrate();
  // Replicas sharing a store must share its secrets: refuse to start (before anything is hashed or signed) if not.
  const pepper = loadPepper(config, log);
  const auditKeys = loadAuditKeys(config.audit, config.dataDir);
  await requireSameSecrets(store, [pepperFingerprint(pepper), ...auditFingerprints(auditKeys)]).catch(async (err: unknown) => {
    await store.close();
    throw err;
  });
  // Webhook secrets written in plain text by earlier versions are sealed once (idempotent across replicas).
  await sealPlainWebhookSecrets(store, new WebhookSecretBox(pepper))
    .then((n) => n > 0 && log.info('sealed stored webhook secrets', { count: n }))
    .catch((err: Error) => log.warn('could not seal stored webhook secrets; they stay readable and are sealed at the next start', { err: err.message }));
  const closers: Array<() => Promise<void>> = [() => store.close()];
  const keys = new KeyCache((kid) => store.getKey(kid));
  const shared = await openSharedBackends(config, log);
  closers.push(...shared.closers);
  // Another replica changed a key: drop it here too. A resync (Redis lost its change log) drops every cached key.
  shared.fanout.subscribe((ev) => {
    if (ev.kind === 'key') return keys.invalidate(ev.keyId);
    log.warn('fanout: resync requested; dropping every cached key');
    keys.clear();
  });
  const auditLog = await openAuditService(config, store, storage.auditLog, log, true, true, auditKeys);
  const audit = auditLog.sink;
  closers.push(() => auditLog.close());
  const pools = new UpstreamPools();
  closers.push(() => pools.close());
  const trustedProxies = config.server.trustedProxies.map(parseCidr).filter((c): c is Cidr => c !== undefined);

  let simulatorUrl: string | undefined;
  let upstreams = config.upstreams;
  if (upstreams.length === 0 || upstreams.some((u) => u.kind === 'simulator')) {
    const { startSimulator } = await import('./simulator/index.js');
    const sim = await startSimulator({ host: '127.0.0.1', port: 0 });
    simulatorUrl = sim.url;
    closers.push(() => sim.close());
    if (upstreams.length === 0) upstreams = [upstreamSchema.parse({ kind: 'simulator', name: 'simulator' })];
    log.warn('NO UPSTREAM CONFIGURED: answers come from the built-in simulator and are NOT real model output', { simulator: simulatorUrl });
  }
  const off = [config.risk.enabled ? '' : 'stolen-key detection (risk.enabled: false)', config.safety.enabled ? '' : 'content safety (safety.enabled: false)'].filter(Boolean);
  if (off.length > 0) log.warn(`DEFENCES TURNED OFF: ${off.join(' and ')}; meant only for measuring the rest of the pipeline`);
  const finalConfig: Config = upstreams === config.upstreams ? config : Object.freeze({ ...config, upstreams });

  const token = await ensureAdminToken(store, config.adminToken);
  if (token) opts.onAdminToken?.(token);

  const readiness = buildReadiness(store, shared.redis, auditLog);
  const base: Omit<Deps, 'risk'> = {
    config: finalConfig,
    log,
    store,
    keys,
    pepper,
    audit,
    auditLog,
    pools,
    trustedProxies,
    simulatorUrl,
    secrets,
    limiter: shared.limiter,
    fanout: shared.fanout,
    nonces: shared.nonces,
    keyChanged: (kid, version) => {
      keys.invalidate(kid);
      shared.fanout
        .publish(kid, version)
        .catch((err: unknown) => log.warn('fanout: could not announce a key change; other replicas see it when their cache expires', { kid, error: (err as Error).message }));
    },
    closers,
    safety: new SafetyService(finalConfig.safety, store, shared.safetyCounts),
    storeHealth: storage.health,
    readiness,
    metrics: config.metrics.enabled ? new GatewayMetrics({ perKey: config.metrics.perKey }, { readiness, audit: { sink: auditLog.sink, health: auditLog.health }, storeKind: store.kind }) : undefined,
  };
  const metrics = base.metrics;
  if (metrics) auditLog.sink.onCommit = (s, n) => metrics.auditCommitted(s, n);
  const risk = createRiskService(finalConfig, base, storage.risk, shared.riskSync);
  await loadSavedPolicy(risk, store);
  if (metrics) risk.onDecision = (a) => metrics.riskDecided(a);
  if (metrics) metrics.sources.openIncidents = async () => (await risk.listIncidents({ status: 'open', limit: 10_000 })).length;
  closers.push(() => risk.close());
  return { ...base, risk };
}

/** /readyz: the store, the audit sealer, and Redis when configured (its fallback keeps a replica serving, but not as configured). */
function buildReadiness(store: Store, redis: Redis | undefined, audit: Pick<AuditService, 'health'>): Readiness {
  const checks: Check[] = [
    { name: 'store', probe: (ms) => store.ping(ms) },
    // A sealer that stopped (a gap or a mismatch in the log) seals nothing more: not ready until an operator looks.
    { name: 'audit', probe: async () => void (audit.health.ok || Promise.reject(new Error(audit.health.problem ?? 'audit sealer stopped'))) },
  ];
  if (redis) checks.push({ name: 'redis', probe: async () => void (await redis.ping()) });
  return new Readiness(checks);
}

export async function startGateway(config: Config, opts: GatewayOptions = {}): Promise<Gateway> {
  const deps = await buildDeps(config, opts);
  const server = createApp(deps);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.server.port, config.server.host, () => resolve());
    });
  } catch (err) {
    // Nothing may keep the process alive after a failed start (a port in use must end it at once).
    await closeAll(deps);
    const code = (err as NodeJS.ErrnoException).code;
    const where = `${config.server.host}:${config.server.port}`;
    throw new Error(code === 'EADDRINUSE' ? `cannot listen on ${where}: the address is already in use` : `cannot listen on ${where}: ${code ?? (err as Error).message}`);
  }
  if (deps.metrics && config.metrics.listen) {
    try {
      const m = await startMetricsListener(deps.metrics, config.metrics.listen, deps.log);
      deps.closers.push(() => new Promise<void>((r) => m.close(() => r())));
    } catch (err) {
      await new Promise<void>((r) => server.close(() => r()));
      await closeAll(deps);
      throw err;
    }
  }
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  const url = `http://${host}:${addr.port}`;
  deps.log.info('warden listening', { url, ...startupFacts(deps.config, deps.store.kind) });
  let closed = false;
  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
  return {
    url,
    server,
    deps,
    async drain() {
      if (closed) return;
      deps.readiness.startDraining();
      deps.log.info('draining: /readyz now answers 503', { drainDelayMs: config.server.drainDelayMs, shutdownTimeoutMs: config.server.shutdownTimeoutMs });
      await sleep(config.server.drainDelayMs);
      if (closed) return;
      closed = true;
      const stopped = new Promise<void>((r) => server.close(() => r()));
      server.closeIdleConnections();
      await Promise.race([stopped, sleep(config.server.shutdownTimeoutMs)]);
      server.closeAllConnections();
      await stopped;
      await closeAll(deps);
    },
    async close() {
      if (closed) return;
      closed = true;
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
      await closeAll(deps);
    },
  };
}

async function closeAll(deps: Deps): Promise<void> {
  for (const c of [...deps.closers].reverse()) {
    try {
      await c();
    } catch (err) {
      deps.log.error('shutdown step failed', { error: (err as Error).message });
    }
  }
}
