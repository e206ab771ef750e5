import { describe, expect, it } from 'vitest';
import { parseConfig } from './config/load.js';
import { startupFacts } from './startup-facts.js';
import { postgresMigrations } from './store/postgres/migrations.js';

describe('startupFacts', () => {
  it('states store, schema, Redis, upstreams and defences, with no key or password', () => {
    const config = parseConfig({
      dataDir: '/tmp/x',
      redis: { url: 'redis://:hunter2-redis@cache.internal:6380/0' },
      store: { kind: 'postgres', url: 'postgres://warden:pg-secret@db.internal/warden' },
      upstreams: [
        { name: 'oai', kind: 'openai', apiKey: 'sk-live-secret-123', models: ['*'] },
        { name: 'az', kind: 'azure', endpoint: 'https://me:pw@res.openai.azure.com/x?y=1', apiKey: 'az-secret', apiVersion: '2024-10-21', deployments: {}, models: ['*'] },
      ],
      risk: { enabled: false },
      server: { trustedProxies: ['10.0.0.0/8'] },
    });
    const f = startupFacts(config, 'postgres');
    const text = JSON.stringify(f);
    for (const secret of ['hunter2', 'pg-secret', 'sk-live', 'az-secret', 'me:pw', 'y=1']) expect(text).not.toContain(secret);
    expect(f).toMatchObject({
      store: 'postgres',
      schema: `version ${postgresMigrations[postgresMigrations.length - 1]!.version}, every migration applied`,
      redis: 'redis://cache.internal:6380',
      upstreams: ['oai (openai https://api.openai.com)', 'az (azure https://res.openai.azure.com)'],
      defences: { risk: 'off', safety: 'on', trustedProxies: 1 },
    });
  });
});
