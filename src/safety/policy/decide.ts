// The policy decision: findings + policy → what to do with the request, per category.
import { HARM_CATEGORIES, SEVERITY_RANK, type Category, type Finding, type Severity } from '../types.js';
import type { PolicyAction, SafetyPolicy } from './types.js';

export interface CategoryOutcome {
  readonly severity: Severity;
  readonly triggered: boolean;
  readonly action: PolicyAction;
}

export interface Decision {
  /** The strongest action triggered: block > strip > flag > allow. */
  readonly action: PolicyAction;
  readonly reason: string;
  readonly categories: Readonly<Partial<Record<Category, CategoryOutcome>>>;
  readonly triggered: readonly Finding[];
}

const ACTION_RANK: Record<PolicyAction, number> = { allow: 0, flag: 1, strip: 2, block: 3 };

export function decide(findings: readonly Finding[], policy: SafetyPolicy): Decision {
  const categories: Partial<Record<Category, CategoryOutcome>> = {};
  const triggered: Finding[] = [];
  let action: PolicyAction = 'allow';
  for (const f of findings) {
    const rule = policy.categories[f.category];
    const hits = rule.action !== 'allow' && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[rule.threshold];
    // Only rewrite-suppression text can be stripped; for other categories "strip" means flag.
    const act: PolicyAction = hits ? (rule.action === 'strip' && f.category !== 'prompt_rewrite_suppression' ? 'flag' : rule.action) : 'allow';
    const prev = categories[f.category];
    const severity = prev && SEVERITY_RANK[prev.severity] >= SEVERITY_RANK[f.severity] ? prev.severity : f.severity;
    categories[f.category] = { severity, triggered: (prev?.triggered ?? false) || hits, action: ACTION_RANK[act] > ACTION_RANK[prev?.action ?? 'allow'] ? act : (prev?.action ?? 'allow') };
    if (hits) {
      triggered.push(f);
      if (ACTION_RANK[act] > ACTION_RANK[action]) action = act;
    }
  }
  const top = triggered.find((f) => policy.categories[f.category].action === action) ?? triggered[0];
  const reason = top ? `${top.category}${HARM_CATEGORIES.includes(top.category as never) ? `/${top.severity}` : ''} (${top.source}: ${top.reason})` : 'no category over its threshold';
  return { action, reason, categories, triggered };
}
