// Headers every data-plane answer carries: its request id, and a loud marker when the simulator answered.
import type { Deps } from '../deps.js';

/** The marker header, or none: the one place that says when and how the simulator is announced. */
function marker(deps: Pick<Deps, 'simulatorUrl'>): readonly [string, string] | undefined {
  return deps.simulatorUrl !== undefined ? ['x-warden-upstream', 'simulator'] : undefined;
}

export function upstreamMarker(deps: Pick<Deps, 'simulatorUrl'>): Record<string, string> {
  const m = marker(deps);
  return m ? { [m[0]]: m[1] } : {};
}

/**
 * A fresh headers object with the request id and the marker, for the caller to add its own fields to (built
 * property by property: object spreads per answer cost more than the rest of the headers' handling).
 */
export function commonHeaders(requestId: string, deps: Pick<Deps, 'simulatorUrl'>): Record<string, string | number> {
  const h: Record<string, string | number> = { 'x-request-id': requestId };
  const m = marker(deps);
  if (m) h[m[0]] = m[1];
  return h;
}

/** commonHeaders, then a JSON body's content type and length. */
export function jsonHeaders(requestId: string, deps: Pick<Deps, 'simulatorUrl'>, contentLength: number): Record<string, string | number> {
  const h = commonHeaders(requestId, deps);
  h['content-type'] = 'application/json';
  h['content-length'] = contentLength;
  return h;
}
