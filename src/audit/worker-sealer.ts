// The sealer when the audit worker runs it: the same seals and signed checkpoints, made in the worker's thread.
// Its health is the worker's last report, kept in one object (metrics and readiness hold on to it).
import { pinnedPathIn, type Sealer, type SealerHealth } from './sealer.js';
import type { AuditWorker } from './worker-client.js';

type Log = (level: 'info' | 'warn' | 'error', msg: string) => void;

export class WorkerSealer implements Sealer {
  readonly pinnedPath: string;

  constructor(
    private readonly worker: AuditWorker,
    dataDir: string,
    private readonly report: Log = () => {},
  ) {
    this.pinnedPath = pinnedPathIn(dataDir);
  }

  get health(): SealerHealth {
    return this.worker.health;
  }

  /** The worker opens its sealer (restores the tree edge, checks the pinned file) before it says it is ready. */
  open(): Promise<void> {
    return this.worker.start();
  }

  async sealNow(): Promise<void> {
    await this.worker.request({ t: 'seal' });
  }

  start(intervalMs: number): void {
    this.worker.startSealing(intervalMs).catch((e: unknown) => this.report('error', `audit worker: could not start sealing: ${String(e)}`));
  }

  close(): Promise<void> {
    return this.worker.close();
  }
}
