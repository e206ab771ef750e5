// Stage test: the limit stage (its reserve part) behind a tiny server, driven by the official openai SDK.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { renderDenial } from '../errors/render.js';
import type { KeyLimits, KeyRecord } from '../keys/types.js';
import type { Usage } from '../api.js';
import type { RequestContext } from '../proxy/context.js';
import type { Stage } from '../proxy/stage.js';
import { limitsConfigSchema, type LimitsConfig } from './config.js';
import { MemoryLimiter } from './memory.js';
import { LimiterUnavailable, type Limiter } from './port.js';
import { limit } from './stage-limit.js';

const quiet = { warn: () => undefined, info: () => undefined };

function keyWith(limits: KeyLimits): KeyRecord {
  return { id: 'KID000000001', tenantId: 'T1', limits } as unknown as KeyRecord;
}

/** Runs `stage` for every request; the "upstream" answers with `usage` and counts what reached it. */
async function serve(stage: Stage, key: KeyRecord, usage: Usage) {
  const seen = { requests: 0, forwarded: 0 };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', async () => {
      seen.requests++;
      const body = JSON.parse(raw || '{}') as Record<string, unknown>;
      const endpoint = req.url?.includes('images') ? 'images' : 'chat';
      const ctx = { id: `r${seen.requests}`, route: { endpoint, style: 'openai' }, body, model: body.model, key, vars: {}, status: 0 } as unknown as RequestContext;
      const out = await stage.before!(ctx);
      if (!out.ok) {
        ctx.status = renderDenial(res, ctx.id, out.denial);
      } else {
        seen.forwarded++;
        ctx.usage = usage;
        ctx.status = 200;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: 'c',
            object: 'chat.completion',
            created: 0,
            model: 'gpt-4o',
            choices: [],
            usage: { prompt_tokens: usage.promptTokens, completion_tokens: usage.completionTokens, total_tokens: usage.totalTokens },
          }),
        );
      }
      stage.after!(ctx);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return { seen, client: (maxRetries = 0) => new OpenAI({ apiKey: 'test', baseURL: url, maxRetries }) };
}

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

const cfg = (over: Record<string, unknown> = {}): LimitsConfig => limitsConfigSchema.parse(over);
const small: Usage = { promptTokens: 10, completionTokens: 10, totalTokens: 20, images: 0 };
const chat = { model: 'gpt-4o', messages: [{ role: 'user' as const, content: 'hi' }] };

describe('limit stage (reserve)', () => {
  it('over requests/min: the SDK raises RateLimitError with retry-after and x-ratelimit headers', async () => {
    const { client, seen } = await serve(limit('reserve', { limiter: new MemoryLimiter(), config: cfg(), log: quiet }), keyWith({ requestsPerMinute: 2 }), small);
    await client().chat.completions.create(chat);
    await client().chat.completions.create(chat);
    const err = await client()
      .chat.completions.create(chat)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.RateLimitError);
    const e = err as InstanceType<typeof OpenAI.RateLimitError>;
    expect(e.code).toBe('rate_limit_exceeded');
    expect(Number(e.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(e.headers.get('x-ratelimit-limit-requests')).toBe('2');
    expect(e.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(e.headers.get('x-should-retry')).toBeNull();
    expect(seen.forwarded).toBe(2);
  });

  it('budget exhausted: insufficient_quota, and the SDK does not retry it', async () => {
    const { client, seen } = await serve(limit('reserve', { limiter: new MemoryLimiter(), config: cfg(), log: quiet }), keyWith({ imagesPerDay: 1 }), { ...small, images: 1 });
    await client().images.generate({ model: 'dall-e-3', prompt: 'a lighthouse' });
    const before = seen.requests;
    const err = (await client(3)
      .images.generate({ model: 'dall-e-3', prompt: 'a lighthouse' })
      .catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
    expect(err.status).toBe(429);
    expect(err.code).toBe('insufficient_quota');
    expect(err.type).toBe('insufficient_quota');
    expect(seen.requests - before).toBe(1); // maxRetries 3, yet one attempt
  });

  it('per-tenant limits bind across the tenant keys', async () => {
    const config = cfg({ tenants: { T1: { requestsPerMinute: 1 } } });
    const { client } = await serve(limit('reserve', { limiter: new MemoryLimiter(), config, log: quiet }), keyWith({}), small);
    await client().chat.completions.create(chat);
    const err = (await client()
      .chat.completions.create(chat)
      .catch((e: unknown) => e)) as Error;
    expect(err.message).toContain('tenant T1');
  });

  it('reconciles a large reservation down to the reported usage', async () => {
    const { client } = await serve(limit('reserve', { limiter: new MemoryLimiter(), config: cfg(), log: quiet }), keyWith({ tokensPerMinute: 1000 }), small);
    // Each reserves ~800 tokens, which two in a row would exceed without reconciliation.
    await client().chat.completions.create({ ...chat, max_tokens: 800 });
    await new Promise((r) => setTimeout(r, 20)); // after() queues the correction
    await expect(client().chat.completions.create({ ...chat, max_tokens: 800 })).resolves.toBeTruthy();
  });

  it('fail-closed limiter outage: 503, retried by the SDK', async () => {
    const down: Limiter = {
      kind: 'redis',
      consume: () => Promise.reject(new LimiterUnavailable('down')),
      adjust: async () => undefined,
      peek: async () => [],
      close: async () => undefined,
    };
    const { client, seen } = await serve(limit('reserve', { limiter: down, config: cfg(), log: quiet }), keyWith({}), small);
    const err = (await client(1)
      .chat.completions.create(chat)
      .catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
    expect(err.status).toBe(503);
    expect(seen.requests).toBe(2);
  });
});
