// The names of the pipeline's stages (their order lives in pipeline.ts).

/**
 * Every stage's name: the value audited as `deniedBy` and counted as the `denied_by` metric label. A stage is
 * built by a factory of the same name; a domain that checks in both phases (validate, bind, limit) has one
 * factory taking the part, and both parts report under the one name.
 */
export const STAGE_NAMES = [
  'observe',
  'record',
  'storeGate',
  'sourceGuard',
  'authenticate',
  'proof',
  'validate',
  'bind',
  'limit',
  'readBody',
  'concurrency',
  'assessRisk',
  'promptPolicy',
  'outputPolicy',
] as const;

/** A stage's name, so a comparison like `ctx.deniedBy !== 'authenticate'` is checked. */
export type StageName = (typeof STAGE_NAMES)[number];
