// The request thread's side of the audit worker: starts it, sends it requests and matches the answers, and
// survives it. A worker that exits or stops answering fails every request it held (their responses become 503s
// upstream of here), is logged, and is started again; nothing it acknowledged is lost (it acknowledged commits).
import { Worker } from 'node:worker_threads';
import type { SealerHealth } from './sealer.js';
import type { FromWorker, ToWorker, WorkerInit } from './worker-protocol.js';

type Log = (level: 'info' | 'warn' | 'error', msg: string) => void;
type Done = Extract<FromWorker, { t: 'done' }>;
type Request = ToWorker extends infer M ? (M extends { id: number } ? Omit<M, 'id'> : never) : never;

interface Pending {
  resolve: (d: Done) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

/** The worker stopped (or was never up) while the request was in flight: a write may or may not have committed. */
export class AuditWorkerError extends Error {}

/** The worker answered with an error: a write's transaction was rolled back. */
export class AuditWorkerAnswer extends Error {}

export interface AuditWorkerOptions {
  /** A request unanswered this long ends the worker (it is restarted): a hung worker must not hang requests. */
  readonly answerWithinMs?: number;
}

export class AuditWorker {
  /** The sealer's state as the worker last reported it; one object for the process's life (metrics hold it). */
  readonly health: SealerHealth = { ok: true, repaired: [], treeSize: 0 };
  /** How many times the worker has been started again after it stopped. */
  restarts = 0;
  /** The log's highest seq when the worker last became ready. */
  lastSeq = 0;
  private worker: Worker | undefined;
  private ready: Promise<Worker> | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closing = false;
  private failures = 0;
  private sealEveryMs: number | undefined;
  private readonly answerWithinMs: number;

  constructor(
    private readonly init: Omit<WorkerInit, 'sealEveryMs'>,
    private readonly report: Log = () => {},
    opts: AuditWorkerOptions = {},
  ) {
    this.answerWithinMs = opts.answerWithinMs ?? 15_000;
  }

  /** Starts the worker (it opens the sealer) and waits until it is ready. */
  async start(): Promise<void> {
    await this.ensure();
  }

  /** Sends a request once the worker is up; resolves with its answer, rejects if it fails or the worker dies. */
  async request(m: Request): Promise<Done> {
    return this.send(await this.ensure(), m);
  }

  private async send(w: Worker, m: Request): Promise<Done> {
    const id = this.nextId++;
    const done = new Promise<Done>((resolve, reject) => {
      const timer = setTimeout(() => this.hung(w), this.answerWithinMs);
      timer.unref();
      this.pending.set(id, { resolve, reject, timer });
    });
    w.postMessage({ ...m, id } as ToWorker);
    const d = await done;
    if (d.error !== undefined) throw new AuditWorkerAnswer(d.error);
    return d;
  }

  /** From now on (and in every restarted worker) the sealer seals every `everyMs`. */
  async startSealing(everyMs: number): Promise<void> {
    this.sealEveryMs = everyMs;
    await this.request({ t: 'start', everyMs });
  }

  /** Seals what is left and ends the worker; later requests fail. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    const w = this.worker && (await this.ready?.catch(() => undefined));
    if (!w) return;
    try {
      await this.send(w, { t: 'close' });
    } finally {
      await w.terminate();
      this.worker = undefined;
    }
  }

  /** The running worker, for tests that kill it. */
  get current(): Worker | undefined {
    return this.worker;
  }

  private ensure(): Promise<Worker> {
    if (this.closing) return Promise.reject(new AuditWorkerError('audit worker closed'));
    this.ready ??= this.spawn();
    return this.ready;
  }

  private spawn(): Promise<Worker> {
    const data: WorkerInit = { ...this.init, sealEveryMs: this.sealEveryMs };
    const w = workerAt(data);
    this.worker = w;
    return new Promise<Worker>((resolve, reject) => {
      let up = false;
      let error: Error | undefined;
      w.on('message', (m: FromWorker) => {
        if (m.t === 'ready') {
          up = true;
          this.failures = 0;
          this.lastSeq = m.lastSeq;
          copyHealth(this.health, m.health);
          resolve(w);
        } else if (m.t === 'done') this.answer(m);
        else if (m.t === 'health') copyHealth(this.health, m.health);
        else this.report(m.level, m.msg);
      });
      w.on('error', (e) => (error = e));
      w.on('exit', (code) => {
        if (this.worker === w) this.worker = undefined;
        this.ready = undefined;
        const why = `audit worker stopped (exit code ${code}${error ? `: ${error.message}` : ''})`;
        if (!up) reject(new AuditWorkerError(why));
        this.failAll(why);
        if (this.closing) return;
        this.failures++;
        this.restarts++;
        this.report('error', `${why}; the requests it held failed; starting it again`);
        // The first restart at once; a worker that keeps dying waits longer each time (up to 5 s).
        const wait = this.failures <= 1 ? 0 : Math.min(5000, 50 * 2 ** this.failures);
        setTimeout(() => void this.ensure().catch(() => {}), wait).unref();
      });
    });
  }

  private answer(d: Done): void {
    const p = this.pending.get(d.id);
    if (!p) return;
    this.pending.delete(d.id);
    clearTimeout(p.timer);
    if (d.health) copyHealth(this.health, d.health);
    p.resolve(d);
  }

  private failAll(why: string): void {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      this.pending.delete(id);
      p.reject(new AuditWorkerError(why));
    }
  }

  private hung(w: Worker): void {
    this.report('error', `audit worker did not answer within ${this.answerWithinMs} ms; ending it`);
    void w.terminate();
  }
}

/** In place (metrics and readiness hold the object); a field the worker no longer reports is cleared. */
function copyHealth(to: SealerHealth, from: SealerHealth): void {
  to.ok = from.ok;
  to.repaired = from.repaired;
  to.treeSize = from.treeSize;
  if (from.problem === undefined) delete to.problem;
  else to.problem = from.problem;
  if (from.checkpointTime === undefined) delete to.checkpointTime;
  else to.checkpointTime = from.checkpointTime;
}

/**
 * The worker beside this file: the built .js, or under the test runner the .ts source, loaded through tsx's
 * loader (a worker does not inherit the parent's). Resolved from the working directory, where node_modules is.
 */
function workerAt(data: WorkerInit): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./worker-thread.js', here), { workerData: data });
  const entry = new URL('./worker-thread.ts', here).href;
  const boot = `import('tsx/esm/api').then((a) => { a.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true, workerData: data });
}
