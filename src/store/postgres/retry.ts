// Retrying writes across a brief PostgreSQL outage: transient connection faults only, bounded.

/** SQLSTATE classes and socket errors that mean "the server went away", not "the query is wrong". */
export function isTransient(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (/^(08|57P0[123]|53300|40001|40P01)/.test(code)) return true;
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)) return true;
  const msg = typeof e?.message === 'string' ? e.message : '';
  return /Connection terminated|connection timeout|Client has encountered a connection error|terminating connection/i.test(msg);
}

export interface RetryOptions {
  /** Give up after this long (then the error reaches the caller, who must not drop the data). */
  maxMs?: number;
  onRetry?: (attempt: number, err: unknown) => void;
  sleep?: (ms: number) => Promise<void>;
}

export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const maxMs = opts.maxMs ?? 15_000;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!isTransient(err) || waited >= maxMs) throw err;
      opts.onRetry?.(attempt, err);
      const delay = Math.min(50 * 2 ** (attempt - 1), 1_000);
      waited += delay;
      await sleep(delay);
    }
  }
}
