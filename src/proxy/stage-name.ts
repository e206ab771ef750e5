// The names of the pipeline's stages (their order lives in pipeline.ts).
/** Every stage's name, so a comparison like `ctx.deniedBy !== 'authenticate'` is checked (the order: pipeline.ts). */
export type StageName =
  | 'observe'
  | 'record'
  | 'storeGate'
  | 'sourceGuard'
  | 'authenticate'
  | 'proof'
  | 'validate'
  | 'bind'
  | 'limit'
  | 'readBody'
  | 'concurrency'
  | 'assessRisk'
  | 'promptPolicy'
  | 'outputPolicy';
