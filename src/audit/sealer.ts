// Background sealer: seals new rows, extends the tree and writes a signed checkpoint every
// interval. Rows this process wrote it seals from the bytes it built (written-rows.ts); every
// other row it reads and checks first, so it never signs over a bad row.
import { join } from 'node:path';
import { signCheckpoint, verifyCheckpoint } from './checkpoint.js';
import { Frontier } from './frontier.js';
import type { AuditKeys } from './keys.js';
import type { AuditLogStore, StoredCheckpoint } from './log-port.js';
import { leafHashOfText } from './merkle.js';
import { readPinned, writePinned } from './pinned.js';
import { rowProblem } from './row-check.js';
import { sealOf } from './seal.js';
import { WrittenRows } from './written-rows.js';

export interface SealerHealth {
  ok: boolean;
  problem?: string;
  /** Problems found and repaired (e.g. a torn pinned file rewritten). */
  repaired: string[];
  treeSize: number;
  /** Time of the latest signed checkpoint (ISO); absent before the first. */
  checkpointTime?: string;
}

type Log = (level: 'info' | 'warn' | 'error', msg: string) => void;

/** What the audit service needs of a sealer: this one, or the audit worker's (worker-sealer.ts). */
export interface Sealer {
  readonly health: SealerHealth;
  readonly pinnedPath: string;
  open(): Promise<void>;
  sealNow(): Promise<void>;
  start(intervalMs: number): void;
  close(): Promise<void>;
}

/** The latest checkpoint kept outside the store (pinned.ts). */
export function pinnedPathIn(dataDir: string): string {
  return join(dataDir, 'audit', 'checkpoint.json');
}

/** Rows sealed between two turns of the event loop (about a millisecond of hashing). */
const SLICE = 256;

export class AuditSealer implements Sealer {
  private frontier = new Frontier();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  readonly health: SealerHealth = { ok: true, repaired: [], treeSize: 0 };
  readonly pinnedPath: string;

  constructor(
    private readonly log: AuditLogStore,
    private readonly keys: AuditKeys,
    dataDir: string,
    private readonly report: Log = () => {},
    /** The store's memory of the rows it committed (none: every row is read back and checked). */
    private readonly written: WrittenRows = new WrittenRows(),
  ) {
    this.pinnedPath = pinnedPathIn(dataDir);
  }

  /** Restores the tree edge from the latest checkpoint and checks it against the pinned file. */
  async open(): Promise<void> {
    this.written.enable();
    const latest = await this.log.latestCheckpoint();
    const pinned = readPinned(this.pinnedPath);
    if (latest) {
      const v = verifyCheckpoint(latest, this.keys.publicKey);
      const f = Frontier.from(
        latest.treeSize,
        latest.frontier.map((h) => Buffer.from(h, 'hex')),
      );
      if (!v.ok || f.root().toString('hex') !== latest.root) return this.stop(`latest checkpoint (size ${latest.treeSize}) does not verify`);
      this.frontier = f;
      this.health.checkpointTime = latest.time;
    }
    if (!pinned.ok) {
      this.health.repaired.push(pinned.problem);
      this.report('warn', `${pinned.problem}; rewriting it from the store`);
      if (latest) await writePinned(this.pinnedPath, latest);
    } else if (pinned.cp && (!latest || pinned.cp.treeSize > latest.treeSize)) {
      return this.stop(`store is behind the pinned checkpoint (${latest?.treeSize ?? 0} < ${pinned.cp.treeSize}): events or checkpoints were removed`);
    }
    this.health.treeSize = this.frontier.size;
  }

  start(intervalMs: number): void {
    // A store outage fails every tick: logged when it starts failing and when it seals again, not every tick.
    let failing = false;
    const sealed = (): void => {
      if (failing) this.report('warn', 'audit sealing resumed');
      failing = false;
    };
    const failed = (e: unknown): void => {
      if (!failing) this.report('error', `audit seal failed (retrying every ${intervalMs} ms): ${String(e)}`);
      failing = true;
    };
    const tick = (): void => void this.sealNow().then(sealed, failed);
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  /** Seals everything written so far; one run at a time. */
  sealNow(): Promise<void> {
    if (!this.running) {
      this.running = this.sealOnce().finally(() => (this.running = undefined));
      return this.running;
    }
    // A run in flight may have read the log before this caller's events were written: one more run after it
    // covers them (shared by every caller that arrives meanwhile). An export waiting on the in-flight run alone
    // could get a checkpoint without its own key's latest events.
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.sealNow();
      });
    return this.queued;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.sealNow();
  }

  private async sealOnce(): Promise<void> {
    if (!this.health.ok) return;
    const f = this.frontier.clone();
    const seals: { seq: number; seal: Buffer }[] = [];
    for (;;) {
      // A row this process committed is sealed from the bytes it built, without reading it back.
      const own = this.written.take(f.size + 1);
      if (own !== undefined) {
        seals.push({ seq: f.size + 1, seal: sealOf(this.keys.sealKey, f.size, own) });
        f.append(own);
        // A second's rows take milliseconds to seal: let the requests in flight move in between.
        if (seals.length % SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      // Any other row (another process's, or one we no longer remember) is read and checked,
      // up to the next row of ours.
      const nextOwn = this.written.nextAfter(f.size + 1);
      const rows = await this.log.rowsAfter(f.size, nextOwn === undefined ? 5000 : Math.min(5000, nextOwn - f.size - 1));
      if (rows.length === 0) {
        if (nextOwn !== undefined) return this.stop(`event ${f.size} is missing (next row is seq ${nextOwn}); not sealing`);
        break;
      }
      for (const row of rows) {
        const index = f.size;
        if (row.seq !== index + 1) return this.stop(`event ${index} is missing (next row is seq ${row.seq}); not sealing`);
        const bad = rowProblem(row);
        if (bad) return this.stop(`event ${index}: ${bad}; not sealing`);
        const leaf = leafHashOfText(row.body);
        seals.push({ seq: row.seq, seal: sealOf(this.keys.sealKey, index, leaf) });
        f.append(leaf);
      }
    }
    if (seals.length === 0) return;
    const signed = signCheckpoint({ treeSize: f.size, root: f.root().toString('hex'), time: new Date().toISOString() }, this.keys.privateKey);
    const cp: StoredCheckpoint = { ...signed, frontier: f.edge().map((h) => h.toString('hex')) };
    await this.log.commitSeal(seals, cp);
    await writePinned(this.pinnedPath, signed);
    this.frontier = f;
    this.health.treeSize = f.size;
    this.health.checkpointTime = signed.time;
  }

  private stop(problem: string): void {
    this.health.ok = false;
    this.health.problem = problem;
    this.report('error', `audit log: ${problem}`);
  }
}
