import { Readable } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { Deps } from '../deps.js';
import { deny, OK, type Outcome } from '../errors/denial.js';
import type { RouteMatch } from '../api.js';
import { createHandler } from './handler.js';
import { READ_BODY, type Stage } from './stage.js';
import type { StageName } from './stage-name.js';

const deps = {
  config: { server: { bodyLimitBytes: 1024 } },
  trustedProxies: [],
  audit: { flush: async () => undefined },
  log: { warn() {}, error() {}, info() {} },
} as unknown as Deps;
const route: RouteMatch = { endpoint: 'chat', style: 'openai' };

function req(chunks: string[]): IncomingMessage {
  const r = Readable.from(
    chunks.map((c) => Buffer.from(c)),
    { objectMode: false },
  ) as unknown as IncomingMessage;
  Object.assign(r, { method: 'POST', url: '/v1/chat/completions', headers: {}, rawHeaders: [], socket: { remoteAddress: '127.0.0.1' } });
  return r;
}

function res(): ServerResponse & { status: number; text: string } {
  const r = {
    status: 0,
    text: '',
    headersSent: false,
    statusCode: 200,
    shouldKeepAlive: true,
    setHeader() {
      return r;
    },
    writeHead(s: number) {
      r.status = s;
      r.headersSent = true;
      return r;
    },
    end(s?: string) {
      if (s) r.text += s;
      return r;
    },
    destroy() {},
  };
  return r as unknown as ServerResponse & { status: number; text: string };
}

describe('handler stages', () => {
  it('runs sync and async before-hooks in order until one denies, then after-hooks in reverse', async () => {
    const seen: string[] = [];
    const stage = (name: string, o: Outcome, async: boolean): Stage => ({
      name: name as StageName,
      before: () => {
        seen.push(name);
        return async ? Promise.resolve(o) : o;
      },
      after: () => void seen.push(`after:${name}`),
    });
    for (const mode of [
      [false, false, false],
      [true, false, true],
      [false, true, false],
    ]) {
      seen.length = 0;
      const stages = [stage('a', OK, mode[0]!), stage('b', OK, mode[1]!), stage('c', deny('INVALID_REQUEST', 'no'), mode[2]!), stage('d', OK, false)];
      const r = res();
      await createHandler(deps, stages)(req(['{}']), r, route);
      expect(seen).toEqual(['a', 'b', 'c', 'after:d', 'after:c', 'after:b', 'after:a']);
      expect(r.status).toBe(400);
      expect(JSON.parse(r.text).error.message).toBe('no');
    }
  });

  it('skips stages without a hook and keeps the order of those with one', async () => {
    const seen: string[] = [];
    const stages: Stage[] = [
      { name: 'r' as StageName, after: () => void seen.push('after:r') },
      { name: 'a' as StageName, before: () => (seen.push('a'), OK), after: () => void seen.push('after:a') },
      { name: 'o' as StageName, onResponse: () => OK },
      { name: 'b' as StageName, before: () => (seen.push('b'), Promise.resolve(OK)) },
      { name: 'c' as StageName, before: () => (seen.push('c'), deny('INVALID_REQUEST', 'no')), after: () => void seen.push('after:c') },
      { name: 'd' as StageName, before: () => (seen.push('d'), OK), after: () => void seen.push('after:d') },
    ];
    const handle = createHandler(deps, stages);
    for (let i = 0; i < 2; i++) {
      seen.length = 0;
      await handle(req(['{}']), res(), route);
      expect(seen).toEqual(['a', 'b', 'c', 'after:d', 'after:c', 'after:a', 'after:r']);
    }
  });

  it('hands the stages the request body exactly as received, in one chunk or several', async () => {
    for (const chunks of [['{"a":"é"}'], ['{"a"', ':"é"}'], []]) {
      let raw: Buffer | undefined;
      let kept: unknown = 'unset';
      const stages: Stage[] = [
        {
          name: 'peek' as StageName,
          before: (ctx) => ((raw = Buffer.from(ctx.vars.rawBody!)), deny('INVALID_REQUEST', 'stop')),
          after: (ctx) => void (kept = ctx.vars.rawBody),
        },
      ];
      await createHandler(deps, stages)(req(chunks), res(), route);
      expect(raw?.toString('utf8')).toBe(chunks.join(''));
      // The body is not kept past the stages (the context lives on in the audit queue).
      expect(kept).toBeUndefined();
    }
  });

  it('runs the stages before READ_BODY on the headers alone; a denial there never reads the body', async () => {
    const seen: string[] = [];
    const header = (o: Outcome): Stage => ({ name: 'h' as StageName, before: (ctx) => (seen.push(`h:${ctx.vars.rawBody === undefined ? 'no body' : 'body'}`), o) });
    const body: Stage = { name: 'b' as StageName, before: (ctx) => (seen.push(`b:${ctx.vars.rawBody?.toString()}`), deny('INVALID_REQUEST', 'stop')) };
    const r1 = req(['{"a":1}']);
    await createHandler(deps, [header(OK), READ_BODY, body])(r1, res(), route);
    expect(seen).toEqual(['h:no body', 'b:{"a":1}']);
    seen.length = 0;
    const r2 = req(['{"a":1}']);
    const out = res();
    await createHandler(deps, [header(deny('INVALID_API_KEY', 'who?')), READ_BODY, body])(r2, out, route);
    expect(seen).toEqual(['h:no body']);
    expect(out.status).toBe(401);
    expect(r2.readableEnded).toBe(false);
  });

  it('refuses a body over the limit before any stage runs', async () => {
    let ran = false;
    const r = res();
    await createHandler(deps, [{ name: 's' as StageName, before: () => ((ran = true), OK) }])(req(['x'.repeat(1025)]), r, route);
    expect(ran).toBe(false);
    expect(r.status).toBe(413);
  });
});
