// Azure-style streams open with a chunk that carries only prompt_filter_results, as Azure OpenAI sends it: this
// filter puts Warden's prompt verdict there (merged into the upstream's own such chunk when there is one).
import type { ChatChunk, StreamFilter, StreamRelease } from '../../proxy/stage.js';
import type { Decision } from '../policy/decide.js';
import { mergePromptFilterResults, promptFilterChunk } from '../wire/azure.js';

const isThenable = <T>(x: T | Promise<T>): x is Promise<T> => typeof (x as { then?: unknown } | null)?.then === 'function';

/** Azure's own opening chunk: no choices, prompt_filter_results present. */
const isPromptFilterChunk = (c: ChatChunk): boolean => Array.isArray(c['prompt_filter_results']) && Array.isArray(c['choices']) && (c['choices'] as unknown[]).length === 0;

function lead(first: ChatChunk, r: StreamRelease): StreamRelease {
  return { chunks: [first, ...r.chunks], ...(r.stop ? { stop: true } : {}) };
}

/** Wraps `inner` (the output windows, when output is checked) so the prompt-filter chunk goes out before anything else. */
export function promptFilterFirst(prompt: Decision, inner: StreamFilter | undefined): StreamFilter {
  let sent = false;
  const pass = (c: ChatChunk): StreamRelease | Promise<StreamRelease> => (inner ? inner.push(c) : { chunks: [c] });
  return {
    push(chunk) {
      if (sent) return pass(chunk);
      sent = true;
      // A new object: an unmodified chunk is relayed byte for byte, so the upstream's one must not be edited in place.
      if (isPromptFilterChunk(chunk)) return { chunks: [{ ...chunk, prompt_filter_results: mergePromptFilterResults(chunk['prompt_filter_results'], prompt) }] };
      const first = promptFilterChunk(prompt);
      const r = pass(chunk);
      return isThenable(r) ? r.then((x) => lead(first, x)) : lead(first, r);
    },
    end() {
      const r = inner ? inner.end() : { chunks: [] };
      if (sent) return r;
      sent = true;
      const first = promptFilterChunk(prompt);
      return isThenable(r) ? r.then((x) => lead(first, x)) : lead(first, r);
    },
  };
}
