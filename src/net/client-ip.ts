// Pure decision: which address a request is judged by (socket, or X-Forwarded-For behind a trusted proxy).
import { isIP } from 'node:net';
import { anyContains, normaliseIp, type Cidr } from './cidr.js';

const MAX_HOPS = 20;

export function clientIp(socketIp: string, xff: string | string[] | undefined, trusted: readonly Cidr[]): string {
  const sock = normaliseIp(socketIp);
  if (xff === undefined || trusted.length === 0 || !anyContains(trusted, sock)) return sock;
  const hops = (Array.isArray(xff) ? xff.join(',') : xff)
    .split(',')
    .slice(-MAX_HOPS)
    .map((h) => normaliseIp(h.trim()));
  // Walk from the right: the first hop that is not a trusted proxy is the client.
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (isIP(hop) === 0) return sock; // garbage in the chain: judge by what we know
    if (!anyContains(trusted, hop)) return hop;
  }
  return hops[0] && isIP(hops[0]) ? hops[0] : sock;
}
