// Pipeline stage: while the store is known to be down, refuse at once (503, retry-after) instead of forwarding.
import { deny, OK, type Outcome } from '../errors/denial.js';
import type { Stage } from '../proxy/stage.js';
import type { StageName } from '../proxy/stage-name.js';

export const STORE_GATE = 'storeGate' satisfies StageName;

/**
 * Every answer waits for its audit event to be durable, so a request forwarded during an outage
 * would spend upstream money and then wait out the write deadline. Refusing it costs nothing and
 * tells the client (openai SDKs retry 503 with backoff) when to come back.
 */
export function storeGate(health: { readonly down: boolean }): Stage {
  return {
    name: STORE_GATE,
    before(): Outcome {
      if (!health.down) return OK;
      return deny('SERVICE_UNAVAILABLE', "The gateway's store is unreachable, so the request was not forwarded. Retry shortly.", { retryAfter: 1 });
    },
  };
}

/**
 * A refusal by this gate is released without waiting for its audit event: the event stays queued
 * and is written once the store is back (lost only if the process dies first). Nothing was
 * forwarded, so nothing is answered without its record.
 */
export function releasesWithoutAudit(deniedBy: StageName | undefined): boolean {
  return deniedBy === STORE_GATE;
}
