// Incremental SSE framing: bytes in (split anywhere, even mid-UTF-8), whole events out.
import { StringDecoder } from 'node:string_decoder';

export interface SseEvent {
  /** The raw event text without the trailing blank line. */
  readonly raw: string;
  /** Joined `data:` lines, or undefined for comment/keep-alive events. */
  readonly data: string | undefined;
}

const MAX_EVENT_CHARS = 8 * 1024 * 1024;
/** An event ends at a blank line: two line ends, each `\n` or `\r\n`. */
const EVENT_END = /\r?\n\r?\n/g;

/**
 * Pull-based: `feed` a read, then take its events one `next()` at a time, so a relay can send the first event of a
 * read before the rest of it is framed (an upstream that answers fast sends a whole answer in one read).
 */
export class SseParser {
  private readonly decoder = new StringDecoder('utf8');
  private buf = '';
  /** Where the text not yet handed out starts in `buf`. */
  private at = 0;
  /** `buf` holds a CR: line ends may be `\r\n`, found by the regex (else a plain search). */
  private cr = false;

  /** Adds one read (split anywhere, even mid-UTF-8) to what `next` frames. */
  feed(chunk: Buffer): void {
    const text = this.decoder.write(chunk);
    this.buf = this.at === 0 ? this.buf + text : this.buf.slice(this.at) + text;
    this.at = 0;
    this.cr = this.buf.includes('\r');
  }

  /** The next complete event, or undefined until more is fed; throws once an unfinished event grows past the bound. */
  next(): SseEvent | undefined {
    const from = this.at;
    let end: number;
    let after: number;
    if (!this.cr) {
      end = this.buf.indexOf('\n\n', from);
      after = end + 2;
    } else {
      EVENT_END.lastIndex = from;
      const m = EVENT_END.exec(this.buf);
      end = m ? m.index : -1;
      after = EVENT_END.lastIndex;
    }
    if (end < 0) {
      if (this.buf.length - from > MAX_EVENT_CHARS) throw new Error('SSE event too large');
      return undefined;
    }
    this.at = after;
    return parseEvent(this.buf.slice(from, end));
  }

  /** Feeds one read and returns all its complete events. */
  push(chunk: Buffer): SseEvent[] {
    this.feed(chunk);
    const out: SseEvent[] = [];
    for (let e = this.next(); e; e = this.next()) out.push(e);
    return out;
  }

  /** At end of stream: the complete events not yet taken, then the unterminated remainder, if any. */
  end(): SseEvent[] {
    this.feed(Buffer.alloc(0));
    const out: SseEvent[] = [];
    for (let e = this.next(); e; e = this.next()) out.push(e);
    const rest = (this.buf.slice(this.at) + this.decoder.end()).trim();
    this.buf = '';
    this.at = 0;
    this.cr = false;
    if (rest) out.push(parseEvent(rest));
    return out;
  }
}

function parseEvent(raw: string): SseEvent {
  // The common case: one `data:` line.
  if (raw.startsWith('data:') && !raw.includes('\n')) return { raw, data: raw.slice(raw[5] === ' ' ? 6 : 5) };
  const data: string[] = [];
  for (const line of raw.split(/\r?\n/)) {
    if (line.startsWith('data:')) data.push(line.slice(line[5] === ' ' ? 6 : 5));
  }
  return { raw, data: data.length ? data.join('\n') : undefined };
}

export function sseData(obj: unknown): string {
  return `data: ${JSON.stringify(obj)}\n\n`;
}
