// The safety taxonomy: MLCommons hazards inside, Azure harm categories and severities on the wire.

/** MLCommons AILuminate / Llama Guard 3 hazard codes. */
export type Hazard = 'S1' | 'S2' | 'S3' | 'S4' | 'S5' | 'S6' | 'S7' | 'S8' | 'S9' | 'S10' | 'S11' | 'S12' | 'S13' | 'S14';

/** Azure's four harm categories, plus `illicit` (OpenAI moderation's name) for the hazards Azure has no name for. */
export type HarmCategory = 'hate' | 'sexual' | 'violence' | 'self_harm' | 'illicit';
export const HARM_CATEGORIES: readonly HarmCategory[] = ['hate', 'sexual', 'violence', 'self_harm', 'illicit'];

/** Detected-or-not categories (Azure's jailbreak / indirect_attack shape `{filtered, detected}`). */
export type SignalCategory = 'jailbreak' | 'indirect_attack' | 'prompt_rewrite_suppression' | 'obfuscation' | 'custom_blocklists';
export const SIGNAL_CATEGORIES: readonly SignalCategory[] = ['jailbreak', 'indirect_attack', 'prompt_rewrite_suppression', 'obfuscation', 'custom_blocklists'];

export type Category = HarmCategory | SignalCategory;

export type Severity = 'safe' | 'low' | 'medium' | 'high';
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { safe: 0, low: 1, medium: 2, high: 3 };

export function hazardCategory(h: Hazard): HarmCategory {
  switch (h) {
    case 'S1':
    case 'S9':
      return 'violence';
    case 'S3':
    case 'S4':
    case 'S12':
      return 'sexual';
    case 'S10':
      return 'hate';
    case 'S11':
      return 'self_harm';
    default:
      return 'illicit';
  }
}

/** One finding of one check. Signal categories use severity 'safe' (not detected) or higher (detected). */
export interface Finding {
  readonly category: Category;
  readonly severity: Severity;
  /** Which check produced it, e.g. `lexicon:en`, `classifier`, `guard:openai`. */
  readonly source: string;
  readonly hazard?: Hazard;
  /** Short, non-sensitive reason (a pattern name, never the matched text at length). */
  readonly reason: string;
  /** Span in the checked text, when there is one (used to strip rewrite-suppression text). */
  readonly span?: readonly [number, number];
}

/** What every detector returns (STYLE: `{ verdict, reason, data }`). */
export interface DetectorResult<D = unknown> {
  readonly verdict: 'pass' | 'hit';
  readonly reason: string;
  readonly data: D;
  readonly findings: readonly Finding[];
}
