// Stage sourceGuard: refuses a source that sprayed invalid keys, before any key lookup.
import { createHash } from 'node:crypto';
import { deny, OK, type Outcome } from '../errors/denial.js';
import type { Stage } from '../proxy/stage.js';
import { isPrivate, parseIp, sourceIdOf } from './ip/addr.js';
import type { RiskService } from './service.js';
import { sprayVerdict } from './spray.js';

export function sourceGuard(risk: RiskService): Stage {
  const spray = risk.opts.config.spray;
  return {
    name: 'sourceGuard',
    before(ctx): Outcome {
      const s = risk.sources.peek(risk.opts.intel.place(ctx.clientIp).sourceId);
      if (!s || s.blockedUntil <= ctx.time) return OK;
      ctx.audit.decision = 'block-source';
      return deny('SOURCE_BLOCKED', 'Too many failed authentications from this network address. Try again later.', {
        retryAfter: Math.ceil((s.blockedUntil - ctx.time) / 1000),
      });
    },
    after(ctx): void {
      // Only failed credentials count: a missing key is a misconfiguration, not a guess.
      if (ctx.deniedBy !== 'authenticate' || ctx.errorCode !== 'INVALID_API_KEY' || !ctx.presentedKey) return;
      const ip = parseIp(ctx.clientIp);
      if (!ip || (spray.exemptPrivate && isPrivate(ip))) return;
      const id = sourceIdOf(ctx.clientIp);
      const digest = createHash('sha256').update(ctx.presentedKey).digest('base64url').slice(0, 12);
      const s = risk.noteAuthFailure(id, digest, ctx.time);
      if (s.blockedUntil > ctx.time) return;
      const v = sprayVerdict(s, spray, ctx.time);
      if (v.verdict === 'block') {
        s.blockedUntil = v.until;
        risk.sourceBlocked(id, { failures: s.fails, distinctKeys: s.badKeys.size, until: v.until });
      }
    },
  };
}
