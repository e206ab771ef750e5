// Out-of-process control: model (or Azure deployment) names that select an error or a fault.
import type { ScriptedAnswer } from './types.js';

/**
 * A process that cannot call `sim.script()` (the bench, a gateway started from the CLI)
 * picks behaviour by model name. `sim-echo` replies with the last user message, so a test
 * can make the "model" say something the output policy must catch.
 */
export const MODEL_DIRECTIVES: Readonly<Record<string, ScriptedAnswer>> = {
  'sim-error-429': { error: 'rate-limit' },
  'sim-error-500': { error: 'server' },
  'sim-content-filter': { error: 'content-filter' },
  'sim-hang': { fault: 'hang-before-headers' },
  'sim-hang-mid-stream': { fault: 'hang-mid-stream' },
  'sim-reset-mid-stream': { fault: 'reset-mid-stream' },
  'sim-slow': { fault: 'slow-chunks' },
  'sim-fragmented': { fault: 'fragmented' },
  'sim-finish-content-filter': { finishReason: 'content_filter', text: '' },
};

export const ECHO_MODEL = 'sim-echo';

export function directiveFor(model: string | undefined): ScriptedAnswer | undefined {
  return model === undefined ? undefined : MODEL_DIRECTIVES[model];
}
