// Runs the policy's guards in parallel, each bounded by a timeout; a failure is fail-open or fail-closed per policy.
import type { Finding } from '../types.js';
import { GuardError, type Guard, type GuardInput } from './types.js';

export interface GuardRun {
  readonly findings: readonly Finding[];
  /** Guards that timed out or failed, with a short reason (no response body, no key). */
  readonly failures: readonly { readonly guard: string; readonly reason: string }[];
  /** Fail-closed and at least one guard failed: the request must be refused. */
  readonly refuse: boolean;
  readonly ms: number;
}

export async function runGuards(guards: readonly Guard[], input: GuardInput, opts: { timeoutMs: number; failMode: 'open' | 'closed' }): Promise<GuardRun> {
  const t0 = performance.now();
  if (guards.length === 0) return { findings: [], failures: [], refuse: false, ms: 0 };
  const results = await Promise.all(guards.map((g) => runOne(g, input, opts.timeoutMs)));
  const findings: Finding[] = [];
  const failures: { guard: string; reason: string }[] = [];
  for (const r of results) {
    if ('findings' in r) findings.push(...r.findings);
    else failures.push(r);
  }
  return { findings, failures, refuse: opts.failMode === 'closed' && failures.length > 0, ms: performance.now() - t0 };
}

async function runOne(g: Guard, input: GuardInput, timeoutMs: number): Promise<{ findings: Finding[] } | { guard: string; reason: string }> {
  const ac = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  // The race makes the timeout hold even if a guard ignores the abort signal.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      ac.abort();
      reject(new GuardError(g.name, undefined, 'timeout', `${g.name}: timed out after ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    return { findings: await Promise.race([g.check(input, ac.signal), timeout]) };
  } catch (err) {
    return { guard: g.name, reason: err instanceof GuardError ? `${err.code ?? 'error'}${err.status ? ` (HTTP ${err.status})` : ''}` : 'error' };
  } finally {
    clearTimeout(timer);
  }
}
