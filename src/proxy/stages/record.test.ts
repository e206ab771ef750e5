import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../audit/canonical.js';
import { eventBody } from '../../audit/event-body.js';
import { chatContext } from '../../../test/support/context.js';
import { requestEvent } from './record.js';

const PEPPER = 'test-pepper-0123456789';

const ctx = chatContext;

/** What the stages typically record on a request that reaches the upstream. */
const facts = {
  keyId: 'kid1',
  tenantId: 'ten_1',
  model: 'gpt-4o-mini',
  riskScore: 12,
  signals: [],
  decision: 'allow',
  country: 'DE',
  asn: 3320,
  fingerprint: 'abc',
  verdicts: { safety: [] },
};

describe('requestEvent', () => {
  it('takes the request, the key and the stages’ facts; facts override the defaults', () => {
    const e = requestEvent(ctx({ audit: { ...facts, keyId: 'kid-from-stage', detail: { auth: 'previous_secret_in_grace' } } }), 1012.345, PEPPER);
    expect(e).toMatchObject({
      kind: 'request',
      requestId: 'req_1',
      time: '2026-11-21T12:00:00.000Z',
      keyId: 'kid-from-stage',
      tenantId: 'ten_1',
      clientIp: '203.0.113.9',
      endpoint: 'chat',
      model: 'gpt-4o-mini',
      status: 200,
      errorCode: null,
      latencyMs: 12.35,
      riskScore: 12,
      decision: 'allow',
      asn: 3320,
      detail: { route: 'openai', deniedBy: null, auth: 'previous_secret_in_grace' },
      text: { prompt: JSON.stringify([{ role: 'user', content: 'hello' }]), output: 'hi there' },
    });
    expect(e.promptHash).toMatch(/^[0-9a-f]{64}$/);
    // Keyed: the same prompt under another pepper hashes differently.
    expect(requestEvent(ctx(), 1001, 'another-pepper-0123456789').promptHash).not.toBe(e.promptHash);
  });

  it('a stage’s detail can replace route/deniedBy, as before', () => {
    const e = requestEvent(ctx({ deniedBy: 'limit', audit: { detail: { deniedBy: 'x', route: 'y' } } }), 1001, PEPPER);
    expect(e.detail).toEqual({ deniedBy: 'x', route: 'y' });
  });

  it('writes the request time as Date#toISOString does, within a second and across seconds', () => {
    let seed = 3;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const times = [0, -1, -1000.5, 999.9, 1000, 8.64e15, -8.64e15, 253402300799999, 253402300800000, Date.UTC(2026, 10, 21, 12, 0, 0)];
    for (let t = Date.UTC(2026, 0, 1); times.length < 3000; t += rnd(1500) + rnd(10) / 10) times.push(t, t);
    for (const t of times) expect(requestEvent(ctx({ time: t }), 1001, PEPPER).time).toBe(new Date(t).toISOString());
    for (const t of [NaN, 8.64e15 + 1, Infinity]) expect(() => requestEvent(ctx({ time: t }), 1001, PEPPER)).toThrow(RangeError);
    // Also right after the last valid millisecond, in the same second.
    requestEvent(ctx({ time: 8.64e15 }), 1001, PEPPER);
    expect(() => requestEvent(ctx({ time: 8.64e15 + 1 }), 1001, PEPPER)).toThrow(RangeError);
  });

  it('has no text without a body (GET /v1/models)', () => {
    const e = requestEvent(ctx({ body: undefined, method: 'GET' }), 1001, PEPPER);
    expect('text' in e).toBe(false);
    expect(e.promptHash).toBeNull();
  });

  it('lists its stored members already in canonical order, so the writer need not re-order a copy', () => {
    const { text: _t, ...stored } = requestEvent(ctx({ audit: { ...facts } }), 1001, PEPPER);
    const members = Object.keys(stored).filter((k) => (stored as Record<string, unknown>)[k] !== undefined);
    expect(members).toEqual([...members].sort());
    expect(Object.keys(stored.detail as object)).toEqual(Object.keys(stored.detail as object).sort());
    // And the stored bytes are the canonical form, whatever order the members came in.
    expect(eventBody(stored)).toBe(canonicalJson(JSON.parse(JSON.stringify(stored))));
  });
});
