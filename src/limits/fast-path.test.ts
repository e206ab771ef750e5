// The in-process fast path (consumeNow/adjustAt, specs and corrections kept per plan) decides and counts exactly
// as consume()/adjust() and a freshly built plan would.
import { describe, expect, it } from 'vitest';
import type { KeyLimits, KeyRecord } from '../keys/types.js';
import type { Usage } from '../api.js';
import type { RequestContext } from '../proxy/context.js';
import { limitsConfigSchema } from './config.js';
import { denialOf } from './denial.js';
import { MemoryLimiter } from './memory.js';
import { counterPlan, limitedSpecs, type Reservation } from './plan.js';
import type { Adjustment, CounterSpec, Limiter } from './port.js';
import { limit } from './stage-limit.js';
import { adjustmentsFor, deltasFor } from './reconcile.js';

const quiet = { warn: () => undefined, info: () => undefined };
const MIN = 60_000;

describe('MemoryLimiter.consumeNow and adjustAt', () => {
  it('refuse, admit and count as consume() and adjust() do, across windows and out-of-order clocks', async () => {
    const a = new MemoryLimiter();
    const b = new MemoryLimiter();
    const plan = counterPlan({ id: 'k', tenantId: 't', limits: { requestsPerMinute: 5, tokensPerMinute: 900, imagesPerDay: 3, spendPerDayUsd: 1 } }, { requestsPerMinute: 7 });
    let seed = 11;
    const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    let now = Date.UTC(2026, 0, 31, 23, 58);
    let refused = 0;
    for (let i = 0; i < 3000; i++) {
      now += rnd(4) === 0 ? -rnd(20_000) : rnd(25_000); // sometimes a little behind the newest write
      const r: Reservation = { requests: 1, tokens: rnd(400), images: rnd(3) === 0 ? 1 : 0, microUsd: rnd(300_000) };
      const specs: CounterSpec[] = limitedSpecs(plan, r);
      const slow = await a.consume(specs, now);
      const fast = b.consumeNow(specs, now);
      if (slow.ok) expect(fast).toBe(true);
      else {
        refused++;
        expect(fast).toEqual(slow);
        expect(denialOf(fast as Exclude<typeof fast, true>)).toEqual(denialOf(slow));
      }
      if (rnd(2) === 0) {
        const actual: Reservation = { requests: 1, tokens: rnd(500), images: 0, microUsd: rnd(200_000) };
        const reserved = slow.ok ? r : null;
        await a.adjust(adjustmentsFor(plan, reserved, actual, now));
        b.adjustAt(deltasFor(plan, reserved, actual), now);
      }
      expect(
        await b.peek(
          plan.counters.map((c) => ({ id: c.id, window: c.window, limit: c.limit, cost: 0 })),
          now,
        ),
      ).toEqual(
        await a.peek(
          plan.counters.map((c) => ({ id: c.id, window: c.window, limit: c.limit, cost: 0 })),
          now,
        ),
      );
    }
    expect(refused).toBeGreaterThan(100);
  });

  it('deltasFor is adjustmentsFor without the time', () => {
    const plan = counterPlan({ id: 'k', tenantId: 't', limits: { tokensPerMinute: 10 } }, {});
    const reserved: Reservation = { requests: 1, tokens: 300, images: 0, microUsd: 50 };
    const actual: Reservation = { requests: 1, tokens: 88, images: 0, microUsd: 20 };
    for (const r of [reserved, null]) {
      expect(deltasFor(plan, r, actual)).toEqual(adjustmentsFor(plan, r, actual, 123).map(({ at: _, ...d }) => d));
    }
  });
});

describe('limit stage memos', () => {
  const body = (maxTokens: number) => ({ model: 'gpt-4o', max_tokens: maxTokens, messages: [{ role: 'user', content: 'hi' }] });
  const ctxFor = (key: KeyRecord, b: Record<string, unknown>) =>
    ({ id: 'r', route: { endpoint: 'chat', style: 'openai' }, body: b, model: b['model'], key, vars: {}, status: 0 }) as unknown as RequestContext;
  const usage: Usage = { promptTokens: 5, completionTokens: 5, totalTokens: 10, images: 0 };

  /** A memory limiter whose fast path records what it was given. */
  function recording() {
    const m = new MemoryLimiter();
    const consumed: (readonly CounterSpec[])[] = [];
    const adjusted: number[][] = [];
    const limiter: Limiter = Object.assign(Object.create(MemoryLimiter.prototype) as MemoryLimiter, m, {
      consumeNow: (specs: readonly CounterSpec[], now: number) => (consumed.push(specs), m.consumeNow(specs, now)),
      adjustAt: (deltas: readonly Omit<Adjustment, 'at'>[], at: number) => (adjusted.push(deltas.map((d) => d.delta)), m.adjustAt(deltas, at)),
      peek: (specs: readonly CounterSpec[], now: number) => m.peek(specs, now),
    });
    return { limiter, consumed, adjusted };
  }

  it('a changed reservation or changed key limits are never served the previous specs', () => {
    const { limiter, consumed } = recording();
    const stage = limit('reserve', { limiter, config: limitsConfigSchema.parse({}), log: quiet, clock: () => 1_000 * MIN });
    const limits: KeyLimits = { tokensPerMinute: 100_000 };
    const key = { id: 'K1', tenantId: 'T1', limits } as unknown as KeyRecord;
    expect(stage.before!(ctxFor(key, body(100)))).toEqual({ ok: true });
    expect(stage.before!(ctxFor(key, body(100)))).toEqual({ ok: true });
    expect(consumed[1]).toBe(consumed[0]); // same reservation: the same specs
    expect(stage.before!(ctxFor(key, body(200)))).toEqual({ ok: true });
    const tokens = (specs: readonly CounterSpec[]) => specs.find((s) => s.id.endsWith(':tpm'))!;
    expect(tokens(consumed[2]!).cost - tokens(consumed[0]!).cost).toBe(100);
    // The key's limits change (a new key record): the new limit binds at once.
    const tighter = { ...key, limits: { tokensPerMinute: 50 } } as unknown as KeyRecord;
    const out = stage.before!(ctxFor(tighter, body(100)));
    expect(out).toMatchObject({ ok: false, denial: { code: 'RATE_LIMITED' } });
    expect(tokens(consumed[3]!).limit).toBe(50);
  });

  it('corrections follow the actual usage of each request, not the previous one', () => {
    const { limiter, adjusted } = recording();
    const stage = limit('reserve', { limiter, config: limitsConfigSchema.parse({}), log: quiet, clock: () => 1_000 * MIN });
    const key = { id: 'K2', tenantId: 'T1', limits: { tokensPerMinute: 100_000 } } as unknown as KeyRecord;
    const run = (u: Usage | undefined, status: number) => {
      const c = ctxFor(key, body(100));
      expect(stage.before!(c)).toEqual({ ok: true });
      c.usage = u;
      c.status = status;
      stage.after!(c);
    };
    run(usage, 200);
    run(usage, 200);
    run({ ...usage, totalTokens: 30, completionTokens: 25 }, 200);
    run(undefined, 500);
    expect(adjusted[1]).toEqual(adjusted[0]);
    expect(adjusted[2]).not.toEqual(adjusted[0]);
    expect(adjusted[3]).not.toEqual(adjusted[2]);
  });
});
