// The V8 flags the gateway process runs with, wherever it is started: the `warden` bin's
// shebang, `npm start`, and the benches (node-flags.test.ts keeps those three in step).
//
// An explicit old-space limit makes V8 treat the heap as memory-constrained: it grows the
// old generation by a small factor over the live size instead of up to 4x, so garbage promoted
// under load (in-flight requests, audit batches) is collected at ~60-90 MB of heap instead of
// ~130 MB. Measured: peak RSS under chat load ~187 MB instead of ~250-280 MB, with no visible
// CPU cost. 512 MB is far above what the bounded state needs (risk profiles at their 20 000-key
// cap take ~100 MB), so the limit itself is never what stops the process.
// A semi-space of 8 MB (instead of V8's 16) takes another ~16 MB off the young generation; in
// A/B runs of the bench it cost no throughput we could see through the noise (peak RSS over chat
// and streamed chat at c16/c64: 161-183 MB, against 195-225 MB without it).
export const GATEWAY_NODE_FLAGS: readonly string[] = ['--max-old-space-size=512', '--max-semi-space-size=8'];
