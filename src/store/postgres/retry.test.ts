import { describe, expect, it } from 'vitest';
import { isTransient, withRetry } from './retry.js';

describe('isTransient', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }, true],
    [{ code: '57P01', message: 'terminating connection due to administrator command' }, true],
    [{ code: '08006' }, true],
    [new Error('Connection terminated unexpectedly'), true],
    [{ code: '23505', message: 'duplicate key value' }, false],
    [{ code: '42P01', message: 'relation does not exist' }, false],
    [null, false],
  ])('%o → %s', (err, want) => expect(isTransient(err)).toBe(want));
});

describe('withRetry', () => {
  const noSleep = async (): Promise<void> => undefined;
  it('retries transient faults until the write succeeds', async () => {
    let calls = 0;
    const out = await withRetry(
      async () => {
        if (++calls < 4) throw Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
        return 'ok';
      },
      { sleep: noSleep },
    );
    expect(out).toBe('ok');
    expect(calls).toBe(4);
  });
  it('does not retry a wrong query', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw Object.assign(new Error('dup'), { code: '23505' });
        },
        { sleep: noSleep },
      ),
    ).rejects.toThrow('dup');
    expect(calls).toBe(1);
  });
  it('gives up after maxMs and surfaces the error (never drops it silently)', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw Object.assign(new Error('down'), { code: 'ECONNREFUSED' });
        },
        { sleep: noSleep, maxMs: 300 },
      ),
    ).rejects.toThrow('down');
    expect(calls).toBeGreaterThan(2);
  });
});

describe('withRetry deadline', () => {
  it('counts wall-clock time, so slow attempts (each waiting out a timeout) end the budget too', async () => {
    let t = 0;
    let calls = 0;
    const slow = async (): Promise<never> => {
      calls++;
      t += 6_000; // each attempt waits out a query deadline
      throw new Error('Query read timeout');
    };
    await expect(withRetry(slow, { now: () => t, sleep: async () => undefined, maxMs: 15_000 })).rejects.toThrow('Query read timeout');
    expect(calls).toBe(3);
  });
  it.each([['Query read timeout'], ['timeout exceeded when trying to connect'], ['Connection terminated due to connection timeout']])('%s is transient', (m) =>
    expect(isTransient(new Error(m))).toBe(true),
  );
});
