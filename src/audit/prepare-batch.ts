// A batch made ready to store: plaintext cut out of each event, and kept text encrypted into its own rows with
// salted commitments in the event. The same code runs in the request thread or in the audit worker.
import type { AuditConfig } from './config.js';
import type { AuditEvent } from './event.js';
import type { TextRow } from './log-port.js';
import { textDecision } from './retention.js';
import { encryptText, textAad } from './text-crypto.js';

export function prepareBatch(batch: readonly AuditEvent[], cfg: AuditConfig['text'], textKey: Buffer | undefined): { events: AuditEvent[]; texts: TextRow[] } {
  const texts: TextRow[] = [];
  const events = batch.map((e) => {
    if (!e.text) return e;
    const text = e.text;
    const rest = withoutText(e);
    const d = textDecision(cfg, e, textKey !== undefined);
    if (!d.keep || !textKey) return rest;
    const textCommit: { prompt?: string; output?: string } = {};
    for (const field of ['prompt', 'output'] as const) {
      const t = text[field];
      if (t === undefined) continue;
      const s = encryptText(textKey, textAad(e.requestId, field), t);
      textCommit[field] = s.commitment;
      texts.push({ requestId: e.requestId, field, blob: s.blob, expiresAt: d.expiresAt });
    }
    return { ...rest, textCommit };
  });
  return { events, texts };
}

/**
 * `e` with its plaintext (and keepText) cleared, not left out: copying the whole event clones its
 * shape, several times cheaper than building a smaller object; undefined members are not stored.
 */
export function withoutText(e: AuditEvent): AuditEvent {
  const out: Cleared = { ...e, text: undefined };
  // Only if present: adding a member to the clone would cost more than the copy.
  if (out.keepText !== undefined) out.keepText = undefined;
  return out as AuditEvent;
}

type Cleared = { [K in keyof AuditEvent]?: AuditEvent[K] | undefined };
