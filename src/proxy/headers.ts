// Headers every data-plane answer carries: its request id, and a loud marker when the simulator answered.
import type { Deps } from '../deps.js';

export function upstreamMarker(deps: Pick<Deps, 'simulatorUrl'>): Record<string, string> {
  return deps.simulatorUrl !== undefined ? { 'x-warden-upstream': 'simulator' } : {};
}

export function commonHeaders(requestId: string, deps: Pick<Deps, 'simulatorUrl'>): Record<string, string> {
  return { 'x-request-id': requestId, ...upstreamMarker(deps) };
}

/**
 * commonHeaders plus a JSON body's content type and length, in that order, built property by property:
 * the two object spreads cost more than the rest of the headers' handling on every answer.
 */
export function jsonHeaders(requestId: string, deps: Pick<Deps, 'simulatorUrl'>, contentLength: number): Record<string, string | number> {
  const h: Record<string, string | number> = { 'x-request-id': requestId };
  if (deps.simulatorUrl !== undefined) h['x-warden-upstream'] = 'simulator';
  h['content-type'] = 'application/json';
  h['content-length'] = contentLength;
  return h;
}
