// Thin adapter: writes a Plan to the socket, applying its fault (hang, reset, slow, fragmented).
import type { ServerResponse } from 'node:http';
import type { Plan } from './plan.js';

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Splits a piece in three: inside its first line (so a reader sees a partial `data:` line)
 * and, when there is one, inside a multi-byte UTF-8 character.
 */
export function fragment(piece: string | Buffer): Buffer[] {
  const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
  if (bytes.length < 4) return [bytes];
  let mid = Math.floor(bytes.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b >= 0xc0) {
      mid = i + 1; // after a lead byte: the character is split
      break;
    }
  }
  const first = Math.min(3, mid - 1);
  return [bytes.subarray(0, first), bytes.subarray(first, mid), bytes.subarray(mid)].filter((b) => b.length > 0);
}

/**
 * Sends a TCP RST. It waits first: Linux drops received-but-unread bytes when an RST
 * arrives, and the point of the fault is that the client already holds part of the answer.
 */
async function reset(res: ServerResponse, delayMs: number): Promise<void> {
  await wait(Math.max(delayMs, 30));
  const socket = res.socket;
  if (socket && !socket.destroyed) socket.resetAndDestroy();
  else res.destroy();
}

/** Pure: `pieces` as a whole chunked body, one chunk each (none for an empty piece), then the last chunk. */
export function chunked(pieces: readonly (string | Buffer)[]): string {
  let out = '';
  for (const p of pieces) {
    const s = typeof p === 'string' ? p : p.toString('utf8');
    if (s.length > 0) out += `${Buffer.byteLength(s).toString(16)}\r\n${s}\r\n`;
  }
  return `${out}0\r\n\r\n`;
}

export async function writePlan(res: ServerResponse, plan: Plan, extra: Readonly<Record<string, string>>): Promise<void> {
  if (plan.kind === 'hang') return; // the socket stays open until the client or close() ends it
  const headers: Record<string, string | number> = { ...extra, ...plan.headers };
  const { pieces, fault } = plan;
  if (!plan.streamed) headers['content-length'] = pieces.reduce((n, p) => n + Buffer.byteLength(p), 0);
  if (fault === undefined && plan.delayMs === 0) {
    // Nothing to wait for between pieces: one send.
    if (!plan.streamed && pieces.length === 1) return void res.writeHead(plan.status, headers).end(pieces[0]);
    // A stream keeps one chunk of the chunked body per event, as when each was sent apart (a reader sees the same
    // chunks), framed here in one string: node's own framing of one write per event cost more than building the events.
    if (plan.streamed) {
      res.writeHead(plan.status, { ...headers, 'transfer-encoding': 'chunked' });
      (res as unknown as { chunkedEncoding: boolean }).chunkedEncoding = false;
      res.end(chunked(pieces));
      return;
    }
  }
  res.writeHead(plan.status, headers);
  if (fault === 'fragmented') res.socket?.setNoDelay(true);
  for (let i = 0; i < pieces.length; i++) {
    if (res.destroyed) return;
    if (i === plan.faultAfter && fault === 'hang-mid-stream') return;
    if (i === plan.faultAfter && fault === 'reset-mid-stream') return reset(res, plan.delayMs);
    if (i > 0 && plan.delayMs > 0) await wait(plan.delayMs);
    const piece = pieces[i] ?? '';
    if (fault === 'fragmented') {
      for (const part of fragment(piece)) {
        if (res.destroyed) return;
        res.write(part);
        await wait(1);
      }
    } else res.write(piece);
  }
  // A fault placed after the last piece still strikes before the end.
  if (plan.faultAfter >= pieces.length && fault === 'hang-mid-stream') return;
  if (plan.faultAfter >= pieces.length && fault === 'reset-mid-stream') return reset(res, plan.delayMs);
  if (!res.destroyed) res.end();
}
