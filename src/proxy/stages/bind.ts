// Stage: is this key allowed here — from this network, on this endpoint, for this model?
import { deny, OK, type Outcome } from '../../errors/denial.js';
import type { KeyRecord } from '../../keys/types.js';
import { anyContains, parseCidr, type Cidr } from '../../net/cidr.js';
import type { Endpoint } from '../../api.js';
import type { Stage } from '../stage.js';

export type BindResult = { ok: true } | { ok: false; code: 'NETWORK_NOT_ALLOWED' | 'ENDPOINT_NOT_ALLOWED' | 'MODEL_NOT_ALLOWED' };

const cidrCache = new WeakMap<readonly string[], Cidr[]>();
function cidrsOf(list: readonly string[]): Cidr[] {
  let c = cidrCache.get(list);
  if (!c) {
    c = list.map(parseCidr).filter((x): x is Cidr => x !== undefined);
    cidrCache.set(list, c);
  }
  return c;
}

/**
 * Pure decision; an undefined ip or endpoint is not judged (the other phase judges it). ASN allowlists are judged
 * by the risk stage, which has the IP data.
 */
export function bindDecision(key: KeyRecord, ip: string | undefined, endpoint: Endpoint | undefined, model: string | undefined): BindResult {
  if (ip !== undefined && key.allowedCidrs.length > 0 && !anyContains(cidrsOf(key.allowedCidrs), ip)) return { ok: false, code: 'NETWORK_NOT_ALLOWED' };
  if (endpoint !== undefined && endpoint !== 'models' && !key.endpoints.includes(endpoint)) return { ok: false, code: 'ENDPOINT_NOT_ALLOWED' };
  if (model !== undefined && key.models !== null && !key.models.includes(model)) return { ok: false, code: 'MODEL_NOT_ALLOWED' };
  return { ok: true };
}

/**
 * `source` (header phase): network and endpoint, known before the body is read. `model` (body phase): the model
 * the parsed body (or the Azure path) names. Both report as the 'bind' stage.
 */
export function bind(part: 'source' | 'model' | 'all' = 'all'): Stage {
  return {
    name: 'bind',
    before(ctx): Outcome {
      const key = ctx.key!;
      const r = bindDecision(key, part === 'model' ? undefined : ctx.clientIp, part === 'model' ? undefined : ctx.route.endpoint, part === 'source' ? undefined : ctx.model);
      if (r.ok) return OK;
      switch (r.code) {
        case 'NETWORK_NOT_ALLOWED':
          return deny(r.code, 'This key may not be used from your network.');
        case 'ENDPOINT_NOT_ALLOWED':
          return deny(r.code, `This key is not allowed to use the ${ctx.route.endpoint} endpoint.`);
        case 'MODEL_NOT_ALLOWED':
          return deny(r.code, `This key is not allowed to use the model '${ctx.model}'.`, { param: 'model' });
      }
    },
  };
}
