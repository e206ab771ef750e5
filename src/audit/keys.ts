// Loads or creates the audit keys: the Ed25519 checkpoint signing key, the row seal key and the
// text encryption key. They live in config or under dataDir/audit, never in the store.
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyIdOf } from './checkpoint.js';
import type { AuditConfig } from './config.js';

export interface AuditKeys {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly keyId: string;
  readonly publicKeyPem: string;
  readonly sealKey: Buffer;
  /** Present only when text may be kept. */
  readonly textKey: Buffer | undefined;
}

export function loadAuditKeys(cfg: AuditConfig, dataDir: string): AuditKeys {
  const dir = join(dataDir, 'audit');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const pem = cfg.signingKey ?? (cfg.signingKeyFile ? readFileSync(cfg.signingKeyFile, 'utf8') : createOnce(join(dir, 'signing-key.pem'), () => newSigningKeyPem()));
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('audit.signingKey must be an Ed25519 private key');
  const publicKey = createPublicKey(privateKey);
  const sealKey = decodeKey(cfg.sealKey ?? createOnce(join(dir, 'seal.key'), () => randomBytes(32).toString('base64')), 'audit.sealKey', 32);
  const textKey =
    cfg.text.keep === 'never' && !cfg.text.key && !cfg.text.keyFile
      ? undefined
      : decodeKey(
          cfg.text.key ?? (cfg.text.keyFile ? readFileSync(cfg.text.keyFile, 'utf8') : createOnce(join(dir, 'text.key'), () => randomBytes(32).toString('base64'))),
          'audit.text.key',
          32,
          true,
        );
  return {
    privateKey,
    publicKey,
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    sealKey,
    textKey,
  };
}

function newSigningKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

/** Creates the file exclusively (two processes starting together agree on one key). */
function createOnce(path: string, make: () => string): string {
  try {
    writeFileSync(path, make(), { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return readFileSync(path, 'utf8');
}

export function decodeKey(text: string, name: string, minBytes: number, exact = false): Buffer {
  const t = text.trim();
  const buf = /^[0-9a-fA-F]+$/.test(t) && t.length % 2 === 0 ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (buf.length < minBytes || (exact && buf.length !== minBytes)) throw new Error(`${name}: need ${exact ? '' : 'at least '}${minBytes} bytes (hex or base64)`);
  return buf;
}
