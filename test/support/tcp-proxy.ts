// Test support: a TCP proxy the test controls in front of a server (PostgreSQL): forward, reset every connection, or blackhole.
import { connect, createServer, type Server, type Socket } from 'node:net';

interface Pair {
  client: Socket;
  upstream: Socket | undefined;
  /** Bytes held while blackholed, per direction; delivered on restore (as TCP retransmission would). */
  held: { toUpstream: Buffer[]; toClient: Buffer[] };
  /** The server has been sent the armed message: its answer is dropped and the connection reset. */
  doomed: boolean;
}

export class TcpProxy {
  private server: Server | undefined;
  private readonly pairs = new Set<Pair>();
  private blackholed = false;
  private armed: ((chunk: Buffer) => boolean) | undefined;
  port = 0;

  private constructor(private readonly target: { host: string; port: number }) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const p = new TcpProxy(target);
    p.server = createServer((c) => p.accept(c));
    await new Promise<void>((r) => p.server!.listen(0, '127.0.0.1', r));
    const a = p.server.address();
    p.port = typeof a === 'object' && a ? a.port : 0;
    return p;
  }

  get connections(): number {
    return this.pairs.size;
  }

  /** Every open connection is reset (RST, so the peers see ECONNRESET); new ones are accepted as usual. */
  resetAll(): void {
    for (const p of this.pairs) {
      p.client.resetAndDestroy();
      p.upstream?.resetAndDestroy();
    }
    this.pairs.clear();
  }

  /** Packets dropped, not refused: nothing is forwarded either way, sockets stay open, new connections get no answer. */
  blackhole(): void {
    this.blackholed = true;
  }

  /**
   * The next client message for which `matches` holds reaches the server, but its answer never reaches the client:
   * the connection is reset when the server replies (once; the hook disarms itself). For PostgreSQL, a COMMIT the
   * server performs while the client sees only a dead connection.
   */
  loseAnswerTo(matches: (chunk: Buffer) => boolean): void {
    this.armed = matches;
  }

  /** Traffic flows again: what was held is delivered and new connections reach the server. */
  restore(): void {
    this.blackholed = false;
    for (const p of this.pairs) {
      if (!p.upstream) this.dial(p);
      for (const b of p.held.toUpstream.splice(0)) p.upstream!.write(b);
      for (const b of p.held.toClient.splice(0)) p.client.write(b);
    }
  }

  async close(): Promise<void> {
    this.resetAll();
    await new Promise<void>((r) => this.server?.close(() => r()) ?? r());
  }

  private accept(client: Socket): void {
    const p: Pair = { client, upstream: undefined, held: { toUpstream: [], toClient: [] }, doomed: false };
    this.pairs.add(p);
    client.on('error', () => undefined);
    client.on('close', () => (p.upstream?.destroy(), this.pairs.delete(p)));
    client.on('data', (d: Buffer) => {
      if (this.armed?.(d)) {
        this.armed = undefined;
        p.doomed = true;
      }
      if (this.blackholed || !p.upstream) p.held.toUpstream.push(d);
      else p.upstream.write(d);
    });
    // A connection opened during a blackhole is not dialled until traffic flows (its SYN was "dropped").
    if (!this.blackholed) this.dial(p);
  }

  private dial(p: Pair): void {
    const up = connect(this.target);
    p.upstream = up;
    up.on('error', () => undefined);
    up.on('close', () => (p.client.destroy(), this.pairs.delete(p)));
    up.on('data', (d: Buffer) => {
      if (p.doomed) {
        p.client.resetAndDestroy();
        up.destroy();
        this.pairs.delete(p);
      } else if (this.blackholed) p.held.toClient.push(d);
      else p.client.write(d);
    });
    for (const b of p.held.toUpstream.splice(0)) up.write(b);
  }
}
