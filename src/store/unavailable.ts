// The store could not be reached within its retry deadline: a 503 for the request that needed it, never a 500.
import type { Denial } from '../errors/denial.js';

export class StoreUnavailableError extends Error {
  /** What the request that needed the store is answered. */
  readonly denial: Denial = { code: 'SERVICE_UNAVAILABLE', message: "The gateway's store is unreachable. Retry shortly.", retryAfter: 1 };

  constructor(cause: unknown) {
    super('store unavailable');
    this.name = 'StoreUnavailableError';
    // Kept for the log line and for isTransient (the message names the fault, never a query parameter).
    this.message = `store unavailable: ${cause instanceof Error ? cause.message : String(cause)}`;
    this.cause = cause;
  }
}
