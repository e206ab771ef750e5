// The one closed catalogue of gateway error codes and the HTTP status each maps to.
export type ErrorCode =
  | 'MISSING_API_KEY'
  | 'INVALID_API_KEY'
  | 'KEY_REVOKED'
  | 'KEY_EXPIRED'
  | 'KEY_SUSPENDED'
  | 'NETWORK_NOT_ALLOWED'
  | 'ENDPOINT_NOT_ALLOWED'
  | 'MODEL_NOT_ALLOWED'
  | 'PROOF_REQUIRED'
  | 'INVALID_PROOF'
  | 'SOURCE_BLOCKED'
  | 'RISK_BLOCKED'
  | 'RATE_LIMITED'
  | 'QUOTA_EXCEEDED'
  | 'CONTENT_FILTERED'
  | 'IMAGE_CONTENT_POLICY'
  | 'INVALID_JSON'
  | 'INVALID_REQUEST'
  | 'BODY_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'ADMIN_UNAUTHORIZED'
  | 'ADMIN_FORBIDDEN'
  | 'CONFLICT'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_ERROR'
  | 'SERVICE_UNAVAILABLE'
  | 'REQUEST_TIMEOUT'
  | 'CLIENT_CLOSED'
  | 'STREAM_DURATION_EXCEEDED'
  | 'INTERNAL';

export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'MISSING_API_KEY':
    case 'INVALID_API_KEY':
    case 'KEY_REVOKED':
    case 'KEY_EXPIRED':
    case 'INVALID_PROOF':
    case 'ADMIN_UNAUTHORIZED':
      return 401;
    case 'KEY_SUSPENDED':
    case 'ADMIN_FORBIDDEN':
    case 'NETWORK_NOT_ALLOWED':
    case 'ENDPOINT_NOT_ALLOWED':
    case 'MODEL_NOT_ALLOWED':
    case 'PROOF_REQUIRED':
    case 'SOURCE_BLOCKED':
    case 'RISK_BLOCKED':
      return 403;
    case 'RATE_LIMITED':
    case 'QUOTA_EXCEEDED':
      return 429;
    case 'CONTENT_FILTERED':
    case 'IMAGE_CONTENT_POLICY':
    case 'INVALID_JSON':
    case 'INVALID_REQUEST':
      return 400;
    case 'BODY_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
    case 'NOT_FOUND':
      return 404;
    case 'METHOD_NOT_ALLOWED':
      return 405;
    case 'CONFLICT':
      return 409;
    case 'UPSTREAM_UNAVAILABLE':
    case 'UPSTREAM_ERROR':
      return 502;
    case 'UPSTREAM_TIMEOUT':
    // A streamed answer the gateway cut at its duration limit: told in the stream (the 200 is already sent), audited.
    case 'STREAM_DURATION_EXCEEDED':
      return 504;
    case 'SERVICE_UNAVAILABLE':
      return 503;
    case 'REQUEST_TIMEOUT':
      return 408;
    case 'CLIENT_CLOSED':
      // nginx's "client closed request": never sent (the client is gone), only logged and audited.
      return 499;
    case 'INTERNAL':
      return 500;
  }
}

/** OpenAI envelope `type` for a code (what openai-node and clients switch on). */
export function typeOf(code: ErrorCode): string {
  const status = statusOf(code);
  if (code === 'QUOTA_EXCEEDED') return 'insufficient_quota';
  if (status === 401) return 'invalid_request_error';
  if (status === 403) return 'permission_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

/** Denials that will not change on retry: tell the SDK not to retry them. */
export function isFinal(code: ErrorCode): boolean {
  return code !== 'RATE_LIMITED' && statusOf(code) < 500;
}
