// Micro-benchmark: CPU µs to build and serialise one request event the way the proxy does (record stage, then the
// sink's stored form, then canonical JSON), against the same event with its members out of order; then what the
// store and the sealer do with it (row, leaf hash, seal). Not a test.
// Run: npx tsx bench/audit/event-body.ts [--iterations 20000] [--rounds 5]
import { arg, cpuPerCall } from '../micro.js';
import type { KeyRecord } from '../../src/keys/types.js';
import type { RequestContext } from '../../src/proxy/context.js';
import { chatContext } from '../../test/support/context.js';
import { requestEvent } from '../../src/proxy/stages/record.js';
import { auditToRow, noteWritten } from '../../src/store/rows.js';
import { eventBody } from '../../src/audit/event-body.js';
import type { AuditEvent } from '../../src/audit/event.js';
import { sealOf } from '../../src/audit/seal.js';
import { withoutText } from '../../src/audit/sink.js';
import { WrittenRows } from '../../src/audit/written-rows.js';

const N = Number(arg('iterations', '20000'));
const ROUNDS = Number(arg('rounds', '5'));

/** What the stages record on a chat request that reached the upstream (the bench's usual request). */
function ctx(i: number): RequestContext {
  return chatContext({
    id: `req_${i.toString(16).padStart(32, '0')}`,
    time: Date.now(),
    startedAt: performance.now() - 5,
    clientIp: '127.0.0.1',
    body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Write two sentences about lighthouses.' }] },
    key: { id: 'ARM779OD35l4', tenantId: 'ten_bllGBhEE5vv1' } as KeyRecord,
    usage: { completionTokens: 38, images: 0, promptTokens: 35, totalTokens: 73 },
    vars: { outputText: 'This is a simulated answer.' },
    audit: {
      keyId: 'ARM779OD35l4',
      tenantId: 'ten_bllGBhEE5vv1',
      model: 'gpt-4o-mini',
      riskScore: 0,
      signals: [],
      decision: 'allow',
      country: null,
      asn: null,
      fingerprint: 'J3IY4vp5WfMz',
      verdicts: {
        safety: ['prompt', 'output'].map((stage) => ({
          action: 'allow',
          builtinMs: 0.655,
          findings: [],
          guardFailures: [],
          guardMs: 0,
          obfuscation: 0,
          reason: 'no category over its threshold',
          stage,
        })),
      },
    },
  });
}

/** The sink stores the event without its text (kept only under a retention policy, off here). */
const stored = withoutText;
/** The same members, in the order they were once built (time first): the writer must re-order a copy. */
const shuffled = (e: AuditEvent): AuditEvent => {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(e).reverse()) out[k] = (e as unknown as Record<string, unknown>)[k];
  return out as unknown as AuditEvent;
};

const contexts = Array.from({ length: 1000 }, (_, i) => ctx(i));
const events = contexts.map((c) => stored(requestEvent(c, performance.now(), 'bench-pepper-0123456789')));
const unordered = events.map(shuffled);
if (eventBody(events[0]!) !== eventBody(unordered[0]!)) throw new Error('the two orders must store the same bytes');

const fmt = (x: number): string => x.toFixed(2).padStart(6);
console.log(`request event, CPU µs per call (median of ${ROUNDS} rounds × ${N}); body ${eventBody(events[0]!).length} bytes`);
console.log(`  requestEvent + stored form     ${fmt(cpuPerCall((i) => stored(requestEvent(contexts[i % 1000]!, performance.now(), 'bench-pepper-0123456789')), N, ROUNDS))}`);
console.log(`  eventBody, canonical order     ${fmt(cpuPerCall((i) => eventBody(events[i % 1000]!), N, ROUNDS))}`);
console.log(`  eventBody, members out of order ${fmt(cpuPerCall((i) => eventBody(unordered[i % 1000]!), N, ROUNDS))}`);
console.log(`  JSON.stringify alone           ${fmt(cpuPerCall((i) => JSON.stringify(events[i % 1000]!), N, ROUNDS))}`);

// The store's row and the leaf it notes for the sealer (taken at once, as the sealer would), then the row's seal.
const written = new WrittenRows();
written.enable();
const rows = events.map(auditToRow);
const sealKey = Buffer.alloc(32, 7);
noteWritten(written, 0, rows[0]!);
const leaf = written.take(0)!;
console.log(`  auditToRow                     ${fmt(cpuPerCall((i) => auditToRow(events[i % 1000]!), N, ROUNDS))}`);
console.log(`  noteWritten (leaf hash)        ${fmt(cpuPerCall((i) => (noteWritten(written, i, rows[i % 1000]!), written.take(i)), N, ROUNDS))}`);
console.log(`  sealOf                         ${fmt(cpuPerCall((i) => sealOf(sealKey, i, leaf), N, ROUNDS))}`);
const whole = (i: number): unknown => {
  const row = auditToRow(stored(requestEvent(contexts[i % 1000]!, performance.now(), 'bench-pepper-0123456789')));
  noteWritten(written, i, row);
  return sealOf(sealKey, i, written.take(i)!);
};
console.log(`  all of the above, in order     ${fmt(cpuPerCall(whole, N, ROUNDS))}`);
