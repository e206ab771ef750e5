// Error bodies exactly as OpenAI and Azure OpenAI write them (429, 500, 401, 400, content filter).
import type { HarmCategory, SimFlavor, SimRoute } from './types.js';
import { promptFilterResults } from './azure-filter.js';

export function openaiError(message: string, type: string | null, param: string | null, code: string | null): object {
  return { error: { message, type, param, code } };
}

/** Azure's own envelope (no type/param), used for its gateway-level errors. */
export function azureError(code: string, message: string): object {
  return { error: { code, message } };
}

export interface SimErrorAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: object;
}

export function rateLimited(flavor: SimFlavor, route: SimRoute, model: string, retryAfterSeconds: number): SimErrorAnswer {
  const s = Math.max(0, Math.ceil(retryAfterSeconds));
  const headers = { 'retry-after': String(s), 'retry-after-ms': String(Math.round(retryAfterSeconds * 1000)) };
  if (flavor === 'azure') {
    const op = route === 'chat' ? 'ChatCompletions_Create' : route === 'images' ? 'ImageGenerations_Create' : 'Embeddings_Create';
    return {
      status: 429,
      headers,
      body: azureError(
        '429',
        `Requests to the ${op} Operation under Azure OpenAI API version 2024-10-21 have exceeded call rate limit of your current OpenAI S0 pricing tier. Please retry after ${s} second${s === 1 ? '' : 's'}.`,
      ),
    };
  }
  return {
    status: 429,
    headers: { ...headers, 'x-ratelimit-remaining-requests': '0' },
    body: openaiError(
      `Rate limit reached for ${model} in organization org-simulator on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in ${s}s.`,
      'requests',
      null,
      'rate_limit_exceeded',
    ),
  };
}

export function serverError(): SimErrorAnswer {
  return {
    status: 500,
    headers: {},
    body: openaiError('The server had an error while processing your request. Sorry about that!', 'server_error', null, null),
  };
}

export function unauthorized(flavor: SimFlavor, presented: boolean): SimErrorAnswer {
  if (flavor === 'azure') {
    return {
      status: 401,
      headers: {},
      body: azureError(
        '401',
        'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
      ),
    };
  }
  // The real API echoes a masked key; the simulator echoes none so no key can leak through it.
  const message = presented
    ? 'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.'
    : "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).";
  return { status: 401, headers: {}, body: openaiError(message, 'invalid_request_error', null, presented ? 'invalid_api_key' : null) };
}

/**
 * Azure's prompt-blocked answer. Chat and embeddings use the content_filter shape; image
 * generation uses content_policy_violation with inner_error, as DALL-E 3 on Azure does.
 */
export function contentFiltered(flavor: SimFlavor, route: SimRoute, category: HarmCategory, prompt: string): SimErrorAnswer {
  const results = promptFilterResults(category);
  if (route === 'images') {
    const message = 'Your request was rejected as a result of our safety system. Your prompt may contain text that is not allowed by our safety system.';
    const inner = flavor === 'azure' ? { inner_error: { code: 'ResponsibleAIPolicyViolation', content_filter_results: results, revised_prompt: prompt } } : {};
    return { status: 400, headers: {}, body: { error: { code: 'content_policy_violation', ...inner, message, param: null, type: 'invalid_request_error' } } };
  }
  return {
    status: 400,
    headers: {},
    body: {
      error: {
        message:
          "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry. To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766",
        type: null,
        param: 'prompt',
        code: 'content_filter',
        status: 400,
        innererror: { code: 'ResponsibleAIPolicyViolation', content_filter_result: results },
      },
    },
  };
}

export function badRequest(message: string, param: string | null, code: string | null): SimErrorAnswer {
  return { status: 400, headers: {}, body: openaiError(message, 'invalid_request_error', param, code) };
}
