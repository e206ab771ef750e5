// Messages between the request thread and the audit worker (worker-thread.ts). Events cross as one JSON text per
// batch: a single string copy instead of a structured clone of every nested object, and JSON semantics are what
// the stored body keeps anyway (event-body.ts), so the worker stores the same bytes the request thread would.
import type { AuditConfig } from './config.js';
import type { SealerHealth } from './sealer.js';

export interface WorkerInit {
  /** The SQLite file; the worker opens its own connection to it (WAL: the request thread reads what it commits). */
  readonly path: string;
  readonly dataDir: string;
  readonly text: AuditConfig['text'];
  /** PKCS#8 PEM of the checkpoint signing key. */
  readonly signingKeyPem: string;
  readonly sealKey: Uint8Array;
  readonly textKey: Uint8Array | undefined;
  /** Whether the sealer runs in the worker, and how often it seals (none: sealNow only). */
  readonly sealEveryMs: number | undefined;
}

export type ToWorker =
  /**
   * `events`: JSON array of AuditEvent. `after`: set when this batch may already be stored (the worker that had it
   * died before it answered): events found among the rows after that seq are not stored again.
   */
  | { readonly t: 'write'; readonly id: number; readonly events: string; readonly after?: number }
  | { readonly t: 'seal'; readonly id: number }
  | { readonly t: 'start'; readonly id: number; readonly everyMs: number }
  /** Stops the sealer's timer, seals what is left and closes the connection; the worker then exits. */
  | { readonly t: 'close'; readonly id: number };

export type FromWorker =
  /** lastSeq: the highest seq in the log once the worker is up. */
  | { readonly t: 'ready'; readonly health: SealerHealth; readonly lastSeq: number }
  /** The request `id` is done: for a write, committed (lastSeq: the highest seq in the log right after it). */
  | { readonly t: 'done'; readonly id: number; readonly error?: string; readonly lastSeq?: number; readonly health?: SealerHealth }
  | { readonly t: 'health'; readonly health: SealerHealth }
  | { readonly t: 'log'; readonly level: 'info' | 'warn' | 'error'; readonly msg: string };
