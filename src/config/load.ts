// Loads config once: YAML file (WARDEN_CONFIG) overlaid by environment variables; reports every issue.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { configSchema, type Config } from './schema.js';
import { unknownKeys } from './unknown-keys.js';

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid configuration:\n  - ${issues.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;
type Obj = Record<string, unknown>;

function obj(parent: Obj, key: string): Obj {
  const v = parent[key];
  if (v && typeof v === 'object' && !Array.isArray(v)) return v as Obj;
  const fresh: Obj = {};
  parent[key] = fresh;
  return fresh;
}

/** The WARDEN_* environment variables win over the file. */
export function applyEnv(raw: Obj, env: Env): Obj {
  const out: Obj = structuredClone(raw);
  const server = obj(out, 'server');
  if (env['WARDEN_PORT'] !== undefined) server['port'] = Number(env['WARDEN_PORT']);
  if (env['WARDEN_HOST'] !== undefined) server['host'] = env['WARDEN_HOST'];
  if (env['WARDEN_TRUSTED_PROXIES'] !== undefined)
    server['trustedProxies'] = env['WARDEN_TRUSTED_PROXIES']
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (env['WARDEN_DATA_DIR'] !== undefined) out['dataDir'] = env['WARDEN_DATA_DIR'];
  if (env['WARDEN_ADMIN_TOKEN'] !== undefined) out['adminToken'] = env['WARDEN_ADMIN_TOKEN'];
  // The URL from the environment; deadlines and pool size from the file's postgres store, if any.
  if (env['WARDEN_DATABASE_URL']) out['store'] = { ...(obj(out, 'store')['kind'] === 'postgres' ? obj(out, 'store') : {}), kind: 'postgres', url: env['WARDEN_DATABASE_URL'] };
  if (env['WARDEN_REDIS_URL']) out['redis'] = { url: env['WARDEN_REDIS_URL'] };
  if (env['WARDEN_LOG_LEVEL'] !== undefined) obj(out, 'log')['level'] = env['WARDEN_LOG_LEVEL'];
  if (env['WARDEN_AUDIT_WORKER'] !== undefined) obj(out, 'audit')['worker'] = env['WARDEN_AUDIT_WORKER'];
  if (env['WARDEN_UPSTREAM_URL']) {
    const up: Obj = { kind: 'compatible', name: 'default', baseUrl: env['WARDEN_UPSTREAM_URL'] };
    if (env['WARDEN_UPSTREAM_KEY']) up['apiKey'] = env['WARDEN_UPSTREAM_KEY'];
    out['upstreams'] = [up];
  }
  return out;
}

export function parseConfig(raw: unknown): Config {
  const unknown = unknownKeys(configSchema, raw);
  const r = configSchema.safeParse(raw);
  const issues = [...unknown, ...(r.success ? [] : r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`))];
  if (!r.success || issues.length > 0) throw new ConfigError(issues);
  return deepFreeze(r.data);
}

export function loadConfig(env: Env = process.env, overrides: Obj = {}): Config {
  let fileRaw: Obj = {};
  const path = env['WARDEN_CONFIG'];
  if (path) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw new ConfigError([`WARDEN_CONFIG: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`]);
    }
    const parsed: unknown = parseYaml(text);
    if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) throw new ConfigError([`${path}: top level must be a mapping`]);
    fileRaw = (parsed ?? {}) as Obj;
  }
  return parseConfig(applyEnv({ ...fileRaw, ...overrides }, env));
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}
