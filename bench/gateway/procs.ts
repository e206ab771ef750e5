// Child processes for the bench: free ports, spawn with logs to files, wait until serving, stop.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface Child {
  readonly name: string;
  readonly proc: ChildProcess;
  readonly pid: number;
  readonly logFile: string;
  stop(): Promise<void>;
  /** The last lines of its log, for a failure message. */
  tail(lines?: number): string;
}

/**
 * `cpus` (a taskset list such as "0"): the child runs on those cores only. taskset execs node,
 * so the pid is node's own (its /proc figures are the target's).
 */
export function spawnNode(name: string, script: string, args: readonly string[], env: NodeJS.ProcessEnv, logDir: string, nodeArgs: readonly string[] = [], cpus?: string): Child {
  const logFile = join(logDir, `${name}.log`);
  const fd = openSync(logFile, 'a');
  // Logs go to a file, not a pipe: a chatty child under load must never block on a full pipe.
  const argv = [...nodeArgs, script, ...args];
  const proc = cpus === undefined ? spawn(process.execPath, argv, { env, stdio: ['ignore', fd, fd] }) : spawn('taskset', ['-c', cpus, process.execPath, ...argv], { env, stdio: ['ignore', fd, fd] });
  if (proc.pid === undefined) throw new Error(`${name}: spawn failed`);
  const pid = proc.pid;
  return {
    name,
    proc,
    pid,
    logFile,
    tail: (lines = 20) => {
      try {
        return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
      } catch {
        return '';
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        const kill = setTimeout(() => proc.kill('SIGKILL'), 10_000);
        proc.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        // SIGINT: the CLI's graceful path, so a --cpu-prof profile gets written on exit.
        proc.kill('SIGINT');
      }),
  };
}

/** Polls until `url` answers anything over HTTP (any status), or fails after `timeoutMs`. */
export async function waitHttp(child: Child, url: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.proc.exitCode !== null) throw new Error(`${child.name} exited with ${child.proc.exitCode}:\n${child.tail()}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${child.name} did not answer at ${url} within ${timeoutMs} ms:\n${child.tail()}`);
}

/** Pins this process and all its threads to `cpus`; false when taskset is missing or refused. */
export function pinSelf(cpus: string): boolean {
  try {
    execFileSync('taskset', ['-a', '-p', '-c', cpus, String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
