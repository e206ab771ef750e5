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

interface Held { chunk: ChatChunk; chars: number }

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

function filteredChunk(like: ChatChunk | undefined): ChatChunk {
  return {
    id: like?.['id'] ?? 'chatcmpl-filtered', object: 'chat.completion.chunk', created: like?.['created'] ?? Math.floor(Date.now() / 1000),
    model: like?.['model'] ?? '', choices: [{ index: 0, delta: {}, finish_reason: 'content_filter', content_filter_results: {} }],
  };
}

export function windowFilter(o: WindowOptions): StreamFilter {
  let held: Held[] = [];
  let buf = '';
  let tail = '';
  let last: ChatChunk | undefined;
  let dead = false;
  let heldSince = 0;
  const now = o.now ?? (() => performance.now());

  const flush = async (final: boolean): Promise<StreamRelease> => {
    if (dead) return { chunks: [], stop: true };
    if (buf.length === 0 && !final) return { chunks: [] };
    if (buf.length > 0 && (await o.check(tail + buf))) {
      dead = true;
      o.onViolation?.(buf);
      held = [];
      return { chunks: [filteredChunk(last)], stop: true };
    }
    // Keep some context so a phrase split across windows is still seen whole.
    tail = (tail + buf).slice(-200);
    buf = '';
    const out = held.map((h) => h.chunk);
    held = [];
    return { chunks: out };
  };

  return {
    async push(chunk) {
      if (dead) return { chunks: [], stop: true };
      last = chunk;
      const t = deltaText(chunk);
      if (held.length === 0) heldSince = now();
      held.push({ chunk, chars: t.length });
      buf += t;
      // Chunks without text (role, finish_reason, usage) wait with the text before them so order is kept.
      const waited = o.maxHoldMs !== undefined && now() - heldSince >= o.maxHoldMs;
      return buf.length >= o.windowChars || (waited && buf.length > 0) ? flush(false) : { chunks: [] };
    },
    end() {
      return flush(true);
    },
  };
}
