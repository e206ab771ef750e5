// The audit log as one service: the sink the proxy writes to, the sealer, verify, export
// and retention purge. Built once in main.ts from the store and config.
import type { Store } from '../store/port.js';
import { buildBundle, type Bundle, type BundleText } from './bundle.js';
import type { AuditConfig } from './config.js';
import type { AuditEvent } from './event.js';
import type { AuditKeys } from './keys.js';
import type { AuditLogStore, AuditQuery, AuditRow } from './log-port.js';
import { MerkleTree, leafHashOfText } from './merkle.js';
import { readPinned } from './pinned.js';
import { AuditSealer, type Sealer, type SealerHealth } from './sealer.js';
import { BatchingAuditSink } from './sink.js';
import type { AuditWorker } from './worker-client.js';
import { WorkerSealer } from './worker-sealer.js';
import { workerWriter } from './worker-writer.js';
import { decryptText, textAad } from './text-crypto.js';
import { keyMismatch, verifyLog, type VerifyReport } from './verify-log.js';
import { verifyFingerprints } from './key-fingerprints.js';
import { describeMismatches, storedMismatches } from '../store/secret-fingerprints.js';

/** Rows per read while verifying (see verify()). */
const VERIFY_PAGE = 512;

type Report = (level: 'info' | 'warn' | 'error', msg: string) => void;

export interface ExportOptions {
  readonly includeText?: boolean;
  /** Who asked (admin token id, "cli"...). */
  readonly actor: string;
}

export class AuditService {
  readonly sink: BatchingAuditSink;
  readonly sealer: Sealer;

  private constructor(
    private readonly store: Store,
    readonly log: AuditLogStore,
    readonly keys: AuditKeys,
    private readonly cfg: AuditConfig,
    dataDir: string,
    report: Report,
    /** Commits events and seals in its own thread (SQLite); none: both happen in this one. */
    readonly worker: AuditWorker | undefined,
  ) {
    if (worker) {
      this.sink = new BatchingAuditSink(store, log, cfg, keys.textKey, report, workerWriter(worker));
      this.sealer = new WorkerSealer(worker, dataDir, report);
    } else {
      this.sink = new BatchingAuditSink(store, log, cfg, keys.textKey, report);
      this.sealer = new AuditSealer(log, keys, dataDir, report, store.writtenRows);
    }
  }

  /** `seal: false` opens read-only (verify from the CLI while a gateway runs). */
  static async open(store: Store, log: AuditLogStore, keys: AuditKeys, cfg: AuditConfig, dataDir: string, report: Report = () => {}, seal = true, worker?: AuditWorker): Promise<AuditService> {
    const s = new AuditService(store, log, keys, cfg, dataDir, report, seal ? worker : undefined);
    if (seal) {
      await s.sealer.open();
      await s.sealer.sealNow();
    }
    return s;
  }

  private purgeTimer: NodeJS.Timeout | undefined;

  startBackground(): void {
    this.sealer.start(this.cfg.checkpointIntervalMs);
    this.purgeTimer = setInterval(() => void this.purgeExpiredText().catch(() => {}), 10 * 60_000);
    this.purgeTimer.unref();
    void this.purgeExpiredText().catch(() => {});
  }

  get health(): SealerHealth {
    return this.sealer.health;
  }

  async *rows(batch = 5000): AsyncGenerator<AuditRow> {
    for (let after = 0; ; ) {
      const rows = await this.log.rowsAfter(after, batch);
      if (rows.length === 0) return;
      yield* rows;
      after = rows[rows.length - 1]!.seq;
    }
  }

  async verify(): Promise<VerifyReport> {
    // Keys other than the ones the store was initialised with fail every signature and seal: say that, not "tampered".
    const mismatched = await storedMismatches(this.store, verifyFingerprints(this.keys));
    if (mismatched.length > 0) return keyMismatch(`the store was initialised with other audit keys than this configuration holds (${describeMismatches(mismatched)})`);
    const pinned = readPinned(this.sealer.pinnedPath);
    return verifyLog({
      // Small pages: SQLite reads a page synchronously, so a page is a slice the event loop waits for.
      rows: this.rows(VERIFY_PAGE),
      checkpoints: await this.log.checkpoints(),
      pinned: pinned.ok ? pinned.cp : undefined,
      publicKey: this.keys.publicKey,
      sealKey: this.keys.sealKey,
    });
  }

  /** Seals and checkpoints first, verifies the whole log, then builds the bundle. */
  async export(q: AuditQuery, opts: ExportOptions): Promise<Bundle> {
    const query = Object.fromEntries(
      Object.entries(q)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    );
    // The export is itself an admin action, recorded (and sealed) before any text leaves.
    await this.store.appendAudit([
      {
        time: new Date().toISOString(),
        kind: 'admin',
        requestId: `exp_${Date.now().toString(36)}`,
        action: 'audit.export',
        actor: opts.actor,
        detail: { query, includeText: opts.includeText === true },
      },
    ]);
    await this.sink.flush();
    await this.sealer.sealNow();
    const report = await this.verify();
    if (!report.ok) throw new Error(`audit log does not verify, refusing to export: ${report.problem}`);
    const cp = await this.log.latestCheckpoint();
    if (!cp) throw new Error('no signed checkpoint yet');
    const leaves: Buffer[] = [];
    for await (const r of this.rows()) {
      if (r.seq > cp.treeSize) break;
      leaves.push(leafHashOfText(r.body));
    }
    const tree = new MerkleTree(leaves);
    const rows = (await this.log.find(q)).filter((r) => r.seq <= cp.treeSize && matches(r, q));
    const events = rows.map((r) => ({ index: r.seq - 1, body: r.body }));
    const proofs = events.map((e) => ({ index: e.index, path: tree.inclusionProof(e.index, cp.treeSize).map((h) => h.toString('hex')) }));
    const texts: BundleText[] = [];
    if (opts.includeText) {
      if (!this.keys.textKey) throw new Error('no text key configured');
      const byReq = new Map(rows.map((r) => [r.requestId, r.seq - 1]));
      for (const t of await this.log.getTexts([...byReq.keys()])) {
        const o = decryptText(this.keys.textKey, textAad(t.requestId, t.field), t.blob);
        texts.push({ index: byReq.get(t.requestId)!, field: t.field, salt: o.salt, text: o.text });
      }
      texts.sort((a, b) => a.index - b.index || a.field.localeCompare(b.field));
    }
    const { frontier: _f, ...checkpoint } = cp;
    return buildBundle({ query, exportedBy: opts.actor, publicKeyPem: this.keys.publicKeyPem, privateKey: this.keys.privateKey, checkpoint, events, proofs, texts });
  }

  purgeExpiredText(now = new Date()): Promise<number> {
    return this.log.purgeTexts(now.toISOString());
  }

  async close(): Promise<void> {
    if (this.purgeTimer) clearInterval(this.purgeTimer);
    await this.sink.close();
    await this.sealer.close();
  }
}

function matches(r: AuditRow, q: AuditQuery): boolean {
  if (q.incidentId === undefined) return true;
  return (JSON.parse(r.body) as AuditEvent).incidentId === q.incidentId;
}
