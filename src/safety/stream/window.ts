// Releases streamed chat output in checked windows: text is held until a window's worth is buffered, checked
// (with the previous window's tail for context), then released. On a violation the stream ends with a chunk
// whose finish_reason is "content_filter", so at most the text of already-released windows reached the client.
import type { ChatChunk, StreamFilter, StreamRelease } from '../../proxy/stage.js';

export interface WindowCheck {
  /** Returns true when the text must not be released. Receives the previous tail + the new window. */
  (text: string): Promise<boolean> | boolean;
}

export interface WindowOptions {
  readonly windowChars: number;
  /**
   * Held text is checked and released early once it has waited this long (when the next chunk arrives), so a slow
   * upstream still streams; every released character has been checked either way.
   */
  readonly maxHoldMs?: number;
  readonly now?: () => number;
  readonly check: WindowCheck;
  /** Called once when a violation ends the stream. */
  readonly onViolation?: (text: string) => void;
}

function deltaText(c: ChatChunk): string {
  const choices = c['choices'];
  if (!Array.isArray(choices)) return '';
  let s = '';
  for (const ch of choices as { delta?: { content?: unknown; refusal?: unknown } }[]) {
    const v = ch?.delta?.content;
    if (typeof v === 'string') s += v;
  }
  return s;
}

const isEmpty = (v: unknown): boolean => v === undefined || v === null || v === '';

/**
 * A stream's opening chunk with nothing in it to check or act on: every choice only announces its role (every other
 * delta field empty: no text, refusal or tool call; no finish). Nothing precedes it, so releasing it at once changes
 * neither order nor what is checked; the client learns the stream began without waiting for the first window.
 */
export function isOpeningChunk(c: ChatChunk): boolean {
  const choices = c['choices'];
  if (!Array.isArray(choices) || choices.length === 0) return false;
  for (const ch of choices as Record<string, unknown>[]) {
    if (ch === null || typeof ch !== 'object' || !isEmpty(ch['finish_reason'])) return false;
    const d = ch['delta'];
    if (d === undefined) continue;
    if (d === null || typeof d !== 'object') return false;
    for (const [k, v] of Object.entries(d as Record<string, unknown>)) {
      if (k === 'role' ? typeof v !== 'string' : !isEmpty(v)) return false;
    }
  }
  return true;
}

function filteredChunk(like: ChatChunk | undefined): ChatChunk {
  return {
    id: like?.['id'] ?? 'chatcmpl-filtered',
    object: 'chat.completion.chunk',
    created: like?.['created'] ?? Math.floor(Date.now() / 1000),
    model: like?.['model'] ?? '',
    choices: [{ index: 0, delta: {}, finish_reason: 'content_filter', content_filter_results: {} }],
  };
}

const isThenable = <T>(x: T | Promise<T>): x is Promise<T> => typeof (x as { then?: unknown } | null)?.then === 'function';
const NOTHING: StreamRelease = Object.freeze({ chunks: Object.freeze([]) });
const STOPPED: StreamRelease = Object.freeze({ chunks: Object.freeze([]), stop: true });

/**
 * Synchronous while it only holds text (most chunks); a promise only while a window is being checked. The relay
 * awaits each push before the next, so a check never overlaps another push.
 */
export function windowFilter(o: WindowOptions): StreamFilter {
  let held: ChatChunk[] = [];
  let buf = '';
  let tail = '';
  let last: ChatChunk | undefined;
  let dead = false;
  let heldSince = 0;
  /** No chunk has been taken yet: an opening chunk may go out at once. */
  let opening = true;
  const now = o.now ?? (() => performance.now());

  // After a window's check: release the held chunks, or end the stream with a content_filter chunk.
  const settle = (blocked: boolean): StreamRelease => {
    if (blocked) {
      dead = true;
      o.onViolation?.(buf);
      held = [];
      return { chunks: [filteredChunk(last)], stop: true };
    }
    // Keep some context so a phrase split across windows is still seen whole.
    tail = (tail + buf).slice(-200);
    buf = '';
    const out = held;
    held = [];
    return { chunks: out };
  };

  const flush = (final: boolean): StreamRelease | Promise<StreamRelease> => {
    if (dead) return STOPPED;
    if (buf.length === 0 && !final) return NOTHING;
    if (buf.length === 0) return settle(false);
    const blocked = o.check(tail + buf);
    return isThenable(blocked) ? blocked.then(settle) : settle(blocked);
  };

  return {
    push(chunk) {
      if (dead) return STOPPED;
      last = chunk;
      if (opening) {
        opening = false;
        if (isOpeningChunk(chunk)) return { chunks: [chunk] };
      }
      const t = now();
      if (held.length === 0) heldSince = t;
      held.push(chunk);
      buf += deltaText(chunk);
      // Chunks without text (role, finish_reason, usage) wait with the text before them so order is kept.
      const waited = o.maxHoldMs !== undefined && t - heldSince >= o.maxHoldMs;
      return buf.length >= o.windowChars || (waited && buf.length > 0) ? flush(false) : NOTHING;
    },
    end() {
      return flush(true);
    },
  };
}
