// What forwarding records about the upstream's part of a request, for the metrics to tell it from the gateway's own.
export interface UpstreamTiming {
  /** performance.now() when the request was handed to the upstream's connection. */
  readonly sentAt: number;
  /** When the upstream's answer was complete (relayed whole, or its stream ended). */
  doneAt?: number;
  /** Streams: when the first event went out to the client (time to first token, as the client sees it). */
  firstEventAt?: number;
}

declare module '../proxy/context.js' {
  interface StageVars {
    upstreamTiming: UpstreamTiming;
  }
}

/** Pure: seconds spent upstream, in the gateway itself, and to the first streamed event (from arrival). */
export function splitTiming(startedAt: number, now: number, t: UpstreamTiming | undefined): { total: number; upstream: number | undefined; overhead: number; firstEvent: number | undefined } {
  const total = Math.max(0, now - startedAt) / 1000;
  if (!t) return { total, upstream: undefined, overhead: total, firstEvent: undefined };
  const upstream = Math.max(0, (t.doneAt ?? now) - t.sentAt) / 1000;
  return { total, upstream, overhead: Math.max(0, total - upstream), firstEvent: t.firstEventAt === undefined ? undefined : Math.max(0, t.firstEventAt - startedAt) / 1000 };
}
