// Records what real clients send (header names, in order) and checks the catalogue holds exactly that.
import { execFile } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintOf } from '../fingerprint.js';
import { RECORDINGS } from './catalogue.js';
import { stackOf, stackSignature } from './variants.js';

const run = promisify(execFile);
let server: Server;
let base = '';
const seen: { names: string[]; headers: Record<string, string> }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const names: string[] = [];
    const headers: Record<string, string> = {};
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const n = req.rawHeaders[i]!.toLowerCase();
      names.push(n);
      headers[n] ??= req.rawHeaders[i + 1]!;
    }
    seen.push({ names, headers });
    req.resume();
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ id: 'c', object: 'chat.completion', created: 0, model: 'gpt-4o-mini', choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** What one client call sent: the request the server saw last. */
async function record(call: () => Promise<unknown>): Promise<{ names: string[]; headers: Record<string, string> }> {
  const before = seen.length;
  await call();
  expect(seen.length).toBe(before + 1);
  return seen[seen.length - 1]!;
}

const fixture = (client: string, source = 'recorded') => {
  const r = RECORDINGS.find((x) => x.client === client && x.source === source);
  if (!r) throw new Error(`no ${source} entry for ${client}`);
  return r;
};

async function has(cmd: string, args: string[]): Promise<boolean> {
  try {
    await run(cmd, args, { timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}
const curl = await has('curl', ['--version']);
const requests = await has('python3', ['-c', 'import requests']);

describe('recorded clients', () => {
  it("openai-node (the project's openai dependency) sends the recorded order, and is the js SDK family", async () => {
    const openai = new OpenAI({ apiKey: 'sk-recording-0000', baseURL: `${base}/v1`, maxRetries: 0 });
    const got = await record(() => openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }));
    expect(got.names).toEqual(fixture('openai-node').headers);
    // The documented 4.x order (stainless block, then node-fetch and node:http) is the same family, another version.
    const v6 = fingerprintOf(got.headers, got.names);
    const v4 = fingerprintOf({ ...got.headers, 'user-agent': 'OpenAI/JS 4.73.1', 'x-stainless-package-version': '4.73.1' }, fixture('openai-node', 'documented').headers);
    expect(v4.coarse).toBe(v6.coarse);
    expect(v4.fine).not.toBe(v6.fine);
  });

  it("Node's fetch (undici) sends the recorded order", async () => {
    const got = await record(() => fetch(`${base}/v1/chat/completions`, { method: 'POST', headers: { authorization: 'Bearer x', 'content-type': 'application/json' }, body: '{}' }));
    expect(got.names).toEqual(fixture('Node fetch (undici)').headers);
  });

  it.skipIf(!curl)('curl sends the recorded order', async () => {
    const got = await record(() =>
      run('curl', ['-s', '-o', '/dev/null', '-X', 'POST', `${base}/v1/chat/completions`, '-H', 'authorization: Bearer x', '-H', 'content-type: application/json', '-d', '{}']),
    );
    expect(got.names).toEqual(fixture('curl').headers);
  });

  it.skipIf(!requests)('python-requests sends the recorded order', async () => {
    const got = await record(() => run('python3', ['-c', `import requests; requests.post("${base}/v1/chat/completions", headers={"authorization": "Bearer x"}, json={})`]));
    expect(got.names).toEqual(fixture('python-requests').headers);
  });

  it('node:http (the transport of node-fetch 2, axios, openai-node 4) puts host and connection after the given headers', async () => {
    const got = await record(
      () =>
        new Promise<void>((resolve, reject) => {
          request(`${base}/v1/models`, { headers: { authorization: 'Bearer x', accept: 'application/json' } }, (res) => (res.resume(), res.on('end', resolve)))
            .on('error', reject)
            .end();
        }),
    );
    expect(got.names).toEqual(['authorization', 'accept', 'host', 'connection']);
    // As the documented openai-node 4.x entry has it.
    expect(stackSignature(fixture('openai-node', 'documented').headers).endsWith('host,connection')).toBe(true);
  });
});

describe('variants derived from the recordings', () => {
  const sdkHeaders = {
    'user-agent': 'OpenAI/JS 6.49.0',
    'x-stainless-lang': 'js',
    'x-stainless-package-version': '6.49.0',
    'x-stainless-os': 'Linux',
    'x-stainless-arch': 'x64',
    'x-stainless-runtime': 'node',
    'x-stainless-runtime-version': 'v20.17.0',
  };

  it('every entry says where it comes from, and each known order maps back to its family', () => {
    for (const r of RECORDINGS) {
      expect(r.from.length).toBeGreaterThan(10);
      expect(stackOf(r.headers)?.families.has(r.family)).toBe(true);
    }
    expect(new Set(RECORDINGS.filter((r) => r.family.startsWith('sdk:')).map((r) => r.family))).toEqual(new Set(['sdk:js', 'sdk:python', 'sdk:java', 'sdk:go', 'sdk:dotnet']));
  });

  it("the Node SDK's headers over another client's recorded stack are another family", () => {
    const real = fingerprintOf(sdkHeaders, fixture('openai-node').headers);
    const overRequests = fingerprintOf(sdkHeaders, fixture('python-requests').headers);
    const overCurl = fingerprintOf(sdkHeaders, fixture('curl').headers);
    expect(overRequests.coarse).not.toBe(real.coarse);
    expect(overCurl.coarse).not.toBe(real.coarse);
    expect(overRequests.label).toContain('over python-requests');
    // An order no recording has (a release not recorded yet) keeps the SDK's family.
    expect(fingerprintOf(sdkHeaders, ['accept', 'x-stainless-lang', 'user-agent', 'host']).coarse).toBe(real.coarse);
  });

  it('a plain client on its recorded stack is one family across versions and application headers', () => {
    const order = fixture('python-requests').headers;
    const a = fingerprintOf({ 'user-agent': 'python-requests/2.31.0' }, order);
    const b = fingerprintOf({ 'user-agent': 'python-requests/2.34.2' }, [...order.slice(0, 5), 'x-app-trace', ...order.slice(5)]);
    expect(a.coarse).toBe(b.coarse);
    expect(a.fine).not.toBe(b.fine);
    // Unrecorded orders still tell plain clients apart by order.
    expect(fingerprintOf({ 'user-agent': 'python-requests/2.31.0' }, ['user-agent', 'host']).coarse).not.toBe(a.coarse);
  });

  it('openai-dotnet is recognised by its user agent, without x-stainless headers', () => {
    const fp = fingerprintOf({ 'user-agent': 'OpenAI/2.1.0 (.NET 8.0.11; Linux)' }, fixture('openai-dotnet', 'documented').headers);
    const next = fingerprintOf({ 'user-agent': 'OpenAI/3.0.0 (.NET 9.0.1; Linux)' }, fixture('openai-dotnet', 'documented').headers);
    expect(fp.coarse).toBe(next.coarse);
  });
});
