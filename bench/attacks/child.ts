// Attack-bench support: starts gateway-child.ts and talks to it (ready, reset, stats, stop).
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface Stats {
  rss: number;
  peakRss: number;
  eld: { p50: number; p99: number; max: number };
}

export interface GatewayChild {
  url: string;
  reset(): Promise<void>;
  stats(): Promise<Stats>;
  stop(): Promise<void>;
}

export async function startChild(server: Record<string, unknown> = {}): Promise<GatewayChild> {
  const child: ChildProcess = fork(join(import.meta.dirname, 'gateway-child.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, WARDEN_SERVER: JSON.stringify(server) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = (op: string): Promise<any> =>
    new Promise((resolve) => {
      const on = (m: { op: string }): void => {
        if (m.op !== op) return;
        child.off('message', on);
        resolve(m);
      };
      child.on('message', on);
    });
  const ready = await Promise.race([next('ready'), new Promise((_, reject) => setTimeout(() => reject(new Error('gateway child did not start in 60 s')), 60_000))]);
  return {
    url: (ready as { url: string }).url,
    async reset() {
      const p = next('reset');
      child.send({ op: 'reset' });
      await p;
    },
    async stats() {
      const p = next('stats');
      child.send({ op: 'stats' });
      return (await p) as Stats;
    },
    async stop() {
      const done = new Promise((r) => child.once('exit', r));
      child.send({ op: 'stop' });
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await done;
      clearTimeout(t);
    },
  };
}

export const mb = (n: number): string => `${Math.round(n / 1e6)} MB`;
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
