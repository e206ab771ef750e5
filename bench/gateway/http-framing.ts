// Pure: where one HTTP/1.1 response ends in the bytes of a kept-alive connection (content-length or chunked), so the
// fixed-rate generator can time answers on raw sockets without an HTTP client's per-request work.

const CRLF2 = Buffer.from('\r\n\r\n');
/** Longest status line and headers taken (a response past it is a framing error). */
const MAX_HEAD = 64 * 1024;

type State = 'head' | 'length' | 'chunk-size' | 'chunk-data' | 'trailer';

/**
 * Fed the bytes of one connection in order; calls `onResponse(status)` as each response completes (its body
 * skipped, not kept). Throws on bytes that are not an HTTP/1.1 response it can frame (no length and not chunked,
 * an oversize head): the generator then counts that connection's request as failed and closes it.
 */
export class ResponseFraming {
  #state: State = 'head';
  #head: Buffer[] = [];
  #headLen = 0;
  #status = 0;
  /** Body or chunk bytes still to skip (chunk data includes its trailing CRLF). */
  #left = 0;
  /** A chunk-size or trailer line split across reads. */
  #line = '';

  constructor(private readonly onResponse: (status: number) => void) {}

  /** True while no part of a response has been read (the connection is idle between answers). */
  get idle(): boolean {
    return this.#state === 'head' && this.#headLen === 0;
  }

  feed(buf: Buffer): void {
    let i = 0;
    while (i < buf.length) {
      switch (this.#state) {
        case 'head':
          i = this.#readHead(buf, i);
          break;
        case 'length': {
          const n = Math.min(this.#left, buf.length - i);
          this.#left -= n;
          i += n;
          if (this.#left === 0) this.#done();
          break;
        }
        case 'chunk-size':
        case 'trailer': {
          const nl = buf.indexOf(0x0a, i);
          if (nl < 0) {
            this.#line += buf.toString('latin1', i);
            return;
          }
          let line = this.#line + buf.toString('latin1', i, nl);
          i = nl + 1;
          this.#line = '';
          if (line.endsWith('\r')) line = line.slice(0, -1);
          this.#onLine(line);
          break;
        }
        case 'chunk-data': {
          const n = Math.min(this.#left, buf.length - i);
          this.#left -= n;
          i += n;
          if (this.#left === 0) this.#state = 'chunk-size';
          break;
        }
      }
    }
  }

  #readHead(buf: Buffer, from: number): number {
    this.#head.push(from === 0 ? buf : buf.subarray(from));
    this.#headLen += buf.length - from;
    const all = this.#head.length === 1 ? this.#head[0]! : Buffer.concat(this.#head);
    const end = all.indexOf(CRLF2);
    if (end < 0) {
      if (this.#headLen > MAX_HEAD) throw new Error('response head too large');
      this.#head = [all];
      return buf.length;
    }
    const head = all.toString('latin1', 0, end);
    const rest = all.length - (end + 4);
    this.#head = [];
    this.#headLen = 0;
    this.#status = Number(head.slice(9, 12));
    if (!head.startsWith('HTTP/1.') || !(this.#status >= 100)) throw new Error('not an HTTP/1.x response');
    const lower = head.toLowerCase();
    const cl = /\r\ncontent-length:\s*(\d+)/.exec(lower);
    if (this.#status === 204 || this.#status === 304 || (this.#status >= 100 && this.#status < 200)) {
      this.#done();
    } else if (cl) {
      this.#left = Number(cl[1]);
      this.#state = 'length';
      if (this.#left === 0) this.#done();
    } else if (/\r\ntransfer-encoding:[^\r]*chunked/.test(lower)) {
      this.#state = 'chunk-size';
    } else {
      throw new Error('response with neither content-length nor chunked body');
    }
    // What followed the head in this read, as an offset into `buf`.
    return buf.length - rest;
  }

  #onLine(line: string): void {
    if (this.#state === 'trailer') {
      if (line === '') this.#done();
      return;
    }
    const size = Number.parseInt(line, 16);
    if (!Number.isFinite(size) || size < 0) throw new Error(`bad chunk size line: ${JSON.stringify(line.slice(0, 40))}`);
    if (size === 0) {
      this.#state = 'trailer';
      return;
    }
    this.#left = size + 2;
    this.#state = 'chunk-data';
  }

  #done(): void {
    this.#state = 'head';
    const s = this.#status;
    // 1xx answers are not the answer: the real one follows.
    if (s >= 200) this.onResponse(s);
  }
}
