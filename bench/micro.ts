// Helpers for the in-process micro-benchmarks (not tests): flags and CPU time per call.

/** `--name value` from the command line, or the default. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

/** The middle value (the upper one of an even count). */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** CPU ms (user + system) of one call of `fn`. */
export function cpuMs(fn: () => void): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

/** CPU µs (user + system) per call of `fn`: the median over `rounds` rounds of `n` calls. */
export function cpuPerCall(fn: (i: number) => unknown, n: number, rounds: number): number {
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.cpuUsage();
    for (let i = 0; i < n; i++) fn(i);
    const d = process.cpuUsage(t0);
    out.push((d.user + d.system) / n);
  }
  return out.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
}

/** The same for a function that may return a promise (awaited before the next call). */
export async function cpuPerCallAsync(fn: (i: number) => unknown, n: number, rounds: number): Promise<number> {
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.cpuUsage();
    for (let i = 0; i < n; i++) {
      const x = fn(i);
      if (x instanceof Promise) await x;
    }
    const d = process.cpuUsage(t0);
    out.push((d.user + d.system) / n);
  }
  return out.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
}
