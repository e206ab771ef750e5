// Config slice: the upstreams Warden forwards to and which models each serves.
import { z } from 'zod';

const common = {
  name: z.string().min(1),
  /** Model patterns this upstream serves ("gpt-4o", "gpt-4o-*", "*"). */
  models: z.array(z.string()).default(['*']),
  connectTimeoutMs: z.number().int().positive().default(5_000),
  /** Max silence while waiting for headers or between body chunks. */
  readTimeoutMs: z.number().int().positive().default(60_000),
  connections: z.number().int().positive().default(128),
  /** Longest a request waits for one of the `connections` when all are busy; past it: 503 with retry-after. */
  queueTimeoutMs: z.number().int().positive().default(10_000),
  /** Longest a streamed answer may last, from its first byte; past it the stream is ended with an error event. */
  maxStreamMs: z
    .number()
    .int()
    .positive()
    .default(15 * 60_000),
  /** Largest answer read whole (a non-streamed one): it is held in memory and parsed at once; past it: 502. */
  maxAnswerBytes: z
    .number()
    .int()
    .positive()
    .default(32 * 1024 * 1024),
};

export const upstreamSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('openai'), baseUrl: z.string().url().default('https://api.openai.com/v1'), apiKey: z.string(), ...common }),
  z.object({ kind: z.literal('compatible'), baseUrl: z.string().url(), apiKey: z.string().optional(), ...common }),
  z.object({
    kind: z.literal('azure'),
    endpoint: z.string().url(),
    apiKey: z.string(),
    apiVersion: z.string().default('2024-10-21'),
    /** model name → Azure deployment name (identity when absent). */
    deployments: z.record(z.string(), z.string()).default({}),
    ...common,
  }),
  /** The built-in simulator (used when nothing else is configured). */
  z.object({ kind: z.literal('simulator'), ...common }),
]);

export const upstreamsSchema = z.array(upstreamSchema).default([]);
export type UpstreamConfig = z.infer<typeof upstreamSchema>;
