// Offline bundle verification: needs nothing but the file (and, to pin the signer, the
// operator's published public key id). Every byte is covered: canonical form, signed
// manifest, part hashes, checkpoint signature, leaf hashes, inclusion proofs, text commitments.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { canonicalJson, isCanonical } from './canonical.js';
import { BUNDLE_FORMAT, partHashes, type Bundle } from './bundle.js';
import { keyIdOf, verifyCheckpoint } from './checkpoint.js';
import type { AuditEvent } from './event.js';
import { leafHash } from './merkle.js';
import { verifyInclusion } from './merkle-verify.js';
import { textCommitment } from './text-crypto.js';

export interface BundleReport {
  ok: boolean;
  problems: string[];
  keyId?: string;
  treeSize?: number;
  events?: number;
  texts?: number;
}

export function verifyBundle(fileText: string, expectKeyId?: string): BundleReport {
  try {
    return check(fileText, expectKeyId);
  } catch (e) {
    // A mangled bundle can break any assumption about its shape; that is a failed check, not a crash.
    return { ok: false, problems: [`malformed bundle: ${(e as Error).message}`] };
  }
}

function check(fileText: string, expectKeyId?: string): BundleReport {
  const problems: string[] = [];
  const out = (extra: Partial<BundleReport> = {}): BundleReport => ({ ok: problems.length === 0, problems, ...extra });
  const text = fileText.endsWith('\n') ? fileText.slice(0, -1) : fileText;
  if (!isCanonical(text)) return (problems.push('file is not the canonical serialisation of its content (bytes were changed)'), out());
  const b = JSON.parse(text) as Bundle;
  if (b.format !== BUNDLE_FORMAT) return (problems.push(`unknown format ${String(b.format)}`), out());
  for (const part of ['manifest', 'manifestSignature', 'publicKey', 'checkpoint', 'events', 'proofs', 'texts'] as const) {
    if (b[part] === undefined) return (problems.push(`missing ${part}`), out());
  }
  let pub: KeyObject;
  try {
    pub = createPublicKey(b.publicKey);
  } catch {
    return (problems.push('public key does not parse'), out());
  }
  const keyId = keyIdOf(pub);
  if (expectKeyId && keyId !== expectKeyId) problems.push(`signed by key ${keyId}, expected ${expectKeyId}`);
  if (!safeVerify(pub, canonicalJson(b.manifest), b.manifestSignature)) problems.push('manifest signature does not verify');
  const want = b.manifest?.hashes ?? {};
  const have = partHashes(b);
  for (const k of Object.keys(have) as (keyof typeof have)[]) if (want[k] !== have[k]) problems.push(`${k} do not match the manifest hash`);
  const cp = verifyCheckpoint(b.checkpoint, pub);
  if (!cp.ok) problems.push(`checkpoint: ${cp.reason}`);
  if (b.manifest.eventCount !== b.events.length || b.manifest.treeSize !== b.checkpoint.treeSize) problems.push('manifest counts do not match the content');
  const root = Buffer.from(b.checkpoint.root, 'hex');
  const proofs = new Map(b.proofs.map((p) => [p.index, p.path]));
  const events = new Map<number, AuditEvent>();
  for (const e of b.events) {
    const path = proofs.get(e.index);
    if (!isCanonical(e.body)) problems.push(`event ${e.index}: body is not canonical`);
    const ok =
      path !== undefined &&
      verifyInclusion(
        leafHash(Buffer.from(e.body, 'utf8')),
        e.index,
        b.checkpoint.treeSize,
        path.map((h) => Buffer.from(h, 'hex')),
        root,
      );
    if (!ok) problems.push(`event ${e.index}: not included in the signed tree of size ${b.checkpoint.treeSize}`);
    else events.set(e.index, JSON.parse(e.body) as AuditEvent);
  }
  for (const t of b.texts) {
    const commit = events.get(t.index)?.textCommit?.[t.field];
    if (!commit || commit !== textCommitment(t.salt, t.text)) problems.push(`text ${t.field} of event ${t.index} does not match the event's commitment`);
  }
  return out({ keyId, treeSize: b.checkpoint.treeSize, events: b.events.length, texts: b.texts.length });
}

function safeVerify(pub: KeyObject, msg: string, sigB64: string): boolean {
  // Strict base64: a decoder ignores stray trailing bits, which would let a changed byte pass.
  if (Buffer.from(String(sigB64), 'base64').toString('base64') !== sigB64) return false;
  try {
    return verify(null, Buffer.from(msg), pub, Buffer.from(String(sigB64), 'base64'));
  } catch {
    return false;
  }
}
