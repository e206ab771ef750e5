// Evidence bundle: one canonical JSON file with the events (exact leaf bytes), their inclusion
// proofs, the covering signed checkpoint, the public key and a signed manifest of hashes.
import { createHash, sign, type KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical.js';
import type { SignedCheckpoint } from './checkpoint.js';

export const BUNDLE_FORMAT = 'warden-audit-bundle/v1';

export interface BundleEvent {
  readonly index: number;
  /** The stored canonical JSON, byte for byte what the leaf hashes. */
  readonly body: string;
}
export interface BundleProof {
  readonly index: number;
  readonly path: readonly string[];
}
export interface BundleText {
  readonly index: number;
  readonly field: 'prompt' | 'output';
  readonly salt: string;
  readonly text: string;
}

export interface BundleManifest {
  readonly createdAt: string;
  readonly query: Record<string, string>;
  readonly exportedBy: string;
  readonly eventCount: number;
  readonly treeSize: number;
  readonly includesText: boolean;
  readonly hashes: Readonly<Record<'events' | 'proofs' | 'checkpoint' | 'publicKey' | 'texts', string>>;
}

export interface Bundle {
  readonly format: typeof BUNDLE_FORMAT;
  readonly manifest: BundleManifest;
  /** base64 Ed25519 over canonicalJson(manifest). */
  readonly manifestSignature: string;
  readonly publicKey: string;
  readonly checkpoint: SignedCheckpoint;
  readonly events: readonly BundleEvent[];
  readonly proofs: readonly BundleProof[];
  readonly texts: readonly BundleText[];
}

export const sha256Hex = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

export function partHashes(b: Pick<Bundle, 'events' | 'proofs' | 'checkpoint' | 'publicKey' | 'texts'>): BundleManifest['hashes'] {
  return {
    events: sha256Hex(canonicalJson(b.events)),
    proofs: sha256Hex(canonicalJson(b.proofs)),
    checkpoint: sha256Hex(canonicalJson(b.checkpoint)),
    publicKey: sha256Hex(b.publicKey),
    texts: sha256Hex(canonicalJson(b.texts)),
  };
}

export interface BuildBundleInput {
  readonly query: Record<string, string>;
  readonly exportedBy: string;
  readonly publicKeyPem: string;
  readonly privateKey: KeyObject;
  readonly checkpoint: SignedCheckpoint;
  readonly events: readonly BundleEvent[];
  readonly proofs: readonly BundleProof[];
  readonly texts: readonly BundleText[];
  readonly now?: string;
}

export function buildBundle(i: BuildBundleInput): Bundle {
  const parts = { events: i.events, proofs: i.proofs, checkpoint: i.checkpoint, publicKey: i.publicKeyPem, texts: i.texts };
  const manifest: BundleManifest = {
    createdAt: i.now ?? new Date().toISOString(),
    query: i.query,
    exportedBy: i.exportedBy,
    eventCount: i.events.length,
    treeSize: i.checkpoint.treeSize,
    includesText: i.texts.length > 0,
    hashes: partHashes(parts),
  };
  const manifestSignature = sign(null, Buffer.from(canonicalJson(manifest)), i.privateKey).toString('base64');
  return { format: BUNDLE_FORMAT, manifest, manifestSignature, ...parts };
}

/** The file bytes: canonical JSON and a newline, so every byte is covered by some check. */
export function serializeBundle(b: Bundle): string {
  return canonicalJson(b) + '\n';
}
