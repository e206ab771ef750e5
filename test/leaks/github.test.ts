// GitHub secret-scanning partner endpoint through a real gateway: signatures, replays, labels, suspension, incident, webhook.
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatKey, newKid, newSecret } from '../../src/keys/format.js';
import { ADMIN_TOKEN, startHarness, type Harness } from '../harness.js';

const WEBHOOK_SECRET = 'leak-webhook-secret-0123456789';

function p256(): { privateKey: KeyObject; pem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { privateKey, pem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

const gh = p256();
const other = p256();
const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

let dir: string;
let keysFile: string;
const writeKeys = (entries: { id: string; pem: string }[], mtime: number): void => {
  writeFileSync(keysFile, JSON.stringify({ public_keys: entries.map((e) => ({ key_identifier: e.id, key: e.pem, is_current: true })) }));
  utimesSync(keysFile, mtime, mtime);
};

let h: Harness;
let hook: Server;
const hookEvents: { type: string; data: any }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'warden-leaks-'));
  keysFile = join(dir, 'github-keys.json');
  writeKeys([{ id: 'gh-key-1', pem: gh.pem }], 1_700_000_000);
  hook = createServer((req, res) => {
    let b = '';
    req.on('data', (c) => (b += c));
    req.on('end', () => {
      hookEvents.push(JSON.parse(b));
      res.end('ok');
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
  h = await startHarness({ config: { leaks: { github: { publicKeysFile: keysFile } }, risk: { webhooks: [{ url: hookUrl, secret: WEBHOOK_SECRET }] } } });
}, 30_000);

afterAll(async () => {
  await h.close();
  await new Promise((r) => hook.close(r));
  rmSync(h.dataDir, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

function post(body: string, headers: Record<string, string>): Promise<Response> {
  return h.fetch('/leaks/github', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}
const signed = (body: string, key = gh.privateKey, id = 'gh-key-1') => ({
  'github-public-key-identifier': id,
  'github-public-key-signature': sign('sha256', Buffer.from(body), key).toString('base64'),
});
const report = (items: { token: string; url?: string; source?: string }[]): string =>
  JSON.stringify(items.map((i) => ({ type: 'warden_api_key', url: 'https://github.com/o/r/blob/abc/config.js', source: 'content', ...i })));

const keyState = async (id: string) => (await h.admin('GET', `/keys/${id}`)).body as { status: string; leaked: boolean };

describe('POST /leaks/github', () => {
  it('a good signature on a live token: true_positive feedback, key suspended and flagged, critical incident with url/source, webhook', async () => {
    const k = await h.quickKey();
    const body = report([{ token: k.key, url: 'https://gist.github.com/x/1', source: 'gist' }]);
    const res = await post(body, signed(body));
    expect(res.status).toBe(200);
    expect((await res.json()) as any).toEqual([{ token_hash: sha(k.key), token_type: 'warden_api_key', label: 'true_positive' }]);
    expect(await keyState(k.id)).toMatchObject({ status: 'suspended', leaked: true });
    const chat = await h.fetch('/v1/chat/completions', {
      method: 'POST',
      headers: { authorization: `Bearer ${k.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(chat.status).toBe(403);
    const inc = (await h.admin('GET', `/incidents?keyId=${k.id}`)).body.data;
    expect(inc).toHaveLength(1);
    expect(inc[0]).toMatchObject({ severity: 'critical', action: 'suspend-key', leak: { reporter: 'github', url: 'https://gist.github.com/x/1', source: 'gist' } });
    for (let i = 0; i < 50 && !hookEvents.some((e) => e.data?.keyId === k.id); i++) await new Promise((r) => setTimeout(r, 50));
    expect(hookEvents.find((e) => e.data?.keyId === k.id)).toMatchObject({ type: 'incident.opened', data: { leak: { url: 'https://gist.github.com/x/1' } } });
  });

  it('unsigned, badly signed, tampered or unknown-key posts are refused (401) and touch no key', async () => {
    const k = await h.quickKey();
    const body = report([{ token: k.key }]);
    const cases: [string, Record<string, string>][] = [
      [body, {}],
      [body, { 'github-public-key-identifier': 'gh-key-1' }],
      [body, signed(body, other.privateKey)],
      [body, signed(body, gh.privateKey, 'not-listed')],
      [body, { 'github-public-key-identifier': 'gh-key-1', 'github-public-key-signature': '!!!' }],
      [body.replace('content', 'commit'), signed(body)],
    ];
    for (const [b, hdrs] of cases) {
      const res = await post(b, hdrs);
      expect(res.status).toBe(401);
      expect(((await res.json()) as any).error.code).toBe('invalid_signature');
    }
    expect(await keyState(k.id)).toMatchObject({ status: 'active', leaked: false });
  });

  it('unknown, look-alike and wrong-secret tokens are false_positive; a revoked key is labelled and left revoked', async () => {
    const real = await h.quickKey();
    const gone = await h.quickKey();
    await h.admin('POST', `/keys/${gone.id}/revoke`, {});
    const unknown = formatKey('l', newKid(), newSecret());
    const wrongSecret = formatKey('l', real.id, newSecret());
    const badSum = real.key.slice(0, -1) + (real.key.endsWith('A') ? 'B' : 'A');
    const body = report([{ token: unknown }, { token: wrongSecret }, { token: badSum }, { token: 'not-a-key' }, { token: gone.key }]);
    const res = await post(body, signed(body));
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).map((x: { label: string }) => x.label)).toEqual(['false_positive', 'false_positive', 'false_positive', 'false_positive', 'true_positive']);
    expect(await keyState(real.id)).toMatchObject({ status: 'active', leaked: false });
    expect(await keyState(gone.id)).toMatchObject({ status: 'revoked' });
    expect((await h.admin('GET', `/incidents?keyId=${gone.id}`)).body.data).toHaveLength(0);
  });

  it('a replayed post is refused, also re-signed; the reinstated key stays active', async () => {
    const k = await h.quickKey();
    const body = report([{ token: k.key }]);
    const headers = signed(body);
    expect((await post(body, headers)).status).toBe(200);
    await h.admin('POST', `/keys/${k.id}/reinstate`, {});
    for (const hdrs of [headers, signed(body)]) {
      const res = await post(body, hdrs);
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).error.code).toBe('replayed_report');
    }
    expect((await keyState(k.id)).status).toBe('active');
  });

  it("a store fault answers 503 (no 500, no stack); GitHub's retry of the same body is then processed, not a replay", async () => {
    const k = await h.quickKey();
    const body = report([{ token: k.key }]);
    const headers = signed(body);
    const spy = vi.spyOn(h.gateway.deps.store, 'getKey').mockRejectedValueOnce(new Error('connection refused'));
    try {
      const res = await post(body, headers);
      expect(res.status).toBe(503);
      expect(((await res.json()) as any).error.code).toBe('service_unavailable');
    } finally {
      spy.mockRestore();
    }
    expect((await keyState(k.id)).status).toBe('active');
    expect((await post(body, headers)).status).toBe(200);
    expect((await keyState(k.id)).status).toBe('suspended');
    expect((await post(body, headers)).status).toBe(400);
  });

  it('bad bodies: not JSON, wrong shape, too large → JSON errors, never a 500', async () => {
    for (const b of ['{nope', JSON.stringify({ token: 'x' }), '[]']) {
      const res = await post(b, signed(b));
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).error.message).toBeTruthy();
    }
    const big = JSON.stringify([{ token: 'x'.repeat(300 * 1024), type: 't' }]);
    expect((await post(big, signed(big))).status).toBe(413);
  });

  it('the key file is re-read when it changes: a rotated key verifies, the dropped one does not; no usable key → 404', async () => {
    const rotated = p256();
    writeKeys([{ id: 'gh-key-2', pem: rotated.pem }], 1_700_000_100);
    const k = await h.quickKey();
    const body = report([{ token: k.key, source: 'rotation' }]);
    expect((await post(body, signed(body))).status).toBe(401);
    expect((await post(body, signed(body, rotated.privateKey, 'gh-key-2'))).status).toBe(200);
    writeFileSync(keysFile, '{"public_keys":[]}');
    utimesSync(keysFile, 1_700_000_200, 1_700_000_200);
    const off = await post(body, signed(body, rotated.privateKey, 'gh-key-2'));
    expect(off.status).toBe(404);
    writeKeys([{ id: 'gh-key-1', pem: gh.pem }], 1_700_000_300);
  });
});

describe('POST /leaks/report (admin)', () => {
  it('needs the admin token; confirms tokens and applies the same policy', async () => {
    const k = await h.quickKey();
    const denied = await h.fetch('/leaks/report', { method: 'POST', body: JSON.stringify({ tokens: [k.key] }) });
    expect(denied.status).toBe(401);
    const res = await h.fetch('/leaks/report', {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ tokens: [k.key, 'wdn_l_nothing'], url: 'https://paste.example/1', source: 'pastebin', reporter: 'trufflehog' }),
    });
    expect(res.status).toBe(200);
    const data = ((await res.json()) as any).data;
    expect(data).toMatchObject([
      { label: 'true_positive', keyId: k.id, status: 'active', action: 'suspended' },
      { label: 'false_positive', keyId: null },
    ]);
    expect(JSON.stringify(data)).not.toContain(k.key);
    expect(await keyState(k.id)).toMatchObject({ status: 'suspended', leaked: true });
    const inc = (await h.admin('GET', `/incidents?keyId=${k.id}`)).body.data;
    expect(inc[0].leak).toEqual({ reporter: 'trufflehog', url: 'https://paste.example/1', source: 'pastebin' });
  });
});

describe('POST /leaks/github with no keys configured', () => {
  it('is 404, like any unknown route', async () => {
    const off = await startHarness();
    try {
      const body = report([{ token: 'x' }]);
      const res = await off.fetch('/leaks/github', { method: 'POST', headers: signed(body), body });
      expect(res.status).toBe(404);
      expect(((await res.json()) as any).error.code).toBe('not_found');
    } finally {
      await off.close();
      rmSync(off.dataDir, { recursive: true, force: true });
    }
  });
});
