// Real-time scheduling for the load side of a fixed-rate run (chrt, root only): the generator and the simulator
// then take their core from any other process the moment they wake, so a busy host cannot make them send or answer
// late. The target keeps the ordinary policy: it is what is measured, and a real-time target would starve the
// kernel threads that carry its own traffic.
import { execFileSync } from 'node:child_process';

/** Pure: chrt's arguments for a process and all its threads: SCHED_FIFO at `priority`, or back to SCHED_OTHER (undefined). */
export function chrtArgs(pid: number, priority: number | undefined): string[] {
  return priority === undefined ? ['-a', '-o', '-p', '0', String(pid)] : ['-a', '-f', '-p', String(priority), String(pid)];
}

function chrt(pid: number, priority: number | undefined): boolean {
  try {
    execFileSync('chrt', chrtArgs(pid, priority), { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `fn` with each process (pid → SCHED_FIFO priority) real-time, then puts every one back to the ordinary
 * policy, whatever `fn` did. `applied` is false (and nothing changed) when chrt is missing or not permitted.
 */
export async function withRealtime<T>(procs: ReadonlyMap<number, number>, fn: (applied: boolean) => Promise<T>): Promise<T> {
  const done: number[] = [];
  for (const [pid, prio] of procs) if (chrt(pid, prio)) done.push(pid);
  const applied = done.length === procs.size && procs.size > 0;
  if (!applied) for (const pid of done.splice(0)) chrt(pid, undefined);
  try {
    return await fn(applied);
  } finally {
    for (const pid of done) chrt(pid, undefined);
  }
}
