// AES-256-GCM with a fresh 12-byte IV and additional authenticated data, packed as iv(12) || ciphertext || tag(16):
// the one sealed-blob layout the gateway keeps at rest (audit texts, webhook secrets).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV = 12;
const TAG = 16;

export function sealGcm(key: Buffer, aad: string, plain: Buffer | string): Buffer {
  const iv = randomBytes(IV);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([c.update(typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain), c.final()]);
  return Buffer.concat([iv, ct, c.getAuthTag()]);
}

/** Throws if the key, the aad or the blob is wrong (GCM authentication). */
export function openGcm(key: Buffer, aad: string, blob: Buffer): Buffer {
  if (blob.length < IV + TAG) throw new Error('ciphertext too short');
  const d = createDecipheriv('aes-256-gcm', key, blob.subarray(0, IV));
  d.setAAD(Buffer.from(aad));
  d.setAuthTag(blob.subarray(blob.length - TAG));
  return Buffer.concat([d.update(blob.subarray(IV, blob.length - TAG)), d.final()]);
}
