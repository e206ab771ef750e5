// Layers the policy: defaults ← config default ← tenant ← key. Later layers override field by field.
import type { Category } from '../types.js';
import { DEFAULT_POLICY } from './defaults.js';
import type { CategoryRule, PolicyPatch, SafetyPolicy } from './types.js';

export function applyPatch(base: SafetyPolicy, patch: PolicyPatch | undefined): SafetyPolicy {
  if (!patch) return base;
  const categories = { ...base.categories } as Record<Category, CategoryRule>;
  for (const [cat, rule] of Object.entries(patch.categories ?? {}) as [Category, Partial<CategoryRule> | undefined][]) {
    if (rule) categories[cat] = { ...categories[cat], ...definedOnly(rule) };
  }
  return {
    categories,
    guards: patch.guards ?? base.guards,
    failMode: patch.failMode ?? base.failMode,
    blocklists: patch.blocklists ?? base.blocklists,
    streamWindowChars: patch.streamWindowChars ?? base.streamWindowChars,
    streamMaxHoldMs: patch.streamMaxHoldMs ?? base.streamMaxHoldMs,
    maxCheckedChars: patch.maxCheckedChars ?? base.maxCheckedChars,
    annotate: patch.annotate ?? base.annotate,
    checkOutput: patch.checkOutput ?? base.checkOutput,
    embeddings: patch.embeddings ?? base.embeddings,
    embeddingTokens: patch.embeddingTokens ?? base.embeddingTokens,
  };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function resolvePolicy(...layers: (PolicyPatch | undefined)[]): SafetyPolicy {
  return layers.reduce<SafetyPolicy>((p, l) => applyPatch(p, l), DEFAULT_POLICY);
}
