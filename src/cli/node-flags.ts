// The V8 flags the gateway process runs with, wherever it is started: the `warden` bin's
// shebang, `npm start`, and the benches (node-flags.test.ts keeps those three in step).
//
// An explicit old-space limit makes V8 treat the heap as memory-constrained: it grows the
// old generation by a small factor over the live size instead of up to 4x, so garbage promoted
// under load (in-flight requests, audit batches) is collected at ~60-90 MB of heap instead of
// ~130 MB. Measured: peak RSS under chat load ~187 MB instead of ~250-280 MB, with no visible
// CPU cost. 512 MB is far above what the bounded state needs (risk profiles at their 20 000-key
// cap take ~100 MB), so the limit itself is never what stops the process.
export const GATEWAY_NODE_FLAGS: readonly string[] = ['--max-old-space-size=512'];
