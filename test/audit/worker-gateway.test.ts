// The gateway with its audit log in a worker thread (and, for comparison, without): the official openai SDK through
// it, each answer's event committed before the answer arrives, a worker that dies turning the answers it held into
// OpenAI-envelope 503s, and `warden audit verify` passing afterwards.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditService } from '../../src/audit/service.js';
import { run as runCli } from '../../src/cli/run.js';
import { ADMIN_TOKEN, startHarness, type Harness } from '../harness.js';

async function verifyWithCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  let out = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return { code: await runCli(['audit', 'verify', '--json', ...args]), out };
  } finally {
    o.mockRestore();
    for (const k of Object.keys(env)) if (saved[k] === undefined) delete process.env[k];
  }
}

describe.each(['on', 'off'] as const)('gateway with audit.worker %s', (setting) => {
  let h: Harness;
  let key: string;
  let audit: AuditService;
  const stored = async (requestId: string): Promise<number> => (await audit.log.find({ requestIds: [requestId] })).length;

  beforeAll(async () => {
    h = await startHarness({ config: { audit: { checkpointIntervalMs: 100 } }, env: { WARDEN_AUDIT_WORKER: setting } });
    key = (await h.quickKey()).key;
    audit = h.gateway.deps.auditLog;
  });
  afterAll(() => h?.close());

  it('runs the audit log where it was told to', () => {
    expect(audit.worker !== undefined).toBe(setting === 'on');
    expect(h.logs.some((l) => l.includes('audit log commits and seals in a worker thread'))).toBe(setting === 'on');
  });

  it('answers chat, streamed chat and embeddings through the SDK, each only once its event is committed', async () => {
    const client = h.openai(key);
    const chat = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }] }).withResponse();
    expect(chat.data.choices[0]!.message.content).toBeTruthy();
    expect(await stored(chat.response.headers.get('x-request-id')!)).toBe(1);

    const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'count' }], stream: true }).withResponse();
    let text = '';
    for await (const c of stream.data) text += c.choices[0]?.delta?.content ?? '';
    expect(text.length).toBeGreaterThan(0);
    expect(await stored(stream.response.headers.get('x-request-id')!)).toBe(1);

    const emb = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'vectors' }).withResponse();
    expect(emb.data.data[0]!.embedding.length).toBeGreaterThan(0);
    expect(await stored(emb.response.headers.get('x-request-id')!)).toBe(1);

    // Many at once: every answer has its event, and the events keep one contiguous, verifiable order.
    const many = await Promise.all(Array.from({ length: 40 }, (_, i) => client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `n${i}` }] }).withResponse()));
    const ids = many.map((r) => r.response.headers.get('x-request-id')!);
    expect((await audit.log.find({ requestIds: ids })).length).toBe(40);
    const seqs = (await audit.log.rowsAfter(0, 10_000)).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
  });

  // Only a worker can die: the test exists for the 'on' gateway alone (registered, not skipped, for 'off').
  if (setting === 'on')
    it('a worker that dies while it holds answers: those answers are 503s in the OpenAI envelope, and it is back for the next', async () => {
      const worker = audit.worker!;
      const w = worker.current!;
      const post = w.postMessage.bind(w);
      // The worker ends as this request's batch reaches it, before anything of it is committed.
      w.postMessage = (m: { t: string }) => (m.t === 'write' ? void w.terminate() : post(m));
      const client = h.openai(key);
      const err = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'held' }] }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OpenAI.APIError);
      expect(err).toMatchObject({ status: 503, code: 'service_unavailable', type: expect.any(String) });
      expect((err as Error).message).toMatch(/audit log/);
      expect(h.logs.some((l) => l.includes('audit worker stopped'))).toBe(true);
      const next = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'after' }] });
      expect(next.choices[0]!.message.content).toBeTruthy();
      expect(worker.restarts).toBe(1);
      // The withheld answer's event was written by the new worker, once.
      const heldId = (err as { requestID?: string }).requestID;
      expect(heldId).toMatch(/\S/);
      expect(await stored(heldId!)).toBe(1);
    });

  it('`warden audit verify` passes, through the admin API while it runs and on the file after it stops', async () => {
    await audit.sealer.sealNow();
    const api = await verifyWithCli(['--url', h.url, '--token', ADMIN_TOKEN]);
    expect(api.code).toBe(0);
    expect(JSON.parse(api.out)).toMatchObject({ ok: true });
    const size = (JSON.parse(api.out) as { size: number }).size;
    expect(size).toBeGreaterThanOrEqual(44);
    await h.gateway.close();
    const local = await verifyWithCli(['--local'], { WARDEN_DATA_DIR: h.dataDir });
    expect(local.code).toBe(0);
    expect(JSON.parse(local.out)).toMatchObject({ ok: true, size, unsealedTail: 0 });
  });
});
