// Pure: GitHub's partner-program signature check: ECDSA P-256 / SHA-256 over the raw body, DER signature in base64.
import { verify, type KeyObject } from 'node:crypto';

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

const B64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function checkSignature(body: Buffer, keyId: string | undefined, signature: string | undefined, keys: ReadonlyMap<string, KeyObject>): SignatureCheck {
  if (!keyId || !signature) return { ok: false, reason: 'Github-Public-Key-Identifier and Github-Public-Key-Signature are required.' };
  const key = keys.get(keyId);
  if (!key) return { ok: false, reason: 'Unknown Github-Public-Key-Identifier.' };
  if (signature.length > 512 || !B64.test(signature)) return { ok: false, reason: 'Github-Public-Key-Signature is not base64.' };
  let good = false;
  try {
    good = verify('sha256', body, { key, dsaEncoding: 'der' }, Buffer.from(signature, 'base64'));
  } catch {
    good = false;
  }
  return good ? { ok: true } : { ok: false, reason: 'The signature does not verify.' };
}
