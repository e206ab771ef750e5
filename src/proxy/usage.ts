// Pure: usage figures from an upstream answer (non-streamed body or the final stream chunk).
import type { Endpoint, Usage } from './context.js';

/** A count as reported, or 0 when absent or not a finite number. */
const n = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export function usageFrom(endpoint: Endpoint, body: Record<string, unknown>): Usage | undefined {
  if (endpoint === 'images') {
    const data = body['data'];
    return { promptTokens: 0, completionTokens: 0, totalTokens: 0, images: Array.isArray(data) ? data.length : 0 };
  }
  const u = body['usage'] as Record<string, unknown> | null | undefined;
  if (!u || typeof u !== 'object') return undefined;
  const prompt = n(u['prompt_tokens']);
  const completion = n(u['completion_tokens']);
  return { promptTokens: prompt, completionTokens: completion, totalTokens: n(u['total_tokens']) || prompt + completion, images: 0 };
}
