// Test support: one HTTP/1.1 exchange over a raw loopback socket, so a test controls when (and whether) body bytes go out.
import { connect, type Socket } from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface RawExchange {
  readonly socket: Socket;
  /** The first response on the socket (rejects if the socket closes before one arrives). */
  readonly answer: Promise<RawAnswer>;
  /** Resolves once the server has closed the connection (or the socket errored). */
  readonly closed: Promise<void>;
  write(data: string | Buffer): void;
}

/** Opens a socket to `url`, writes the request head (with `headers`) and returns at once; the body is up to the test. */
export function rawRequest(url: string, method: string, path: string, headers: Record<string, string | number>): RawExchange {
  const u = new URL(url);
  const socket = connect(Number(u.port), u.hostname);
  socket.on('error', () => undefined); // a reset after the server answered is what some tests expect
  const head = [`${method} ${path} HTTP/1.1`, `host: ${u.host}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), '', ''].join('\r\n');
  socket.write(head);
  let buf = Buffer.alloc(0);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const answer = new Promise<RawAnswer>((resolve, reject) => {
    const tryParse = (): boolean => {
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return false;
      const lines = buf.subarray(0, end).toString('latin1').split('\r\n');
      const status = Number(lines[0]!.split(' ')[1]);
      const hs: Record<string, string> = {};
      for (const l of lines.slice(1)) {
        const i = l.indexOf(':');
        hs[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
      }
      const len = Number(hs['content-length'] ?? 0);
      if (buf.length < end + 4 + len) return false;
      resolve({ status, headers: hs, body: buf.subarray(end + 4, end + 4 + len).toString('utf8') });
      return true;
    };
    socket.on('data', (c: Buffer) => {
      buf = Buffer.concat([buf, c]);
      tryParse();
    });
    void closed.then(() => {
      if (!tryParse()) reject(new Error(`connection closed before a full response (${buf.length} bytes)`));
    });
  });
  answer.catch(() => undefined);
  return {
    socket,
    answer,
    closed,
    write(data) {
      if (!socket.destroyed) socket.write(data);
    },
  };
}
