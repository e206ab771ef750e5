// Public types of the upstream simulator: options, scripted answers, recorded requests.
import type { IncomingHttpHeaders } from 'node:http';

export type SimRoute = 'chat' | 'images' | 'embeddings' | 'models';
export type SimFlavor = 'openai' | 'azure';
export type HarmCategory = 'hate' | 'sexual' | 'violence' | 'self_harm' | 'jailbreak';
export type SimErrorKind = 'rate-limit' | 'server' | 'content-filter';

/**
 * Faults a gateway must survive. "mid-stream" applies to non-streamed answers too:
 * the JSON body is cut in two and the fault strikes between the halves.
 */
export type SimFault =
  | 'hang-before-headers'
  | 'hang-mid-stream'
  | 'reset-mid-stream'
  | 'slow-chunks'
  /** Every byte arrives, but in 7-byte writes: events split mid-line and mid-UTF-8. */
  | 'fragmented';

/** One scripted next answer; every field optional, unset ones take the normal behaviour. */
export interface ScriptedAnswer {
  /** Consumed only by a request to this route (default: the next chat/images/embeddings request). */
  readonly route?: SimRoute;
  /** Chat reply text (split into chunks when streamed). */
  readonly text?: string;
  /** Force a streamed (true) or plain (false) answer whatever the client asked. */
  readonly stream?: boolean;
  readonly chunks?: number;
  readonly chunkDelayMs?: number;
  readonly finishReason?: 'stop' | 'length' | 'content_filter';
  /** Images: the revised_prompt to return (the prompt itself = "no revision"). */
  readonly revisedPrompt?: string;
  readonly error?: SimErrorKind;
  readonly retryAfterSeconds?: number;
  /** content-filter error: which category is reported as filtered (default violence). */
  readonly filterCategory?: HarmCategory;
  readonly fault?: SimFault;
  /** For mid-stream faults: pieces written before the fault strikes (default 3). */
  readonly faultAfterChunks?: number;
}

export interface RecordedRequest {
  readonly at: number;
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  /** Parsed JSON body, or undefined when empty / not JSON. */
  readonly body: unknown;
  /** The upstream credential as received, so tests can check which key was injected. */
  readonly credential: { readonly scheme: 'bearer' | 'api-key'; readonly value: string } | null;
  readonly route: SimRoute | null;
  readonly flavor: SimFlavor | null;
  readonly deployment?: string;
}

export interface SimulatorOptions {
  /** 0 (default) = an ephemeral port. */
  port?: number;
  host?: string;
  /** Content chunks per streamed chat answer (default 20). */
  chunks?: number;
  /** Delay between streamed chunks; 0 (default) writes them back to back. */
  chunkDelayMs?: number;
  /** When set, requests must carry this key (Bearer or api-key), else 401 like the real APIs. */
  apiKey?: string;
  /** Models listed by GET /v1/models. */
  models?: readonly string[];
  /** Azure deployments that exist (default: every name exists). */
  deployments?: readonly string[];
  /** How many requests `requests` keeps (default 200). */
  recordLimit?: number;
  /** Delay for the slow-chunks fault (default 200 ms). */
  slowChunkDelayMs?: number;
}

export interface Simulator {
  /** Base URL without a path, e.g. http://127.0.0.1:41234 (OpenAI base is `${url}/v1`). */
  readonly url: string;
  readonly port: number;
  /** The last requests received, oldest first (a bounded ring). */
  readonly requests: readonly RecordedRequest[];
  lastRequest(): RecordedRequest | undefined;
  /** Queue scripted next answers (FIFO). */
  script(...answers: ScriptedAnswer[]): void;
  /** Scripted answers not consumed yet. */
  readonly pending: number;
  /** Forget recorded requests and scripted answers. */
  reset(): void;
  close(): Promise<void>;
}
