// Test support for in-process replicas sharing one store: the secrets they must share, and polling for a condition.
import { generateKeyPairSync, randomBytes } from 'node:crypto';

/** One key pepper and one set of audit keys: a replica with others is refused at start (store/secret-fingerprints.ts). */
export function sharedSecrets(): { keyPepper: string; audit: { signingKey: string; sealKey: string } } {
  return {
    keyPepper: randomBytes(32).toString('hex'),
    audit: { signingKey: generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), sealKey: randomBytes(32).toString('base64') },
  };
}

/** Polls `ok` every 20 ms until it holds, or fails naming what it waited for. */
export async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
