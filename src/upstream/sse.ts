// Incremental SSE framing: bytes in (split anywhere, even mid-UTF-8), whole events out.
import { StringDecoder } from 'node:string_decoder';

export interface SseEvent {
  /** The raw event text without the trailing blank line. */
  readonly raw: string;
  /** Joined `data:` lines, or undefined for comment/keep-alive events. */
  readonly data: string | undefined;
}

const MAX_EVENT_CHARS = 8 * 1024 * 1024;

export class SseParser {
  private readonly decoder = new StringDecoder('utf8');
  private buf = '';

  /** Returns complete events; throws if one event grows past the bound. */
  push(chunk: Buffer): SseEvent[] {
    this.buf += this.decoder.write(chunk);
    const out: SseEvent[] = [];
    for (;;) {
      const m = /\r?\n\r?\n/.exec(this.buf);
      if (!m) break;
      const raw = this.buf.slice(0, m.index);
      this.buf = this.buf.slice(m.index + m[0].length);
      out.push(parseEvent(raw));
    }
    if (this.buf.length > MAX_EVENT_CHARS) throw new Error('SSE event too large');
    return out;
  }

  /** The unterminated remainder at end of stream, if any. */
  end(): SseEvent[] {
    const rest = (this.buf + this.decoder.end()).trim();
    this.buf = '';
    return rest ? [parseEvent(rest)] : [];
  }
}

function parseEvent(raw: string): SseEvent {
  const data: string[] = [];
  for (const line of raw.split(/\r?\n/)) {
    if (line.startsWith('data:')) data.push(line.slice(line[5] === ' ' ? 6 : 5));
  }
  return { raw, data: data.length ? data.join('\n') : undefined };
}

export function sseData(obj: unknown): string {
  return `data: ${JSON.stringify(obj)}\n\n`;
}
