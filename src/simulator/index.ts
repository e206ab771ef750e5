// The upstream simulator's public surface (used by tests, the bench and the gateway's no-upstream mode).
export { startSimulator } from './server.js';
export { MODEL_DIRECTIVES, ECHO_MODEL } from './directives.js';
export { DEFAULT_REPLY } from './text.js';
export { embeddingVector } from './embeddings.js';
export { TINY_PNG, TINY_PNG_BASE64, defaultRevision } from './images.js';
export type { HarmCategory, RecordedRequest, ScriptedAnswer, SimErrorKind, SimFault, SimFlavor, SimRoute, Simulator, SimulatorOptions } from './types.js';
