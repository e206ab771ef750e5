// The shape of a pipeline stage: a thin adapter around a pure decision.
import type { Outcome } from '../errors/denial.js';
import type { RequestContext } from './context.js';
import type { StageName } from './stage-name.js';

/** One parsed SSE `data:` chunk of a streamed chat completion. */
export type ChatChunk = Record<string, unknown>;

/**
 * Filters a streamed response. `push` receives chunks in order and returns those that may
 * be released to the client now (it may hold some back); `end` flushes. Returning
 * `{ stop: true }` ends the stream after the returned chunks (e.g. a content_filter chunk).
 */
export interface StreamFilter {
  push(chunk: ChatChunk): Promise<StreamRelease> | StreamRelease;
  end(): Promise<StreamRelease> | StreamRelease;
}
export interface StreamRelease {
  readonly chunks: readonly ChatChunk[];
  readonly stop?: boolean;
}

export interface Stage {
  readonly name: StageName;
  /** Before forwarding. A denial stops the request here; later stages' `before` never run. */
  before?(ctx: RequestContext): Outcome | Promise<Outcome>;
  /** A non-streamed JSON answer from upstream; may rewrite `body` in place, or deny. */
  onResponse?(ctx: RequestContext, body: Record<string, unknown>): Outcome | Promise<Outcome>;
  /** A streamed answer: return a filter to sit between upstream and client, or nothing. */
  streamFilter?(ctx: RequestContext): StreamFilter | undefined;
  /**
   * After the response has been sent, for every request (denied or not). Must not block:
   * queue work. Runs in reverse stage order, so the audit stage (first) sees everything.
   * A promise is returned only when the request's audit event must carry what it settles (a
   * decision that waits for the key's profile to load from the store); later hooks wait for it.
   */
  after?(ctx: RequestContext): void | Promise<void>;
}

/**
 * Where in the stage list the request body is read: stages before it decide from the URL and headers alone
 * (a refused request's body is never buffered), stages after it see `rawBody`. Without it the body is read first.
 */
export const READ_BODY: Stage = Object.freeze({ name: 'readBody' });
