// What else ran on a core while a fixed-rate slice was timed: run-queue waits (/proc/<pid>/task/*/schedstat) and
// the core's busy time that was not the target's (/proc/stat less the target's own CPU).
import { readFileSync, readdirSync } from 'node:fs';

/** Pure: run time and run-queue wait of one task, ns, from its /proc/<pid>/task/<tid>/schedstat line ("run wait slices"). */
export function parseSchedstat(text: string): { runNs: number; waitNs: number } | undefined {
  const [run, wait] = text.trim().split(/\s+/).map(Number);
  return run !== undefined && wait !== undefined && Number.isFinite(run) && Number.isFinite(wait) ? { runNs: run, waitNs: wait } : undefined;
}

/**
 * Run-queue wait of all of a process's threads, ns (time they were ready to run but another task had the core),
 * or undefined off Linux or without schedstats. Threads that exited meanwhile drop out: read it around short spans.
 */
export function processWaitNs(pid: number): number | undefined {
  try {
    let sum = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        sum += parseSchedstat(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8'))?.waitNs ?? 0;
      } catch {
        // the thread exited while we looked
      }
    }
    return sum;
  } catch {
    return undefined;
  }
}

/**
 * Pure: busy clock ticks of one core from /proc/stat text, counting only time spent running tasks (user, nice,
 * system): interrupt and softirq time is left out, since loopback traffic to the target lands there in proportion
 * to the rate and would read as another process's.
 */
export function coreTaskTicks(stat: string, core: number): number | undefined {
  const line = stat.split('\n').find((l) => l.startsWith(`cpu${core} `));
  if (line === undefined) return undefined;
  const n = line.trim().split(/\s+/).slice(1, 4).map(Number);
  return n.length === 3 && n.every(Number.isFinite) ? n[0]! + n[1]! + n[2]! : undefined;
}

/** coreTaskTicks of the live /proc/stat, or undefined off Linux. */
export function readCoreTaskTicks(core: number): number | undefined {
  try {
    return coreTaskTicks(readFileSync('/proc/stat', 'utf8'), core);
  } catch {
    return undefined;
  }
}
