// The bounded per-key behaviour profile: what the owner's use of a key normally looks like.
import type { Endpoint } from '../api.js';
import type { SafetyCounts } from '../safety/counters.js';
import type { NetClass } from './ip/net-class.js';
import { capRecord } from '../util/lru.js';

export const PROFILE_CAPS = { nets: 12, blocks: 16, addrs: 8, countries: 8, fps: 8, fines: 8, recent: 16, shapes: 32, content: 16, declared: 32 } as const;

/** Content evidence seen on one request: [time, new content blocks, new rewrite-suppression attempts]. */
export type ContentEvent = [number, number, number];

/** Networks an operator declared ahead of a move (admin API): known from their first use. */
export interface DeclaredNets {
  cidrs: string[];
  asns: number[];
}

export interface Seen {
  /** Every request seen with this value. */
  n: number;
  /** Requests that matched the owner's usage (they teach the profile). */
  ok: number;
  last: number;
  /** Countries only: when a mature key's new country was first taught (cleared if the move did not hold). */
  since?: number;
}

export interface NetSeen extends Seen {
  cls: NetClass;
  cc: string | null;
}

/** One recent use: [time, network key, country, address block]. */
export type RecentUse = [number, string, string, string?];

export interface KeyProfile {
  v: 1;
  keyId: string;
  tenantId: string;
  first: number;
  last: number;
  n: number;
  /** Requests that taught the profile. */
  ok: number;
  nets: Record<string, NetSeen>;
  /** Address blocks (IPv4 /24, IPv6 /48) inside those networks. */
  blocks: Record<string, Seen>;
  /** Client addresses (IPv4, IPv6 /64) inside those blocks (absent on profiles saved before it existed). */
  addrs?: Record<string, Seen>;
  countries: Record<string, Seen>;
  fps: Record<string, Seen & { label: string }>;
  fines: Record<string, Seen>;
  /** Request shape features (see shape.ts): `ok` counts uses taught from the owner's places. */
  shapes: Record<string, Seen>;
  classes: Partial<Record<NetClass, number>>;
  endpoints: Partial<Record<Endpoint, number>>;
  /** Request cost baseline: exponentially weighted mean and largest taught value. */
  cost: { mean: number; max: number };
  /** Key-wide per-minute counter and the busiest taught minute. */
  minute: { start: number; count: number; taught: number; max: number };
  recent: RecentUse[];
  /** Decayed sum of flagged request scores, and of their usage-class part. */
  suspicion: number;
  usageSuspicion: number;
  suspicionAt: number;
  safety: SafetyCounts;
  /** Recent content evidence (bounded; absent on profiles saved before it existed). */
  content?: ContentEvent[];
  declared?: DeclaredNets;
  incidentId: string | null;
  /** When this engine suspended the key (cleared when an admin reinstates it). */
  suspendedAt?: number | null;
}

export function newProfile(keyId: string, tenantId: string, now: number): KeyProfile {
  return {
    v: 1,
    keyId,
    tenantId,
    first: now,
    last: now,
    n: 0,
    ok: 0,
    nets: {},
    blocks: {},
    addrs: {},
    countries: {},
    fps: {},
    fines: {},
    shapes: {},
    classes: {},
    endpoints: {},
    cost: { mean: 0, max: 0 },
    minute: { start: now, count: 0, taught: 0, max: 0 },
    recent: [],
    suspicion: 0,
    usageSuspicion: 0,
    suspicionAt: now,
    safety: { blocks: 0, rewriteSuppression: 0, checked: 0 },
    incidentId: null,
  };
}

/** The network a request is attributed to: its ASN, or its country when the ASN is unknown. */
export const netKeyOf = (asn: number | null, cc: string | null, sourceId: string): string => (asn !== null ? `as${asn}` : cc ? `cc:${cc}` : `ip:${sourceId}`);

export interface Learning {
  /** Requests before the profile is trusted as a baseline. */
  readonly matureAfter: number;
  /** Owner-like requests before a new network / country / client counts as known. */
  readonly learnAfter: number;
}

export const isMature = (p: KeyProfile, l: Learning): boolean => p.ok >= l.matureAfter;
export const isKnown = (s: Seen | undefined, p: KeyProfile, l: Learning): boolean => s !== undefined && (s.ok >= l.learnAfter || (!isMature(p, l) && s.ok > 0));

/**
 * A request-shape feature is the owner's when taught at least once and mostly seen from the
 * owner's places (a strict majority): a value a stranger keeps sending stays foreign even if the stranger sometimes
 * calls from the owner's ISP block.
 */
export const isOwnShape = (s: Seen | undefined): boolean => s !== undefined && s.ok > 0 && 2 * s.ok > s.n;

const rank = (s: Seen): number => s.ok * 1e13 + s.last;

/** Counts a use of a value already in the record; false when it is new (then bump() adds it). */
export function touch(rec: Record<string, Seen>, key: string, taught: boolean, now: number): boolean {
  const s = rec[key];
  if (!s) return false;
  s.n++;
  if (taught) s.ok++;
  s.last = now;
  return true;
}

export function bump<T extends Seen>(rec: Record<string, T>, key: string, taught: boolean, now: number, make: () => T, cap: number): void {
  let s = rec[key];
  if (!s) {
    capRecord(rec, cap - 1, rank);
    s = make();
    rec[key] = s;
  }
  s.n++;
  if (taught) s.ok++;
  s.last = now;
}

/** An owner seen on this many taught address blocks moves between them (CI, mobile carriers, CGNAT). */
export const ROTATING_BLOCKS = 4;

/**
 * Whether the owner's address blocks rotate: then a new block inside a network the key already uses is
 * not novelty (carriers and cloud NAT hand out addresses from many /24s).
 */
export function rotatesBlocks(p: KeyProfile): boolean {
  let n = 0;
  for (const b in p.blocks) if (p.blocks[b]!.ok > 0 && ++n >= ROTATING_BLOCKS) return true;
  return false;
}

/** An owner seen on this many known addresses (office NAT pools, dynamic addresses) has no stable address. */
export const ROTATING_ADDRS = 4;

/**
 * Whether the owner uses a few stable addresses (a household, a small office): then an address the owner
 * never used inside the owner's own block is a different machine, not the owner's. Unknown for profiles
 * saved before addresses were tracked (no addresses yet): not stable until some are learned again.
 */
export function stableAddrs(p: KeyProfile, l: Learning): boolean {
  if (!p.addrs) return false;
  let n = 0;
  for (const a in p.addrs) if (isKnown(p.addrs[a], p, l) && ++n >= ROTATING_ADDRS) return false;
  return n > 0;
}

/** Suspicion decays with a half-life so old, unrepeated evidence fades. */
export function decayed(p: KeyProfile, now: number, halfLifeMs: number): { suspicion: number; usage: number } {
  const f = halfLifeMs > 0 ? 0.5 ** (Math.max(0, now - p.suspicionAt) / halfLifeMs) : 1;
  return { suspicion: p.suspicion * f, usage: p.usageSuspicion * f };
}
