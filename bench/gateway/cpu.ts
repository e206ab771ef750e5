// CPU time a process spends (user + system, from /proc/<pid>/stat): per-request cost that machine load barely skews.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

let ticksPerSecond: number | undefined;
/** Clock ticks per second (USER_HZ) of /proc figures. */
export function clockTicks(): number {
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

/** Pure: the parent pid (field 4) of a /proc/<pid>/stat line. */
export function parseStatPpid(stat: string): number | undefined {
  const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  return Number.isInteger(ppid) ? ppid : undefined;
}

/** Pure: `root` and every descendant of it in a pid → parent map. */
export function descendants(root: number, parents: ReadonlyMap<number, number>): number[] {
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const [pid, ppid] of parents) if (ppid === out[i] && !out.includes(pid)) out.push(pid);
  return out;
}

/**
 * CPU seconds of a process with all its threads (/proc/<pid>/stat counts them) and all its
 * living children and their children: the whole cost of a target, whatever it spawns.
 */
export function treeCpuSeconds(pid: number): number | undefined {
  const parents = new Map<number, number>();
  try {
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const ppid = parseStatPpid(readFileSync(`/proc/${name}/stat`, 'utf8'));
        if (ppid !== undefined) parents.set(Number(name), ppid);
      } catch {
        // exited while we looked
      }
    }
  } catch {
    return cpuSeconds(pid);
  }
  const own = cpuSeconds(pid);
  if (own === undefined) return undefined;
  return descendants(pid, parents)
    .slice(1)
    .reduce((sum, p) => sum + (cpuSeconds(p) ?? 0), own);
}
