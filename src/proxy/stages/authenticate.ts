// Stage: find the key by kid (bad shape or checksum rejected before any lookup) and verify its secret.
import type { Deps } from '../../deps.js';
import { deny, OK, type Outcome } from '../../errors/denial.js';
import { parseKey, type ParsedKey } from '../../keys/format.js';
import type { KeyRecord } from '../../keys/types.js';
import { verifySecret } from '../../keys/verify.js';
import type { RequestContext } from '../context.js';
import type { Stage } from '../stage.js';

const INVALID = 'Incorrect API key provided. You can find your Warden key in the gateway admin console.';

/** The credential from `Authorization: Bearer …` or Azure's `api-key`. */
export function presentedCredential(headers: RequestContext['headers']): string | undefined {
  const auth = headers['authorization'];
  if (typeof auth === 'string') {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (m) return m[1];
  }
  const apiKey = headers['api-key'];
  return typeof apiKey === 'string' && apiKey.length > 0 ? apiKey.trim() : undefined;
}

export function authenticate(deps: Pick<Deps, 'keys' | 'pepper'>): Stage {
  /** The key the kid names (or none) decides the request: its type, secret, status and canary flag. */
  const decide = (ctx: RequestContext, parsed: Extract<ParsedKey, { ok: true }>, key: KeyRecord | undefined): Outcome => {
    if (!key || key.type !== (parsed.type === 'l' ? 'live' : 'test')) {
      ctx.audit.detail = { auth: 'unknown_kid', kid: parsed.kid };
      return deny('INVALID_API_KEY', INVALID);
    }
    const v = verifySecret(key, parsed.secret, deps.pepper, ctx.time);
    if (!v.ok) {
      if (v.code !== 'INVALID_API_KEY') ctx.key = key;
      ctx.audit.keyId = key.id;
      ctx.audit.tenantId = key.tenantId;
      ctx.audit.detail = { auth: v.code === 'INVALID_API_KEY' ? 'wrong_secret' : v.code.toLowerCase() };
      return v.code === 'KEY_SUSPENDED'
        ? deny('KEY_SUSPENDED', `This key is suspended${key.statusReason ? ` (${key.statusReason})` : ''}. Ask the gateway operator to reinstate it.`, { wireCode: 'key_suspended' })
        : v.code === 'KEY_REVOKED'
          ? deny('KEY_REVOKED', 'This key has been revoked.')
          : v.code === 'KEY_EXPIRED'
            ? deny('KEY_EXPIRED', 'This key has expired.')
            : deny('INVALID_API_KEY', INVALID);
    }
    ctx.key = key;
    if (key.canary) {
      // A canary never reaches an upstream, and its holder must not learn it is one.
      ctx.audit.detail = { auth: 'canary' };
      return deny('INVALID_API_KEY', INVALID);
    }
    if (v.usedPreviousSecret) ctx.audit.detail = { auth: 'previous_secret_in_grace' };
    return OK;
  };

  return {
    name: 'authenticate',
    before(ctx): Outcome | Promise<Outcome> {
      const presented = presentedCredential(ctx.headers);
      if (presented === undefined) {
        return deny('MISSING_API_KEY', "You didn't provide an API key. Send it as 'Authorization: Bearer wdn_…' or in the 'api-key' header.");
      }
      ctx.presentedKey = presented;
      const parsed = parseKey(presented);
      if (!parsed.ok || parsed.type === 'a') {
        ctx.audit.detail = { auth: parsed.ok ? 'admin_key_on_data_plane' : parsed.reason };
        return deny('INVALID_API_KEY', INVALID);
      }
      // A cached kid (the usual request) is decided synchronously: no promise, no microtask turns.
      const hit = deps.keys.hit(parsed.kid);
      if (hit) return decide(ctx, parsed, hit.key);
      return deps.keys.get(parsed.kid).then((key) => decide(ctx, parsed, key));
    },
  };
}
