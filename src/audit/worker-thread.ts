// The audit worker's thread: its own connection to the SQLite file, the canonical JSON, leaf hashes and inserts of
// each batch, and the sealer (seals, signed checkpoints, the pinned file). Answers each write only once it has
// committed; the request thread holds every response until then.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteStore } from '../store/sqlite/store.js';
import { keyIdOf } from './checkpoint.js';
import type { AuditEvent } from './event.js';
import type { AuditKeys } from './keys.js';
import { SqliteAuditLog } from './log-sqlite.js';
import { prepareBatch } from './prepare-batch.js';
import { AuditSealer, type SealerHealth } from './sealer.js';
import type { FromWorker, ToWorker, WorkerInit } from './worker-protocol.js';

const port = parentPort!;
const init = workerData as WorkerInit;
const post = (m: FromWorker): void => port.postMessage(m);
const report = (level: 'info' | 'warn' | 'error', msg: string): void => post({ t: 'log', level, msg });

const store = new SqliteStore(init.path);
const log = new SqliteAuditLog(store.db);
const keys = workerKeys(init);
const sealer = new AuditSealer(log, keys, init.dataDir, report, store.writtenRows);
const lastSeq = store.db.prepare('SELECT COALESCE(MAX(seq), 0) AS n FROM audit_events').pluck();
const storedAfter = store.db.prepare('SELECT kind, request_id, time FROM audit_events WHERE seq > ?');
let healthTimer: NodeJS.Timeout | undefined;
let lastHealth = '';

await sealer.open();
if (init.sealEveryMs !== undefined) startSealing(init.sealEveryMs);
post({ t: 'ready', health: sealer.health, lastSeq: lastSeq.get() as number });

// Writes (and close) one at a time, in order: a write is committed before the next is looked at. A seal runs beside
// them, as the timer's do: it waits on file I/O, and writes must not wait behind it.
let chain: Promise<void> = Promise.resolve();
port.on('message', (m: ToWorker) => {
  if (m.t === 'seal') void handle(m);
  else chain = chain.then(() => handle(m));
});

async function handle(m: ToWorker): Promise<void> {
  try {
    switch (m.t) {
      case 'write':
        await write(m.events, m.after);
        post({ t: 'done', id: m.id, lastSeq: lastSeq.get() as number });
        return;
      case 'seal':
        await sealer.sealNow();
        post({ t: 'done', id: m.id, health: sealer.health });
        return;
      case 'start':
        startSealing(m.everyMs);
        post({ t: 'done', id: m.id });
        return;
      case 'close':
        if (healthTimer) clearInterval(healthTimer);
        await sealer.close();
        await store.close();
        post({ t: 'done', id: m.id, health: sealer.health });
        port.close();
        return;
    }
  } catch (e) {
    post({ t: 'done', id: m.id, error: String(e), health: sealer.health });
  }
}

async function write(json: string, after: number | undefined): Promise<void> {
  let batch = JSON.parse(json) as AuditEvent[];
  if (after !== undefined) batch = notStored(batch, after);
  const { events, texts } = prepareBatch(batch, init.text, init.textKey && Buffer.from(init.textKey));
  // Text first, as in the request thread's writer: a crash in between leaves text with no event, never the reverse.
  if (texts.length > 0) await log.putTexts(texts);
  await store.appendAudit(events);
}

/** A batch commits whole or not at all, but a retried one may have grown: each event is looked for on its own. */
function notStored(batch: AuditEvent[], after: number): AuditEvent[] {
  const seen = new Set((storedAfter.all(after) as { kind: string; request_id: string; time: string }[]).map((r) => `${r.kind}\n${r.request_id}\n${r.time}`));
  if (seen.size === 0) return batch;
  const left = batch.filter((e) => !seen.has(`${e.kind}\n${e.requestId}\n${e.time}`));
  if (left.length < batch.length) report('warn', `audit worker: ${batch.length - left.length} events of a retried batch were already stored; not stored twice`);
  return left;
}

function startSealing(everyMs: number): void {
  sealer.start(everyMs);
  // The request thread's view of the sealer (readiness, metrics): sent when it changes.
  healthTimer ??= setInterval(sendHealth, everyMs);
}

function sendHealth(): void {
  const h: SealerHealth = sealer.health;
  const text = JSON.stringify(h);
  if (text === lastHealth) return;
  lastHealth = text;
  post({ t: 'health', health: h });
}

function workerKeys(i: WorkerInit): AuditKeys {
  const privateKey = createPrivateKey(i.signingKeyPem);
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    sealKey: Buffer.from(i.sealKey),
    textKey: i.textKey && Buffer.from(i.textKey),
  };
}
