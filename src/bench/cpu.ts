// CPU time a process spends (user + system, from /proc/<pid>/stat): per-request cost that machine load barely skews.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** Parses utime + stime (fields 14 and 15) of a /proc/<pid>/stat line, in clock ticks. */
export function parseStatTicks(stat: string): number | undefined {
  // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  return Number.isFinite(utime) && Number.isFinite(stime) ? utime + stime : undefined;
}

/**
 * CPU seconds the process has used, or undefined when unavailable (not Linux). `mainThread`:
 * only its main thread (the one answering requests), not worker threads or libuv's pool.
 */
export function cpuSeconds(pid: number, mainThread = false): number | undefined {
  try {
    const ticks = parseStatTicks(readFileSync(mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8'));
    return ticks === undefined ? undefined : ticks / clockTicks();
  } catch {
    return undefined;
  }
}
