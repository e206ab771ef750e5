// Pure builders of chat.completion objects and chat.completion.chunk SSE events (OpenAI and Azure).
import type { SimFlavor } from './types.js';
import { choiceFilterResults, promptFilterArray } from './azure-filter.js';
import { estimateTokens, messagesText, splitPieces } from './text.js';

export interface ChatAnswer {
  readonly flavor: SimFlavor;
  readonly id: string;
  readonly created: number;
  readonly model: string;
  readonly messages: unknown;
  readonly text: string;
  readonly finishReason: 'stop' | 'length' | 'content_filter';
}

const FINGERPRINT = 'fp_sim0000001';

/** The prompt's token estimate: the only thing the messages change in an answer (besides the echo model's text). */
export function promptTokens(messages: unknown): number {
  return messagesText(messages).reduce((n, t) => n + estimateTokens(t) + 3, 3);
}

function usage(a: ChatAnswer, completionTokens: number) {
  const prompt = promptTokens(a.messages);
  return {
    prompt_tokens: prompt,
    completion_tokens: completionTokens,
    total_tokens: prompt + completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

export function chatCompletion(a: ChatAnswer): object {
  const azure = a.flavor === 'azure';
  const content = a.finishReason === 'content_filter' && a.text === '' ? null : a.text;
  return {
    id: a.id,
    object: 'chat.completion',
    created: a.created,
    model: a.model,
    ...(azure ? { prompt_filter_results: promptFilterArray() } : {}),
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: a.finishReason,
        ...(azure ? { content_filter_results: choiceFilterResults() } : {}),
      },
    ],
    usage: usage(a, estimateTokens(a.text)),
    ...(azure ? {} : { service_tier: 'default' }),
    system_fingerprint: FINGERPRINT,
  };
}

const sse = (data: object): string => `data: ${JSON.stringify(data)}\n\n`;

/**
 * The SSE events of a streamed answer, each a complete `data: …\n\n` string: the role
 * chunk, one chunk per content piece, the finish chunk, the usage chunk (empty choices)
 * when include_usage was asked, then `data: [DONE]`. Azure first sends its prompt
 * annotations in a chunk with empty id/model and no choices.
 */
export function chatStreamEvents(a: ChatAnswer, pieces: number, includeUsage: boolean): string[] {
  const azure = a.flavor === 'azure';
  const head = { id: a.id, object: 'chat.completion.chunk', created: a.created, model: a.model, ...(azure ? {} : { service_tier: 'default' }), system_fingerprint: FINGERPRINT };
  const tail = includeUsage ? { usage: null } : {};
  const filter = azure ? { content_filter_results: choiceFilterResults() } : {};
  const chunk = (delta: object, finish: string | null, extra: object = {}) => sse({ ...head, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish, ...extra }], ...tail });

  const events: string[] = [];
  if (azure) events.push(sse({ choices: [], created: 0, id: '', model: '', object: '', prompt_filter_results: promptFilterArray() }));
  events.push(chunk({ role: 'assistant', content: '', refusal: null }, null, azure ? { content_filter_results: {} } : {}));
  for (const piece of splitPieces(a.text, pieces)) events.push(chunk({ content: piece }, null, filter));
  events.push(chunk({}, a.finishReason, filter));
  if (includeUsage) events.push(sse({ ...head, choices: [], usage: usage(a, estimateTokens(a.text)) }));
  events.push('data: [DONE]\n\n');
  return events;
}
