// Admin token: from config/env, or generated at first start, printed once, stored only as a hash.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Deps } from '../deps.js';
import { formatKey, newKid, newSecret } from '../keys/format.js';
import type { Store } from '../store/port.js';

const SETTING = 'admin_token_sha256';

function sha256(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/** Returns a freshly generated token the first time (to print once), otherwise undefined. */
export async function ensureAdminToken(store: Store, configured: string | undefined): Promise<string | undefined> {
  if (configured !== undefined) return undefined;
  if (await store.getSetting(SETTING)) return undefined;
  const token = formatKey('a', newKid(), newSecret());
  await store.setSetting(SETTING, sha256(token).toString('hex'));
  return token;
}

const memo = new WeakMap<Store, Buffer>();

export async function checkAdminToken(deps: Pick<Deps, 'config' | 'store'>, header: string | undefined): Promise<boolean> {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!m) return false;
  const got = sha256(m[1]!);
  let want: Buffer | undefined;
  if (deps.config.adminToken !== undefined) want = sha256(deps.config.adminToken);
  else {
    want = memo.get(deps.store);
    if (!want) {
      const hex = await deps.store.getSetting(SETTING);
      if (!hex) return false;
      want = Buffer.from(hex, 'hex');
      memo.set(deps.store, want);
    }
  }
  return timingSafeEqual(got, want);
}
