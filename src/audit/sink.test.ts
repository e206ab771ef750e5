import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical.js';
import { eventBody } from './event-body.js';
import type { AuditEvent } from './event.js';
import type { TextRow } from './log-port.js';
import { BatchingAuditSink } from './sink.js';

/** A sink over a store that keeps what it is given. */
function sink(keep: 'never' | 'always', textKey?: Buffer): { s: BatchingAuditSink; stored: AuditEvent[]; texts: TextRow[] } {
  const stored: AuditEvent[] = [];
  const texts: TextRow[] = [];
  const cfg = { batchMaxEvents: 64, batchMaxWaitMs: 1, queueLimit: 1000, text: { keep, retentionDays: 30 } };
  const s = new BatchingAuditSink({ appendAudit: async (es) => void stored.push(...es) }, { putTexts: async (ts) => void texts.push(...ts) }, cfg, textKey);
  return { s, stored, texts };
}

const event = (over: Partial<AuditEvent> = {}): AuditEvent => ({
  asn: null,
  clientIp: '203.0.113.9',
  detail: { deniedBy: null, route: 'openai' },
  keyId: 'kid1',
  kind: 'request',
  requestId: 'req_1',
  status: 200,
  time: '2026-11-21T12:00:00.000Z',
  usage: { totalTokens: 8 },
  ...over,
});

/** What the store must write: the event without its text, as a JSON round trip gives it. */
function expectedBody(e: AuditEvent, extra: object = {}): string {
  const { text: _t, keepText: _k, ...rest } = JSON.parse(JSON.stringify(e)) as AuditEvent;
  return canonicalJson({ ...rest, ...extra });
}

describe('BatchingAuditSink', () => {
  it('hands the store events without their plaintext, which store the same bytes as the event without text', async () => {
    const { s, stored, texts } = sink('never');
    const events = [event({ text: { prompt: 'secret prompt', output: 'secret answer' } }), event({ requestId: 'req_2', keepText: true, text: { prompt: 'p' } }), event({ requestId: 'req_3' })];
    for (const e of events) s.append(e);
    await s.flush();
    expect(stored).toHaveLength(3);
    expect(texts).toEqual([]);
    for (const [i, e] of stored.entries()) {
      expect(e.text).toBeUndefined();
      expect(e.keepText).toBeUndefined();
      expect(JSON.stringify(e)).not.toContain('secret');
      expect(eventBody(e)).toBe(expectedBody(events[i]!));
    }
    // The caller's event is left as it was.
    expect(events[0]!.text).toEqual({ prompt: 'secret prompt', output: 'secret answer' });
    expect(events[1]!.keepText).toBe(true);
  });

  it('keeps text it is told to keep encrypted, with its commitments in the stored event', async () => {
    const { s, stored, texts } = sink('always', Buffer.alloc(32, 7));
    const e = event({ text: { prompt: 'secret prompt', output: 'secret answer' } });
    s.append(e);
    await s.flush();
    expect(texts.map((t) => t.field)).toEqual(['prompt', 'output']);
    const commit = stored[0]!.textCommit!;
    expect(commit.prompt).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]!.text).toBeUndefined();
    expect(eventBody(stored[0]!)).toBe(expectedBody(e, { textCommit: commit }));
  });

  it('writes an unflushed event once the batch wait is over, and a flushed one at the end of the turn', async () => {
    const stored: AuditEvent[] = [];
    const cfg = { batchMaxEvents: 64, batchMaxWaitMs: 40, queueLimit: 1000, text: { keep: 'never' as const, retentionDays: 30 } };
    const s = new BatchingAuditSink({ appendAudit: async (es) => void stored.push(...es) }, { putTexts: async () => {} }, cfg, undefined);
    const turn = (): Promise<void> => new Promise((r) => setImmediate(r));
    s.append(event({ requestId: 'req_a' }));
    await turn();
    await turn();
    expect(stored).toEqual([]);
    await new Promise((r) => setTimeout(r, 80));
    expect(stored.map((e) => e.requestId)).toEqual(['req_a']);
    // Appended and flushed in one synchronous run: written with no wait, and no timer left armed.
    s.append(event({ requestId: 'req_b' }));
    const flushed = s.flush();
    s.append(event({ requestId: 'req_c' }));
    await flushed;
    expect(stored.map((e) => e.requestId)).toEqual(['req_a', 'req_b', 'req_c']);
    expect(s.stats.batches).toBe(2);
    expect((s as unknown as { timer: unknown }).timer).toBeUndefined();
  });

  it('tells its observer of each batch written, with its events, and not of a failed write', async () => {
    let fail = true;
    const stored: AuditEvent[] = [];
    const cfg = { batchMaxEvents: 64, batchMaxWaitMs: 1, queueLimit: 1000, text: { keep: 'never' as const, retentionDays: 30 } };
    const s = new BatchingAuditSink({ appendAudit: async (es) => (fail ? Promise.reject(new Error('disk')) : void stored.push(...es)) }, { putTexts: async () => {} }, cfg, undefined);
    const seen: [number, number][] = [];
    s.onCommit = (seconds, n) => void seen.push([n, seconds]);
    s.append(event({ requestId: 'req_a' }));
    s.append(event({ requestId: 'req_b' }));
    await expect(s.flush()).rejects.toThrow(/audit log unavailable/);
    expect(seen).toEqual([]);
    fail = false;
    await s.flush();
    expect(stored).toHaveLength(2);
    expect(seen).toHaveLength(1);
    expect(seen[0]![0]).toBe(2);
    expect(seen[0]![1]).toBeGreaterThanOrEqual(0);
  });
});
