// One interface for external guards (OpenAI moderation, Azure AI Content Safety, Llama Guard) and how they are run.
import type { Finding } from '../types.js';

export interface GuardInput {
  readonly target: 'prompt' | 'image_prompt' | 'output';
  /** Client-written (or model-written, for output) text, joined. */
  readonly text: string;
  /** Documents the model is asked to process (Azure shieldPrompt `documents`). */
  readonly documents: readonly string[];
}

export interface Guard {
  readonly name: string;
  /** Resolves with findings; rejects on transport errors, non-2xx answers and malformed bodies. */
  check(input: GuardInput, signal: AbortSignal): Promise<Finding[]>;
}

/** A guard answered with an error (HTTP status and the provider's own code, when it sent one). */
export class GuardError extends Error {
  constructor(
    readonly guard: string,
    readonly status: number | undefined,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'GuardError';
  }
}

/** POSTs JSON and returns the parsed body, turning every failure into a GuardError (never leaking the key). */
export async function postJson(guard: string, url: string, headers: Record<string, string>, body: unknown, signal: AbortSignal): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal });
  } catch (err) {
    const e = err as Error;
    throw new GuardError(guard, undefined, e.name === 'AbortError' || e.name === 'TimeoutError' ? 'timeout' : 'network', `${guard}: ${e.name === 'AbortError' ? 'timed out' : 'unreachable'}`);
  }
  const text = await res.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!res.ok) {
    const err = (parsed as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    const code = typeof err?.code === 'string' ? err.code : undefined;
    throw new GuardError(guard, res.status, code, `${guard}: HTTP ${res.status}${code ? ` ${code}` : ''}`);
  }
  if (parsed === undefined) throw new GuardError(guard, res.status, 'malformed', `${guard}: answer is not JSON`);
  return parsed;
}
