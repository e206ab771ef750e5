// Pure routing: method + URL → which simulated endpoint answers, or the 404 the real service gives.
import type { SimFlavor, SimRoute } from './types.js';
import { azureError, openaiError } from './errors.js';

export type RouteResult =
  | { readonly ok: true; readonly route: SimRoute; readonly flavor: SimFlavor; readonly deployment?: string; readonly modelId?: string }
  | { readonly ok: true; readonly route: 'image-file'; readonly flavor: SimFlavor; readonly imageId: string }
  | { readonly ok: false; readonly status: number; readonly body: object };

const OPENAI_POST: Readonly<Record<string, SimRoute>> = {
  '/v1/chat/completions': 'chat',
  '/v1/images/generations': 'images',
  '/v1/embeddings': 'embeddings',
};
const AZURE_OPS: Readonly<Record<string, SimRoute>> = {
  'chat/completions': 'chat',
  'images/generations': 'images',
  embeddings: 'embeddings',
};
const AZURE_PATH = /^\/openai\/deployments\/([^/]+)\/(chat\/completions|images\/generations|embeddings)$/;

export interface RouteInput {
  readonly method: string;
  readonly pathname: string;
  readonly query: Readonly<Record<string, string>>;
  /** Azure deployments that exist; undefined = all. */
  readonly deployments?: readonly string[] | undefined;
}

export function matchRoute({ method, pathname, query, deployments }: RouteInput): RouteResult {
  const path = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  const post = OPENAI_POST[path];
  if (post !== undefined && method === 'POST') return { ok: true, route: post, flavor: 'openai' };
  if (method === 'GET' && path === '/v1/models') return { ok: true, route: 'models', flavor: 'openai' };
  if (method === 'GET' && path.startsWith('/v1/models/')) {
    return { ok: true, route: 'models', flavor: 'openai', modelId: decodeURIComponent(path.slice('/v1/models/'.length)) };
  }
  if (method === 'GET' && path.startsWith('/sim/images/')) {
    return { ok: true, route: 'image-file', flavor: 'openai', imageId: path.slice('/sim/images/'.length) };
  }
  const azure = AZURE_PATH.exec(path);
  if (azure !== null) {
    // Azure answers a missing api-version with a bare 404, not a validation error.
    if (!query['api-version']) return { ok: false, status: 404, body: azureError('404', 'Resource not found') };
    const deployment = decodeURIComponent(azure[1] ?? '');
    const route = AZURE_OPS[azure[2] ?? ''];
    if (route === undefined || method !== 'POST') return { ok: false, status: 404, body: azureError('404', 'Resource not found') };
    if (deployment === 'sim-deployment-not-found' || (deployments !== undefined && !deployments.includes(deployment))) {
      return {
        ok: false,
        status: 404,
        body: azureError('DeploymentNotFound', 'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.'),
      };
    }
    return { ok: true, route, flavor: 'azure', deployment };
  }
  if (path.startsWith('/openai/')) return { ok: false, status: 404, body: azureError('404', 'Resource not found') };
  return {
    ok: false,
    status: 404,
    body: openaiError(`Invalid URL (${method} ${path})`, 'invalid_request_error', null, null),
  };
}
