// Prompt/output text kept under retention: AES-256-GCM at rest, and a salted hash commitment
// in the event. The salt lives inside the ciphertext, so once the text is purged the leaf
// still verifies but no longer reveals anything (the commitment cannot be brute-forced).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface SealedText {
  /** iv(12) || ciphertext || tag(16) */
  readonly blob: Buffer;
  /** hex; goes into the audit event (the leaf). */
  readonly commitment: string;
}

export interface OpenedText {
  readonly salt: string;
  readonly text: string;
}

const COMMIT_TAG = Buffer.from('warden-text/v1\0');

/** salt is base64. */
export function textCommitment(salt: string, text: string): string {
  return createHash('sha256').update(COMMIT_TAG).update(Buffer.from(salt, 'base64')).update(text, 'utf8').digest('hex');
}

/** `aad` binds the ciphertext to its place (request id + field), so rows cannot be swapped. */
export function encryptText(key: Buffer, aad: string, text: string): SealedText {
  const salt = randomBytes(16).toString('base64');
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([c.update(JSON.stringify({ s: salt, t: text }), 'utf8'), c.final()]);
  return { blob: Buffer.concat([iv, ct, c.getAuthTag()]), commitment: textCommitment(salt, text) };
}

/** Throws if the key, the aad or the blob is wrong (GCM authentication). */
export function decryptText(key: Buffer, aad: string, blob: Buffer): OpenedText {
  if (blob.length < 28) throw new Error('ciphertext too short');
  const d = createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12));
  d.setAAD(Buffer.from(aad));
  d.setAuthTag(blob.subarray(blob.length - 16));
  const plain = Buffer.concat([d.update(blob.subarray(12, blob.length - 16)), d.final()]).toString('utf8');
  const o = JSON.parse(plain) as { s: string; t: string };
  return { salt: o.s, text: o.t };
}

export function textAad(requestId: string, field: string): string {
  return `warden-text/v1|${requestId}|${field}`;
}
