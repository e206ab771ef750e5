// Fingerprints of the secrets every replica must share (key pepper, audit keys), kept in the store so a
// replica configured with other secrets is refused at start. A fingerprint is an HMAC under the secret
// itself: it tells equal secrets apart from different ones and reveals nothing else.
import { createHmac } from 'node:crypto';
import type { Store } from './port.js';

export interface Fingerprint {
  /** Settings row holding it. */
  readonly setting: string;
  /** What it is, for the error message ("key pepper (keyPepper / dataDir/pepper)"). */
  readonly label: string;
  readonly value: string;
}

export interface Mismatch extends Fingerprint {
  readonly stored: string;
}

export function fingerprintOf(secret: string | Buffer, purpose: string): string {
  return createHmac('sha256', secret).update(`warden fingerprint v1 ${purpose}`).digest('hex').slice(0, 32);
}

export function pepperFingerprint(pepper: string): Fingerprint {
  return { setting: 'fingerprint.key_pepper', label: 'key pepper (keyPepper, or the pepper file in the data dir)', value: fingerprintOf(pepper, 'key-pepper') };
}

/** Records each fingerprint the store does not hold yet (first replica wins); the ones that differ from it. */
export async function claimFingerprints(store: Pick<Store, 'claimSetting'>, fps: readonly Fingerprint[]): Promise<Mismatch[]> {
  const out: Mismatch[] = [];
  for (const f of fps) {
    const stored = await store.claimSetting(f.setting, f.value);
    if (stored !== f.value) out.push({ ...f, stored });
  }
  return out;
}

/** Read-only: the fingerprints that differ from what the store holds (none recorded: no mismatch). */
export async function storedMismatches(store: Pick<Store, 'getSetting'>, fps: readonly Fingerprint[]): Promise<Mismatch[]> {
  const out: Mismatch[] = [];
  for (const f of fps) {
    const stored = await store.getSetting(f.setting);
    if (stored !== undefined && stored !== f.value) out.push({ ...f, stored });
  }
  return out;
}

export function describeMismatches(ms: readonly Mismatch[]): string {
  return ms.map((m) => `${m.label}: this configuration's fingerprint is ${m.value}, the store was initialised with ${m.stored}`).join('; ');
}

/** Thrown at start: the shared store was initialised with other secrets than this replica's. */
export class SecretMismatchError extends Error {
  constructor(readonly mismatches: readonly Mismatch[]) {
    super(
      `configuration mismatch: the store was initialised with another ${mismatches.map((m) => m.label.split(' (')[0]).join(' and ')} than this replica has. ` +
        `Every replica sharing a store needs the same secrets (copy them from the first replica). ${describeMismatches(mismatches)}.`,
    );
    this.name = 'SecretMismatchError';
  }
}

/** claimFingerprints, throwing SecretMismatchError on any difference. */
export async function requireSameSecrets(store: Pick<Store, 'claimSetting'>, fps: readonly Fingerprint[]): Promise<void> {
  const ms = await claimFingerprints(store, fps);
  if (ms.length > 0) throw new SecretMismatchError(ms);
}
