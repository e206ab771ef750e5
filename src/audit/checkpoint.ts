// Signed checkpoints: tree size + root + time, signed with Ed25519 (node:crypto). The signed
// bytes are a fixed text form, so any verifier can rebuild them without our JSON rules.
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

export interface Checkpoint {
  readonly treeSize: number;
  /** hex SHA-256 Merkle root. */
  readonly root: string;
  readonly time: string;
}

export interface SignedCheckpoint extends Checkpoint {
  /** Short id of the signing key (see keyIdOf). */
  readonly keyId: string;
  /** base64 Ed25519 signature over checkpointText(). */
  readonly signature: string;
}

const ORIGIN = 'warden-audit-checkpoint/v1';

/** The exact signed message; a newline-terminated text like a transparency-log note. */
export function checkpointText(c: Checkpoint): string {
  return `${ORIGIN}\n${c.treeSize}\n${Buffer.from(c.root, 'hex').toString('base64')}\n${c.time}\n`;
}

/** First 8 bytes of SHA-256 over the raw 32-byte public key, hex. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(rawPublicKey(publicKey)).digest('hex').slice(0, 16);
}

export function rawPublicKey(publicKey: KeyObject): Buffer {
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return der.subarray(der.length - 32);
}

export function signCheckpoint(c: Checkpoint, privateKey: KeyObject): SignedCheckpoint {
  const publicKey = createPublicKey(privateKey);
  const signature = sign(null, Buffer.from(checkpointText(c)), privateKey).toString('base64');
  return { treeSize: c.treeSize, root: c.root, time: c.time, keyId: keyIdOf(publicKey), signature };
}

export type CheckpointCheck = { ok: true } | { ok: false; reason: string };

export function verifyCheckpoint(c: SignedCheckpoint, publicKey: KeyObject): CheckpointCheck {
  if (!Number.isSafeInteger(c.treeSize) || c.treeSize < 0) return { ok: false, reason: 'bad tree size' };
  if (!/^[0-9a-f]{64}$/.test(c.root)) return { ok: false, reason: 'bad root' };
  if (c.keyId !== keyIdOf(publicKey)) return { ok: false, reason: `signed by key ${c.keyId}, not ${keyIdOf(publicKey)}` };
  if (Buffer.from(String(c.signature), 'base64').toString('base64') !== c.signature) return { ok: false, reason: 'signature is not canonical base64' };
  let good = false;
  try {
    good = verify(null, Buffer.from(checkpointText(c)), publicKey, Buffer.from(c.signature, 'base64'));
  } catch {
    good = false;
  }
  return good ? { ok: true } : { ok: false, reason: 'bad signature' };
}
