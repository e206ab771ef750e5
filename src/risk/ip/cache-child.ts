// Builds the IP cache file in a short-lived child process, so the CSV parse's heap dies with it.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the child needs: where the CSV packages are and where to write the cache. */
export interface CacheJob {
  readonly asnDir: string;
  readonly ccDir: string;
  readonly file: string;
}

export const CHILD_ENTRY = './cache-child-main.js';

/**
 * The command that builds `job` in a child, or undefined when there is no runnable entry:
 * only when this code runs as compiled JavaScript from disk (`selfUrl` a file: URL ending in
 * .js) does a plain `node` find cache-child-main.js beside it. Under vitest or tsx the module
 * is a .ts file and the loader that makes it runnable lives in the parent, so we parse in-process.
 * The parent's execArgv is deliberately not passed on: flags like --inspect or --watch must
 * not reach the child, and the parse needs none.
 */
export function cacheChildCommand(selfUrl: string, job: CacheJob, execPath: string = process.execPath): { command: string; args: string[] } | undefined {
  if (!selfUrl.startsWith('file:') || !selfUrl.endsWith('.js')) return undefined;
  return { command: execPath, args: [fileURLToPath(new URL(CHILD_ENTRY, selfUrl)), job.asnDir, job.ccDir, job.file] };
}

/** A parse takes ~2 s; a child still running after this is stuck, and the caller parses in-process. */
const CHILD_TIMEOUT_MS = 60_000;

/** A child that parses for 2 s and then cannot write would only delay the in-process parse. */
function writableDir(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs the child synchronously (startup is synchronous); true when it exited 0, i.e. wrote
 * the cache file. The child's output is discarded, not inherited, so nothing it might print
 * lands in the gateway's log; failures come back only as the exit status.
 */
export function buildCacheInChild(selfUrl: string, job: CacheJob): boolean {
  const cmd = cacheChildCommand(selfUrl, job);
  if (!cmd || !writableDir(dirname(job.file))) return false;
  const r = spawnSync(cmd.command, cmd.args, { stdio: 'ignore', timeout: CHILD_TIMEOUT_MS, killSignal: 'SIGKILL', windowsHide: true });
  return r.error === undefined && r.status === 0;
}
