// Stage limitGate (header phase): a key the limit stage just refused is refused again before its body is read.
import { OK, type Outcome } from '../errors/denial.js';
import type { Stage } from '../proxy/stage.js';
import type { ExhaustedKeys } from './exhausted.js';

export function limitGate(exhausted: ExhaustedKeys, clock: () => number = Date.now): Stage {
  return {
    name: 'limit',
    before(ctx): Outcome {
      const key = ctx.key;
      if (!key) return OK;
      const d = exhausted.refusal(key, clock());
      return d ? { ok: false, denial: d } : OK;
    },
  };
}
