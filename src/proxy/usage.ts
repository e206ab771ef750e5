// Pure: usage figures from an upstream answer (non-streamed body or the final stream chunk).
import type { Endpoint, Usage } from '../api.js';

/** A count as reported, or 0 when absent or not a finite number. */
const n = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export function usageFrom(endpoint: Endpoint, body: Record<string, unknown>): Usage | undefined {
  if (endpoint === 'images') {
    const data = body['data'];
    // Members in canonical order (as in the objects below): the audit event stores them as they are.
    return { completionTokens: 0, images: Array.isArray(data) ? data.length : 0, promptTokens: 0, totalTokens: 0 };
  }
  const u = body['usage'] as Record<string, unknown> | null | undefined;
  if (!u || typeof u !== 'object') return undefined;
  const prompt = n(u['prompt_tokens']);
  const completion = n(u['completion_tokens']);
  return { completionTokens: completion, images: 0, promptTokens: prompt, totalTokens: n(u['total_tokens']) || prompt + completion };
}

/**
 * A stream cut short before the upstream's usage chunk (the client left, the stream ran past its longest duration):
 * the prompt as estimated, and what the upstream produced until then. Upstreams send about one token per content
 * chunk; some batch several, so the text's length (~4 characters a token) counts when it says more.
 */
export function relayedUsage(promptTokens: number, contentChunks: number, contentChars: number): Usage {
  const completion = Math.max(contentChunks, Math.ceil(contentChars / 4));
  return { completionTokens: completion, images: 0, promptTokens, totalTokens: promptTokens + completion };
}
