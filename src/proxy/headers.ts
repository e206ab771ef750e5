// Headers every data-plane answer carries: its request id, and a loud marker when the simulator answered.
import type { Deps } from '../deps.js';

export function upstreamMarker(deps: Pick<Deps, 'simulatorUrl'>): Record<string, string> {
  return deps.simulatorUrl !== undefined ? { 'x-warden-upstream': 'simulator' } : {};
}

export function commonHeaders(requestId: string, deps: Pick<Deps, 'simulatorUrl'>): Record<string, string> {
  return { 'x-request-id': requestId, ...upstreamMarker(deps) };
}
