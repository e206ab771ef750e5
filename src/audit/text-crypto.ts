// Prompt/output text kept under retention: AES-256-GCM at rest, and a salted hash commitment
// in the event. The salt lives inside the ciphertext, so once the text is purged the leaf
// still verifies but no longer reveals anything (the commitment cannot be brute-forced).
import { createHash, randomBytes } from 'node:crypto';
import { openGcm, sealGcm } from '../crypto/aes-gcm.js';

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
  return { blob: sealGcm(key, aad, JSON.stringify({ s: salt, t: text })), commitment: textCommitment(salt, text) };
}

/** Throws if the key, the aad or the blob is wrong (GCM authentication). */
export function decryptText(key: Buffer, aad: string, blob: Buffer): OpenedText {
  const o = JSON.parse(openGcm(key, aad, blob).toString('utf8')) as { s: string; t: string };
  return { salt: o.s, text: o.t };
}

export function textAad(requestId: string, field: string): string {
  return `warden-text/v1|${requestId}|${field}`;
}
