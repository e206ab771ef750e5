import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { azureContentSafety } from './azure-content-safety.js';
import { llamaGuard, parseLlamaGuard } from './llama-guard.js';
import { openaiModeration } from './openai-moderation.js';
import { runGuards } from './run.js';

type Reply = { status: number; body: unknown } | 'hang' | 'garbage';
let replies: Record<string, Reply> = {};
let seen: { path: string; headers: IncomingMessage['headers']; body: any }[] = [];
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0]!;
      seen.push({ path, headers: req.headers, body: data ? JSON.parse(data) : undefined });
      const r = replies[path];
      if (r === 'hang' || r === undefined) return; // never answers
      if (r === 'garbage') return res.writeHead(200, { 'content-type': 'application/json' }).end('<html>oops');
      res.writeHead(r.status, { 'content-type': 'application/json' }).end(JSON.stringify(r.body));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const input = { target: 'prompt' as const, text: 'some text', documents: ['a doc'] };
const opts = { timeoutMs: 300, failMode: 'open' as const };

// Shapes as documented: OpenAI moderation object; Azure text:analyze / text:shieldPrompt; OpenAI error envelope; Azure error.
const moderation = (flagged: boolean, scores: Record<string, number>) => ({
  id: 'modr-1',
  model: 'omni-moderation-latest',
  results: [
    {
      flagged,
      categories: Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, v >= 0.5])),
      category_scores: scores,
      category_applied_input_types: Object.fromEntries(Object.keys(scores).map((k) => [k, ['text']])),
    },
  ],
});
const analyze = (sev: Record<string, number>) => ({ blocklistsMatch: [], categoriesAnalysis: Object.entries(sev).map(([category, severity]) => ({ category, severity })) });
const azureError = { error: { code: 'InvalidRequestBody', message: 'The request body is invalid.', target: null, details: [], innererror: null } };
const openaiError = (code: string) => ({ error: { message: 'x', type: 'invalid_request_error', param: null, code } });

describe('OpenAI moderation guard', () => {
  const g = () => openaiModeration({ baseUrl: `${base}/v1`, apiKey: 'sk-test-guard' });

  it('maps flagged categories to severities and sends the documented request', async () => {
    replies = { '/v1/moderations': { status: 200, body: moderation(true, { violence: 0.91, 'self-harm': 0.3, hate: 0.01, illicit: 0.6 }) } };
    seen = [];
    const r = await runGuards([g()], input, opts);
    expect(r.failures).toEqual([]);
    expect(r.findings.map((f) => [f.category, f.severity])).toEqual([
      ['violence', 'high'],
      ['self_harm', 'low'],
      ['illicit', 'medium'],
    ]);
    expect(seen[0]!.headers.authorization).toBe('Bearer sk-test-guard');
    expect(seen[0]!.body).toEqual({ model: 'omni-moderation-latest', input: 'some text' });
  });

  it.each([
    [401, 'invalid_api_key'],
    [429, 'rate_limit_exceeded'],
    [500, 'server_error'],
  ])('reports HTTP %s as a failure, never a pass', async (status, code) => {
    replies = { '/v1/moderations': { status, body: openaiError(code) } };
    const r = await runGuards([g()], input, { ...opts, failMode: 'closed' });
    expect(r.failures[0]!.reason).toContain(`HTTP ${status}`);
    expect(r.refuse).toBe(true);
  });
});

describe('Azure AI Content Safety guard', () => {
  const g = () => azureContentSafety({ endpoint: base, apiKey: 'az-test-key' });

  it('reads categoriesAnalysis severities and shieldPrompt attacks', async () => {
    replies = {
      '/contentsafety/text:analyze': { status: 200, body: analyze({ Hate: 0, SelfHarm: 0, Sexual: 2, Violence: 4 }) },
      '/contentsafety/text:shieldPrompt': { status: 200, body: { userPromptAnalysis: { attackDetected: true }, documentsAnalysis: [{ attackDetected: true }] } },
    };
    seen = [];
    const r = await runGuards([g()], input, opts);
    expect(r.findings.map((f) => [f.category, f.severity])).toEqual([
      ['sexual', 'low'],
      ['violence', 'medium'],
      ['jailbreak', 'high'],
      ['indirect_attack', 'high'],
    ]);
    const shield = seen.find((s) => s.path.endsWith('shieldPrompt'))!;
    expect(shield.headers['ocp-apim-subscription-key']).toBe('az-test-key');
    expect(shield.body).toEqual({ userPrompt: 'some text', documents: ['a doc'] });
  });

  it('treats the documented error body and malformed answers as failures', async () => {
    replies = { '/contentsafety/text:analyze': { status: 400, body: azureError }, '/contentsafety/text:shieldPrompt': 'garbage' };
    const r = await runGuards([g()], input, opts);
    expect(r.failures[0]!.reason).toMatch(/InvalidRequestBody|malformed/);
    expect(r.refuse).toBe(false);
  });
});

describe('Llama Guard guard', () => {
  const g = () => llamaGuard({ baseUrl: `${base}/lg/v1`, model: 'llama-guard-3-8b' });
  const chat = (content: string) => ({
    id: 'c1',
    object: 'chat.completion',
    created: 1,
    model: 'llama-guard-3-8b',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
  });

  it.each([
    ['safe', []],
    [
      'unsafe\nS1,S10',
      [
        ['violence', 'S1'],
        ['hate', 'S10'],
      ],
    ],
    ['\n\nunsafe\nS11', [['self_harm', 'S11']]],
  ])('parses %j', async (content, expected) => {
    replies = { '/lg/v1/chat/completions': { status: 200, body: chat(content) } };
    const r = await runGuards([g()], input, opts);
    expect(r.findings.map((f) => [f.category, f.hazard])).toEqual(expected);
  });

  it('rejects an answer that is not a verdict', async () => {
    expect(parseLlamaGuard('I cannot help with that')).toBeUndefined();
    replies = { '/lg/v1/chat/completions': { status: 200, body: chat('Sure! Here is...') } };
    expect((await runGuards([g()], input, opts)).failures).toHaveLength(1);
  });
});

describe('timeouts and fail modes', () => {
  it('a hanging guard never holds the request past its timeout: open goes on, closed refuses', async () => {
    replies = { '/v1/moderations': 'hang' };
    const g = openaiModeration({ baseUrl: `${base}/v1`, apiKey: 'k' });
    const open = await runGuards([g], input, { timeoutMs: 100, failMode: 'open' });
    expect(open.failures[0]!.reason).toContain('timeout');
    expect(open.refuse).toBe(false);
    const closed = await runGuards([g], input, { timeoutMs: 100, failMode: 'closed' });
    expect(closed.refuse).toBe(true);
  });

  it('an unreachable guard is a failure', async () => {
    const g = openaiModeration({ baseUrl: 'http://127.0.0.1:1/v1', apiKey: 'k' });
    const r = await runGuards([g], input, { timeoutMs: 1000, failMode: 'closed' });
    expect(r.refuse).toBe(true);
  });
});
