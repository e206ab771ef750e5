// Pure decision: one routed request (+ scripted answer) → what to write and which fault to apply.
import type { ScriptedAnswer, SimFlavor, SimRoute } from './types.js';
import { embeddingsBody, streamEvents } from './answer-cache.js';
import { chatCompletion } from './chat.js';
import { ECHO_MODEL, directiveFor } from './directives.js';
import { defaultDimensions, embeddingInputs } from './embeddings.js';
import { type SimErrorAnswer, badRequest, contentFiltered, rateLimited, serverError } from './errors.js';
import { imagesResponse } from './images.js';
import { modelsResponse, modelResponse } from './models.js';
import { DEFAULT_REPLY, messagesText } from './text.js';

export type Plan =
  | { readonly kind: 'hang' }
  | {
      readonly kind: 'answer';
      readonly status: number;
      readonly headers: Readonly<Record<string, string>>;
      /** Written in order; a streamed answer is one piece per SSE event. */
      readonly pieces: readonly (string | Buffer)[];
      readonly streamed: boolean;
      readonly fault: 'hang-mid-stream' | 'reset-mid-stream' | 'fragmented' | undefined;
      /** Pieces written before a mid-stream fault strikes. */
      readonly faultAfter: number;
      readonly delayMs: number;
    };

export interface PlanInput {
  readonly route: SimRoute;
  readonly flavor: SimFlavor;
  readonly deployment?: string | undefined;
  readonly modelId?: string | undefined;
  /** Parsed body; `invalid` when the bytes were not JSON. */
  readonly body: unknown;
  readonly invalidJson: boolean;
  readonly scripted: ScriptedAnswer | undefined;
  readonly id: string;
  readonly created: number;
  readonly baseUrl: string;
  readonly chunks: number;
  readonly chunkDelayMs: number;
  readonly slowChunkDelayMs: number;
  readonly models: readonly string[];
}

type Body = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function json(status: number, body: object, headers: Record<string, string> = {}): Plan {
  return { kind: 'answer', status, headers: { 'content-type': 'application/json', ...headers }, pieces: [JSON.stringify(body)], streamed: false, fault: undefined, faultAfter: 0, delayMs: 0 };
}
const fromError = (e: SimErrorAnswer): Plan => json(e.status, e.body, { ...e.headers });

/** Validation the real API does first; returns the 400 it would give, if any. */
function invalid(route: SimRoute, flavor: SimFlavor, b: Body): SimErrorAnswer | undefined {
  if (flavor === 'openai' && route !== 'models' && typeof b['model'] !== 'string') return badRequest('you must provide a model parameter', null, null);
  if (route === 'chat' && (!Array.isArray(b['messages']) || b['messages'].length === 0)) {
    return badRequest("Missing required parameter: 'messages'.", 'messages', 'missing_required_parameter');
  }
  if (route === 'images' && typeof b['prompt'] !== 'string') return badRequest("Missing required parameter: 'prompt'.", 'prompt', 'missing_required_parameter');
  if (route === 'embeddings' && embeddingInputs(b['input']) === undefined)
    return badRequest("'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.", 'input', null);
  return undefined;
}

export function plan(p: PlanInput): Plan {
  if (p.invalidJson) {
    return fromError(
      badRequest(
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
        null,
        null,
      ),
    );
  }
  if (p.route === 'models') return json(200, p.modelId === undefined ? modelsResponse(p.models) : modelResponse(p.modelId));
  const b: Body = typeof p.body === 'object' && p.body !== null && !Array.isArray(p.body) ? (p.body as Body) : {};
  const model = p.deployment ?? str(b['model']) ?? 'unknown';
  const bad = invalid(p.route, p.flavor, b);
  if (bad !== undefined) return fromError(bad);

  // A scripted answer wins over a model directive; their fields are not merged.
  const s: ScriptedAnswer = p.scripted ?? directiveFor(model) ?? {};
  const prompt = p.route === 'images' ? (str(b['prompt']) ?? '') : messagesText(b['messages']).join('\n');
  if (s.error === 'rate-limit') return fromError(rateLimited(p.flavor, p.route, model, s.retryAfterSeconds ?? 1));
  if (s.error === 'server') return fromError(serverError());
  if (s.error === 'content-filter') return fromError(contentFiltered(p.flavor, p.route, s.filterCategory ?? 'violence', prompt));
  if (s.fault === 'hang-before-headers') return { kind: 'hang' };

  let pieces: (string | Buffer)[];
  let streamed = false;
  if (p.route === 'chat') {
    const texts = messagesText(b['messages']);
    const text = s.text ?? (model === ECHO_MODEL ? (texts[texts.length - 1] ?? '') : DEFAULT_REPLY);
    const answer = { flavor: p.flavor, id: p.id, created: p.created, model, messages: b['messages'], text, finishReason: s.finishReason ?? 'stop' } as const;
    streamed = s.stream ?? b['stream'] === true;
    const opts = b['stream_options'] as { include_usage?: unknown } | undefined;
    pieces = streamed ? streamEvents(answer, s.chunks ?? p.chunks, opts?.include_usage === true) : [JSON.stringify(chatCompletion(answer))];
  } else if (p.route === 'images') {
    const format = b['response_format'] === 'b64_json' ? 'b64_json' : 'url';
    const n = typeof b['n'] === 'number' ? b['n'] : 1;
    pieces = [JSON.stringify(imagesResponse({ flavor: p.flavor, created: p.created, prompt: str(b['prompt']) ?? '', n, format, baseUrl: p.baseUrl, id: p.id, revisedPrompt: s.revisedPrompt }))];
  } else {
    const dims = typeof b['dimensions'] === 'number' && b['dimensions'] > 0 ? Math.min(8192, Math.floor(b['dimensions'])) : defaultDimensions(model);
    const format = b['encoding_format'] === 'base64' ? 'base64' : 'float';
    pieces = [embeddingsBody(model, embeddingInputs(b['input']) ?? [], dims, format)];
  }

  const midFault = s.fault === 'hang-mid-stream' || s.fault === 'reset-mid-stream' || s.fault === 'fragmented' ? s.fault : undefined;
  const slow = s.fault === 'slow-chunks';
  if (!streamed && (midFault !== undefined || slow)) {
    // Cut a plain JSON answer in two so the fault (or the delay) falls inside the body.
    const whole = String(pieces[0] ?? '');
    const cut = Math.floor(whole.length / 2);
    pieces = [whole.slice(0, cut), whole.slice(cut)];
  }
  const headers = streamed ? { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' } : { 'content-type': 'application/json' };
  return {
    kind: 'answer',
    status: 200,
    headers,
    pieces,
    streamed,
    fault: midFault,
    faultAfter: Math.min(Math.max(0, s.faultAfterChunks ?? (streamed ? 3 : 1)), pieces.length),
    delayMs: slow ? (s.chunkDelayMs ?? p.slowChunkDelayMs) : (s.chunkDelayMs ?? p.chunkDelayMs),
  };
}
