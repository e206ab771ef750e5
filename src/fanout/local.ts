// In-process fan-out for a single replica (and tests): handlers are told at once.
import type { Fanout, FanoutEvent } from './port.js';

export class LocalFanout implements Fanout {
  readonly kind = 'local' as const;
  private readonly handlers = new Set<(ev: FanoutEvent) => void>();

  async publish(keyId: string, version: number): Promise<void> {
    emit(this.handlers, { kind: 'key', keyId, version });
  }

  subscribe(handler: (ev: FanoutEvent) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  async close(): Promise<void> {
    this.handlers.clear();
  }
}

/** A throwing handler must not stop the others from hearing about a revocation. */
export function emit(handlers: Iterable<(ev: FanoutEvent) => void>, ev: FanoutEvent): void {
  for (const h of handlers) {
    try {
      h(ev);
    } catch {
      // The handler's own problem; the event still reaches everyone else.
    }
  }
}
