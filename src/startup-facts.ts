// What the start-up log line states: the store and its schema, Redis, the upstreams (never their keys) and the defences.
import type { Config } from './config/schema.js';
import { sqliteMigrations } from './store/migrations/sqlite.js';
import { postgresMigrations } from './store/postgres/migrations.js';

/** An address without credentials, path or query: what a log may show of a URL that can carry a password. */
function origin(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '(unparsable URL)';
  }
}

function upstream(u: Config['upstreams'][number]): string {
  if (u.kind === 'simulator') return `${u.name} (built-in simulator)`;
  return `${u.name} (${u.kind} ${origin(u.kind === 'azure' ? u.endpoint : u.baseUrl)})`;
}

/** Pure: the facts an operator checks first when a gateway starts. Every migration has run by then (store.migrate). */
export function startupFacts(config: Config, storeKind: string): Record<string, unknown> {
  const migrations = storeKind === 'postgres' ? postgresMigrations : sqliteMigrations;
  const risk = config.risk as { enabled?: boolean };
  const safety = config.safety as { enabled?: boolean };
  return {
    store: storeKind,
    schema: `version ${migrations[migrations.length - 1]?.version ?? 0}, every migration applied`,
    redis: config.redis ? origin(config.redis.url) : 'none (limits, revocations and nonces in this process)',
    upstreams: config.upstreams.map(upstream),
    defences: {
      audit: 'on',
      limits: 'on',
      risk: risk.enabled === false ? 'off' : 'on',
      safety: safety.enabled === false ? 'off' : 'on',
      trustedProxies: config.server.trustedProxies.length,
      console: config.console.enabled ? 'on' : 'off',
      metrics: config.metrics.enabled ? 'on' : 'off',
    },
  };
}
