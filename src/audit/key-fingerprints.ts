// Fingerprints of the audit keys for the store (see store/secret-fingerprints.ts): every replica writing one
// log must sign checkpoints, seal rows and encrypt text with the same keys.
import { fingerprintOf, type Fingerprint } from '../store/secret-fingerprints.js';
import type { AuditKeys } from './keys.js';

/** The keys verify depends on: checkpoint signatures and row seals. */
export function verifyFingerprints(keys: Pick<AuditKeys, 'keyId' | 'sealKey'>): Fingerprint[] {
  return [
    // The key id is derived from the public key: nothing secret in it.
    { setting: 'fingerprint.audit_signing_key', label: 'audit signing key (audit.signingKey, audit.signingKeyFile, or audit/signing-key.pem in the data dir)', value: keys.keyId },
    { setting: 'fingerprint.audit_seal_key', label: 'audit seal key (audit.sealKey, or audit/seal.key in the data dir)', value: fingerprintOf(keys.sealKey, 'audit-seal-key') },
  ];
}

/** Every audit key this process holds (the text key only when text may be kept). */
export function auditFingerprints(keys: Pick<AuditKeys, 'keyId' | 'sealKey' | 'textKey'>): Fingerprint[] {
  const fps = verifyFingerprints(keys);
  if (keys.textKey)
    fps.push({
      setting: 'fingerprint.audit_text_key',
      label: 'audit text key (audit.text.key, audit.text.keyFile, or audit/text.key in the data dir)',
      value: fingerprintOf(keys.textKey, 'audit-text-key'),
    });
  return fps;
}
