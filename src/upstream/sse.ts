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

export class SseParser {
  private readonly decoder = new StringDecoder('utf8');
  private buf = '';

  /** Returns complete events; throws if one event grows past the bound. */
  push(chunk: Buffer): SseEvent[] {
    const buf = this.buf + this.decoder.write(chunk);
    const out: SseEvent[] = [];
    let from = 0;
    if (!buf.includes('\r')) {
      // The common case (no CR anywhere): a plain search, no regex.
      for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n', from)) {
        out.push(parseEvent(buf.slice(from, i)));
        from = i + 2;
      }
    } else {
      EVENT_END.lastIndex = 0;
      for (let m = EVENT_END.exec(buf); m; m = EVENT_END.exec(buf)) {
        out.push(parseEvent(buf.slice(from, m.index)));
        from = EVENT_END.lastIndex;
      }
    }
    this.buf = from === 0 ? buf : buf.slice(from);
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
