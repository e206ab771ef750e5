// The store could not be reached within its retry deadline: a 503 for the request that needed it, never a 500.
import { GatewayError } from '../errors/denial.js';

export class StoreUnavailableError extends GatewayError {
  constructor(cause: unknown) {
    super({ code: 'SERVICE_UNAVAILABLE', message: "The gateway's store is unreachable. Retry shortly.", retryAfter: 1 });
    this.name = 'StoreUnavailableError';
    // Kept for the log line and for isTransient (the message names the fault, never a query parameter).
    this.message = `store unavailable: ${cause instanceof Error ? cause.message : String(cause)}`;
    this.cause = cause;
  }
}
