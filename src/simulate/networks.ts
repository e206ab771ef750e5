// Real address blocks by kind of network (classes checked against the bundled IP data in networks.test.ts).
import type { Rng } from './rng.js';

export interface NetBlock {
  /** A /24 written as its first three octets. */
  readonly prefix: string;
  readonly country: string;
  readonly asn: number;
  readonly kind: 'isp' | 'hosting' | 'vpn';
}

const b = (prefix: string, country: string, asn: number, kind: NetBlock['kind']): NetBlock => ({ prefix, country, asn, kind });

export const RESIDENTIAL: readonly NetBlock[] = [
  b('84.128.10', 'DE', 3320, 'isp'),
  b('91.0.10', 'DE', 3320, 'isp'),
  b('88.64.10', 'DE', 3209, 'isp'),
  b('73.10.1', 'US', 7922, 'isp'),
  b('24.20.1', 'US', 7922, 'isp'),
  b('98.200.1', 'US', 7922, 'isp'),
  b('86.10.1', 'GB', 5089, 'isp'),
  b('81.150.1', 'GB', 2856, 'isp'),
  b('90.10.1', 'FR', 3215, 'isp'),
  b('86.200.1', 'FR', 3215, 'isp'),
  b('77.160.10', 'NL', 1136, 'isp'),
];

export const HOSTING: readonly NetBlock[] = [
  b('52.10.1', 'US', 16509, 'hosting'),
  b('54.80.1', 'US', 16509, 'hosting'),
  b('88.198.10', 'DE', 24940, 'hosting'),
  b('136.243.10', 'DE', 24940, 'hosting'),
  b('167.99.10', 'US', 14061, 'hosting'),
  b('51.68.10', 'FR', 16276, 'hosting'),
  b('54.36.10', 'FR', 16276, 'hosting'),
  b('34.120.1', 'US', 396982, 'hosting'),
];

/** Cloud CI runners (Azure, AWS). */
export const CI_CLOUD: readonly NetBlock[] = [b('20.50.10', 'NL', 8075, 'hosting'), b('40.80.1', 'GB', 8075, 'hosting'), b('52.10.1', 'US', 16509, 'hosting')];

export const VPN: readonly NetBlock[] = [b('195.181.165', 'GB', 60068, 'vpn'), b('89.187.170', 'US', 60068, 'vpn'), b('185.156.46', 'US', 212238, 'vpn'), b('37.120.200', 'RO', 9009, 'vpn')];

export function ipIn(block: NetBlock, rng: Rng): string {
  return `${block.prefix}.${rng.int(1, 254)}`;
}

export function blocksIn(list: readonly NetBlock[], country: string): NetBlock[] {
  return list.filter((x) => x.country === country);
}
