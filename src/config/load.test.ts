import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load.js';

const file = (text: string): string => {
  const p = join(mkdtempSync(join(tmpdir(), 'warden-cfg-')), 'warden.yaml');
  writeFileSync(p, text);
  return p;
};

describe('loadConfig', () => {
  it('defaults to the embedded store on loopback', () => {
    const c = loadConfig({});
    expect(c.store).toEqual({ kind: 'sqlite' });
    expect(c.server).toMatchObject({ host: '127.0.0.1', port: 8080 });
    expect(c.upstreams).toEqual([]);
    expect(Object.isFrozen(c.server)).toBe(true);
  });

  it('environment variables override the YAML file', () => {
    const p = file('server:\n  port: 9000\n  trustedProxies: [10.0.0.0/8]\nupstreams:\n  - {kind: openai, name: o, apiKey: sk-file}\n');
    const c = loadConfig({
      WARDEN_CONFIG: p,
      WARDEN_PORT: '9100',
      WARDEN_HOST: '0.0.0.0',
      WARDEN_DATA_DIR: '/tmp/x',
      WARDEN_ADMIN_TOKEN: 'admin-token-0123456789',
      WARDEN_UPSTREAM_URL: 'http://127.0.0.1:9999/v1',
      WARDEN_UPSTREAM_KEY: 'sk-env',
      WARDEN_TRUSTED_PROXIES: '127.0.0.1/32, ::1/128',
      WARDEN_DATABASE_URL: 'postgres://localhost/test',
      WARDEN_REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(c.server).toMatchObject({ port: 9100, host: '0.0.0.0', trustedProxies: ['127.0.0.1/32', '::1/128'] });
    expect(c.dataDir).toBe('/tmp/x');
    expect(c.upstreams).toEqual([expect.objectContaining({ kind: 'compatible', baseUrl: 'http://127.0.0.1:9999/v1', apiKey: 'sk-env' })]);
    expect(c.store).toMatchObject({ kind: 'postgres', url: 'postgres://localhost/test', queryTimeoutMs: 5_000, writeRetryMs: 15_000 });
    expect(c.redis).toEqual({ url: 'redis://127.0.0.1:6379' });
  });

  it("WARDEN_DATABASE_URL keeps the file's PostgreSQL deadlines", () => {
    const p = file('store:\n  kind: postgres\n  url: postgres://file/db\n  queryTimeoutMs: 1500\n');
    const c = loadConfig({ WARDEN_CONFIG: p, WARDEN_DATABASE_URL: 'postgres://env/db' });
    expect(c.store).toMatchObject({ kind: 'postgres', url: 'postgres://env/db', queryTimeoutMs: 1500, connectTimeoutMs: 2_000 });
  });

  it('reports every issue at once', () => {
    const p = file('server:\n  port: -1\nupstreams:\n  - {kind: azure, name: a}\n');
    try {
      loadConfig({ WARDEN_CONFIG: p });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const issues = (e as ConfigError).issues.join('\n');
      expect(issues).toContain('server.port');
      expect(issues).toContain('upstreams.0.endpoint');
      expect(issues).toContain('upstreams.0.apiKey');
    }
  });

  it('an unreadable file is a clear error', () => {
    expect(() => loadConfig({ WARDEN_CONFIG: '/nonexistent/warden.yaml' })).toThrow(/cannot read/);
  });
});
