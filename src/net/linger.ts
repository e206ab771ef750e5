// Closes a connection whose request body is still arriving without losing the answer already written to it.
import type { Socket } from 'node:net';

/** How long unread request bytes are read and dropped after the answer, before the socket is destroyed. */
export const LINGER_MS = 2_000;

/**
 * Node ends a `connection: close` response by destroying the socket as soon as the answer is flushed. If the client
 * is still sending its body, the kernel then answers its bytes with a reset, and a reset can discard the answer
 * before the client reads it: it sees ECONNRESET instead of our 401. Like nginx's lingering close, the write side is
 * shut (FIN after the answer) and what still arrives is read and dropped — nothing is kept — until the client stops
 * or LINGER_MS passes.
 */
export function lingerOnClose(socket: Socket, ms = LINGER_MS): void {
  socket.destroySoon = function lingering(this: Socket) {
    const stop = (): void => void this.destroy();
    const timer = setTimeout(stop, ms);
    timer.unref();
    this.once('close', () => clearTimeout(timer));
    this.once('end', stop);
    this.end();
    this.on('data', () => undefined);
    this.resume();
  };
}
