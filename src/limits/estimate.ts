// Pure estimate of what a request will consume, reserved before forwarding and reconciled afterwards.
import type { Endpoint } from '../api.js';
import type { Consumption } from './price.js';

/** ~4 characters per token for English text: good enough for a reservation that is later corrected. */
export function tokensOfText(chars: number): number {
  return Math.ceil(chars / 4);
}

function textLength(v: unknown, depth = 0): number {
  if (depth > 8) return 0;
  if (typeof v === 'string') return v.length;
  if (typeof v === 'number') return 1;
  if (Array.isArray(v)) return v.reduce<number>((n, x) => n + textLength(x, depth + 1), 0);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    // Only text parts count; image parts in chat are billed by the upstream separately.
    if (typeof o.text === 'string') return o.text.length;
    if ('content' in o) return textLength(o.content, depth + 1);
    return 0;
  }
  return 0;
}

function int(v: unknown, fallback: number, max: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.min(Math.floor(v), max) : fallback;
}

export function estimate(endpoint: Endpoint, body: Record<string, unknown> | undefined, defaultCompletionTokens: number): Consumption {
  const b = body ?? {};
  switch (endpoint) {
    case 'chat': {
      const messages = Array.isArray(b.messages) ? b.messages : [];
      // Each message costs a few tokens of framing on top of its text.
      const prompt = tokensOfText(textLength(messages)) + 4 * messages.length;
      const n = int(b.n, 1, 128) || 1;
      const max = int(b.max_completion_tokens ?? b.max_tokens, defaultCompletionTokens, 1_000_000);
      return { promptTokens: prompt, completionTokens: max * n, images: 0 };
    }
    case 'embeddings':
      return { promptTokens: tokensOfText(textLength(b.input)), completionTokens: 0, images: 0 };
    case 'images':
      return { promptTokens: 0, completionTokens: 0, images: int(b.n, 1, 128) || 1 };
    case 'models':
      return { promptTokens: 0, completionTokens: 0, images: 0 };
  }
}
