// Pure decision: has a source been spraying invalid keys? Block the source, not the keys it guessed at.
import type { SourceState } from './source-state.js';

export interface SprayPolicy {
  readonly failures: number;
  readonly distinctKeys: number;
  readonly blockSeconds: number;
}

export type SprayVerdict = { readonly verdict: 'block'; readonly reason: string; readonly until: number } | { readonly verdict: 'watch' };

export function sprayVerdict(s: SourceState, p: SprayPolicy, now: number): SprayVerdict {
  // A client retrying one stale key is misconfigured, not spraying: require several distinct keys,
  // unless the volume alone is absurd.
  const spraying = (s.fails >= p.failures && s.badKeys.size >= p.distinctKeys) || s.fails >= p.failures * 5;
  if (!spraying) return { verdict: 'watch' };
  return {
    verdict: 'block',
    reason: `${s.fails} failed authentications with ${s.badKeys.size} different keys`,
    until: now + p.blockSeconds * 1000,
  };
}
