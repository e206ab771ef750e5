// Which kind of network an ASN is: hosting, VPN/anonymiser, or an access network (ISP).
// The bundled data has no hosting flag, so the class comes from a short list of well-known
// provider ASNs (public registry facts, ours to ship) and from the registered org name.

export type NetClass = 'hosting' | 'vpn' | 'tor' | 'isp' | 'private' | 'unknown';

/** Cloud and hosting providers whose address space serves servers, not people. */
const HOSTING_ASNS: readonly number[] = [
  16509,
  14618,
  8987, // Amazon / AWS
  15169,
  396982,
  19527, // Google, Google Cloud
  8075,
  8068,
  8069, // Microsoft / Azure
  14061, // DigitalOcean
  16276, // OVH
  24940,
  213230, // Hetzner
  63949, // Linode / Akamai Connected Cloud
  20473, // Vultr (Choopa)
  51167, // Contabo
  45102,
  37963, // Alibaba
  132203,
  45090, // Tencent
  31898, // Oracle Cloud
  12876, // Scaleway
  60781,
  28753,
  30633, // Leaseweb
  36352, // ColoCrossing
  46606, // Unified Layer
  26496,
  398101, // GoDaddy
  22612, // Namecheap
  36351, // IBM SoftLayer
  197540, // netcup
  47583, // Hostinger
  8560, // IONOS
  62240, // Clouvider
  53667, // FranTech / BuyVPS
  200651, // FlokiNET
  54113, // Fastly
  20940,
  16625, // Akamai
];

/** Networks dominated by commercial VPN / proxy egress (and Cloudflare WARP). */
const VPN_ASNS: readonly number[] = [
  9009, // M247
  60068,
  212238, // Datacamp / CDN77 (VPN exits)
  147049, // PacketHub
  136787, // TEFINCOM (NordVPN)
  13335, // Cloudflare (WARP and proxies: the client is hidden behind it)
];

const BY_ASN = new Map<number, NetClass>([...HOSTING_ASNS.map((a): [number, NetClass] => [a, 'hosting']), ...VPN_ASNS.map((a): [number, NetClass] => [a, 'vpn'])]);

const VPN_NAME = /\b(vpn|proxy|proxies|anonym|private internet access|mullvad|nordvpn|expressvpn|surfshark)\b/i;
const HOSTING_NAME = /\b(hosting|hoster|host|cloud|data ?cent(?:er|re)s?|datacenter|servers?|vps|colo(?:cation)?|dedicated|compute|web services)\b/i;

export function classifyAsn(asn: number | null, org: string | null): NetClass {
  if (asn === null) return 'unknown';
  const known = BY_ASN.get(asn);
  if (known) return known;
  if (org && VPN_NAME.test(org)) return 'vpn';
  if (org && HOSTING_NAME.test(org)) return 'hosting';
  return 'isp';
}
