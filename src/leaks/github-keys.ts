// GitHub's secret-scanning signing keys from a local file in the format GitHub serves; re-read when the file changes.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import type { Logger } from '../log.js';

const fileSchema = z
  .object({
    public_keys: z.array(z.object({ key_identifier: z.string().min(1), key: z.string().min(1), is_current: z.boolean().optional() }).passthrough()),
  })
  .passthrough();

/** Pure: the usable ECDSA P-256 keys by identifier, and why any entry was left out. */
export function parseKeyFile(text: string): { keys: Map<string, KeyObject>; problems: string[] } {
  const keys = new Map<string, KeyObject>();
  const problems: string[] = [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { keys, problems: ['not JSON'] };
  }
  const f = fileSchema.safeParse(json);
  if (!f.success) return { keys, problems: ['not in GitHub\'s format {"public_keys":[{"key_identifier","key"}]}'] };
  for (const e of f.data.public_keys) {
    try {
      const k = createPublicKey(e.key);
      if (k.asymmetricKeyType !== 'ec' || k.asymmetricKeyDetails?.namedCurve !== 'prime256v1') problems.push(`${e.key_identifier}: not an ECDSA P-256 key`);
      else keys.set(e.key_identifier, k);
    } catch {
      problems.push(`${e.key_identifier}: not a PEM public key`);
    }
  }
  return { keys, problems };
}

/** The keys as of the file's last change; a stat per call (reports are rare), a parse only when mtime or size moved. */
export class GithubKeyFile {
  #seen: { mtimeMs: number; size: number } | undefined;
  #keys = new Map<string, KeyObject>();

  constructor(
    private readonly path: string | undefined,
    private readonly log: Logger,
  ) {}

  async current(): Promise<ReadonlyMap<string, KeyObject>> {
    if (!this.path) return this.#keys;
    const st = await stat(this.path).catch(() => undefined);
    if (!st) {
      if (this.#seen) this.log.warn('leaks: GitHub public keys file is gone; /leaks/github is off', { file: this.path });
      this.#seen = undefined;
      this.#keys = new Map();
      return this.#keys;
    }
    if (this.#seen?.mtimeMs === st.mtimeMs && this.#seen.size === st.size) return this.#keys;
    const text = await readFile(this.path, 'utf8').catch(() => '');
    const { keys, problems } = parseKeyFile(text);
    for (const p of problems) this.log.warn('leaks: GitHub public key skipped', { file: this.path, problem: p });
    this.#seen = { mtimeMs: st.mtimeMs, size: st.size };
    this.#keys = keys;
    return keys;
  }
}
