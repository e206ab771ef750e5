// The safety policy an operator sets per tenant and per key; never chosen by the request.
import { z } from 'zod';
import { HARM_CATEGORIES, SIGNAL_CATEGORIES, type Category } from '../types.js';

export const severitySchema = z.enum(['low', 'medium', 'high']);
export const actionSchema = z.enum(['block', 'flag', 'strip', 'allow']);
export type PolicyAction = z.infer<typeof actionSchema>;

export const ruleSchema = z.object({
  /** Lowest severity that triggers the action. */
  threshold: severitySchema,
  /** `strip` applies to rewrite-suppression text only (other categories treat it as `flag`). */
  action: actionSchema,
});
export type CategoryRule = z.infer<typeof ruleSchema>;

const ALL_CATEGORIES = [...HARM_CATEGORIES, ...SIGNAL_CATEGORIES] as [Category, ...Category[]];
export const categorySchema = z.enum(ALL_CATEGORIES);

export const blocklistSchema = z.object({
  name: z.string().min(1),
  terms: z.array(z.string()).optional(),
  patterns: z.array(z.string()).optional(),
});

/** A partial policy: tenant and key layers override the defaults field by field. */
export const policyPatchSchema = z.object({
  categories: z.partialRecord(categorySchema, ruleSchema.partial()).optional(),
  /** Names of external guards (configured in `safety.guards`) to run; [] for none. */
  guards: z.array(z.string()).optional(),
  /** When a guard times out or fails: `open` lets the request go on, `closed` refuses it. */
  failMode: z.enum(['open', 'closed']).optional(),
  blocklists: z.array(blocklistSchema).optional(),
  /** Streamed output is released in checked windows of this many characters. */
  streamWindowChars: z.number().int().min(16).max(65536).optional(),
  /** A partial window that has waited this long is checked and released when the next chunk arrives. */
  streamMaxHoldMs: z.number().int().min(0).max(60_000).optional(),
  /** Longest prompt text checked; longer prompts are refused, never forwarded unchecked. */
  maxCheckedChars: z.number().int().min(1024).optional(),
  /** Add Azure-style prompt_filter_results / content_filter_results to allowed responses. */
  annotate: z.boolean().optional(),
  /** Check model output (non-streamed and streamed). */
  checkOutput: z.boolean().optional(),
  /**
   * Embeddings input: `enforce` judges it like a chat prompt (what the categories block is refused); `flag` records
   * and counts the same verdicts but refuses nothing (for indexing corpora that hold harmful text on purpose).
   */
  embeddings: z.enum(['enforce', 'flag']).optional(),
  /** Embeddings input given as token ids (unreadable without the model's tokeniser): `flag` forwards and records it, `block` refuses it. */
  embeddingTokens: z.enum(['flag', 'block']).optional(),
});
export type PolicyPatch = z.infer<typeof policyPatchSchema>;

export interface SafetyPolicy {
  readonly categories: Readonly<Record<Category, CategoryRule>>;
  readonly guards: readonly string[];
  readonly failMode: 'open' | 'closed';
  readonly blocklists: readonly z.infer<typeof blocklistSchema>[];
  readonly streamWindowChars: number;
  readonly streamMaxHoldMs: number;
  readonly maxCheckedChars: number;
  readonly annotate: boolean;
  readonly checkOutput: boolean;
  readonly embeddings: 'enforce' | 'flag';
  readonly embeddingTokens: 'flag' | 'block';
}
