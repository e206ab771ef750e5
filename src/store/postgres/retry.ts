// Retrying store calls across a brief PostgreSQL outage: transient connection faults only, bounded in wall-clock time.

/** SQLSTATE classes, socket errors and pg's own timeouts that mean "the server went away", not "the query is wrong". */
export function isTransient(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  // 57014: statement_timeout (the server gave up on a query it could not finish in time).
  if (/^(08|57P0[123]|57014|53300|40001|40P01)/.test(code)) return true;
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)) return true;
  const msg = typeof e?.message === 'string' ? e.message : '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Client was closed|terminating connection/i.test(
    msg,
  );
}

/** pg's client-side deadlines (connect, query read): the server did not answer at all, a stronger sign than a reset. */
export function isTimeout(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (e?.code === 'ETIMEDOUT' || e?.code === '57014') return true;
  const msg = typeof e?.message === 'string' ? e.message : '';
  return /timeout/i.test(msg);
}

export interface RetryOptions {
  /** Give up once this much wall-clock time has passed (then the error reaches the caller, who must not drop the data). */
  maxMs?: number;
  onRetry?: (attempt: number, err: unknown) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const maxMs = opts.maxMs ?? 15_000;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = opts.now ?? Date.now;
  const start = now();
  // Counted as well as timed: with an injected sleep that does not wait, the budget still ends.
  let slept = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const spent = Math.max(now() - start, slept);
      if (!isTransient(err) || spent >= maxMs) throw err;
      opts.onRetry?.(attempt, err);
      const delay = Math.min(50 * 2 ** (attempt - 1), 1_000, Math.max(maxMs - spent, 1));
      slept += delay;
      await sleep(delay);
    }
  }
}
