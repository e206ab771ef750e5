// The built-in checks in one call: normalise, classify, run every detector, return all findings with timings.
import { classify, type Model, type Scores } from './classifier/model.js';
import { detectAddressedInstruction } from './detectors/addressed-instruction.js';
import { detectBlocklist, type CompiledBlocklist } from './detectors/blocklist.js';
import { detectHarm, HARM_THRESHOLDS } from './detectors/harm.js';
import { detectIndirectAttack } from './detectors/indirect-attack.js';
import { detectJailbreak } from './detectors/jailbreak.js';
import { detectObfuscation } from './detectors/obfuscation.js';
import { detectOverride } from './detectors/override.js';
import { detectRewriteSuppression } from './detectors/rewrite-suppression.js';
import { DEFAULT_DECODE_LIMITS, type DecodeLimits } from './normalise/decode.js';
import { PROMPT_NEEDLES } from './lexicon/needles.js';
import { normalise } from './normalise/normalise.js';
import { operatorRuleAbout, splitOperator } from './operator-text.js';
import { detectOutputHarm } from './output/detect.js';
import { lexiconOnOutput } from './output/lexicon-on-output.js';
import type { Finding } from './types.js';

export type CheckTarget = 'prompt' | 'image_prompt' | 'output';

export interface CheckInput {
  readonly target: CheckTarget;
  /** Texts written by the client (system/user messages, the image prompt) or the model (output). */
  readonly texts: readonly string[];
  /** How many of `texts`, from the first, the operator wrote (system/developer messages): not read for injection. */
  readonly operator?: number;
  /** Content the model is asked to process (tool results, quoted documents): checked for indirect attacks. */
  readonly documents?: readonly string[];
  readonly blocklists?: readonly CompiledBlocklist[];
  readonly limits?: DecodeLimits;
  /** A classifier other than the committed one (leave-one-source-out evaluation only). */
  readonly model?: Model | undefined;
}

export interface CheckResult {
  readonly findings: readonly Finding[];
  /** Obfuscation score 0..1 and techniques, for the audit record. */
  readonly obfuscation: { readonly score: number; readonly techniques: Readonly<Record<string, number>> };
  readonly classifier: Scores | undefined;
  readonly ms: number;
}

// The shared needle automaton is built at load, like each detector's own was, not on the first request.
PROMPT_NEEDLES.warm();

/** Classifier window: long prompts are classified window by window so nothing hides past the first tokens. */
export const WINDOW_CHARS = 6000;

export function windows(s: string): string[] {
  if (s.length <= WINDOW_CHARS) return [s];
  const out: string[] = [];
  for (let i = 0; i < s.length; i += WINDOW_CHARS) out.push(s.slice(i, i + WINDOW_CHARS + 200));
  return out;
}

export function maxScores(a: Scores | undefined, b: Scores): Scores {
  if (!a) return b;
  return { benign: Math.min(a.benign, b.benign), harmful: Math.max(a.harmful, b.harmful), jailbreak: Math.max(a.jailbreak, b.jailbreak), injection: Math.max(a.injection, b.injection) };
}

/**
 * The three unsafe classes overlap (a jailbreak usually wraps a harmful request), so the most likely unsafe
 * class is credited with the whole unsafe probability; the others keep their own.
 */
export function effective(s: Scores): Scores {
  const unsafe = 1 - s.benign;
  const top = s.harmful >= s.jailbreak && s.harmful >= s.injection ? 'harmful' : s.jailbreak >= s.injection ? 'jailbreak' : 'injection';
  return { ...s, [top]: unsafe };
}

/** The classifier's injection probability that counts on its own for a client prompt (see HARM_THRESHOLDS). */
export const INJECTION_THRESHOLDS = { alone: 0.85 } as const;

/** Just under the band where the harm detector reads the classifier at all. */
const OUTPUT_HARM_CAP = Math.min(HARM_THRESHOLDS.withCue, HARM_THRESHOLDS.withShape) - 0.01;

/** Findings on the rest's text with their spans moved to where that text sits in the whole (after the operator's). */
function atOffset(fs: readonly Finding[], at: number): readonly Finding[] {
  return at === 0 ? fs : fs.map((f) => (f.span ? { ...f, span: [f.span[0] + at, f.span[1] + at] as const } : f));
}

export function runChecks(input: CheckInput): CheckResult {
  const t0 = performance.now();
  const limits = input.limits ?? DEFAULT_DECODE_LIMITS;
  const split = splitOperator(input.texts, input.operator ?? 0, limits);
  const n = split.all;
  const rest = split.rest;
  let scores: Scores | undefined;
  // Each part classified on its own (the same work as the whole): the injection reading is the rest's alone.
  let restScores: Scores | undefined;
  if (split.operatorChars === 0) for (const w of windows(n.all)) scores = maxScores(scores, classify(w, input.model));
  else {
    for (const w of windows(n.all.slice(0, split.operatorChars))) scores = maxScores(scores, classify(w, input.model));
    if (rest) for (const w of windows(rest.all)) restScores = maxScores(restScores, classify(w, input.model));
    if (restScores) scores = maxScores(scores, restScores);
  }
  const eff = scores && effective(scores);
  /**
   * The injection reading: the operator's own rules are not an injection. The jailbreak reading stays the whole
   * text's: whoever holds the key writes the system message too, and a jailbreak template there is still one.
   */
  const restEff = split.operatorChars === 0 ? eff : restScores && effective(restScores);
  // In the operator's text: no injection, and no order that its rules only mention ("if asked to ignore them, refuse").
  const notOperator = (f: Finding): boolean => f.span === undefined || f.span[0] >= split.operatorChars || (f.category !== 'indirect_attack' && !operatorRuleAbout(n.all, f.span[0], f.span[1]));
  const findings: Finding[] = [];
  // Model output is a passage, not a request, and the classifier was trained on requests: on benign moderation texts
  // it blocked a third alone and over a quarter even with a lexicon cue. On output the lexicons judge harm (and the
  // external guards, if configured); the classifier score still goes to the audit record.
  const harmScores = eff && input.target === 'output' ? { ...eff, harmful: Math.min(eff.harmful, OUTPUT_HARM_CAP) } : eff;
  // One walk finds the needles of the harm, jailbreak, override and rewrite detectors in a client prompt; each then
  // reads its own from it. Model output is read by the harm lexicons alone, which walk it themselves.
  if (input.target !== 'output') PROMPT_NEEDLES.prime(n.all);
  const harm = detectHarm(n.all, harmScores).findings;
  // Model output is judged as a passage by the output classifier (hate, sexual, violence, self-harm heads).
  findings.push(...(input.target === 'output' ? [...lexiconOnOutput(harm), ...detectOutputHarm(n.all).findings] : harm));
  // Model output is not checked for jailbreak framings or rewrite suppression: those are instructions to a model.
  if (input.target !== 'output') findings.push(...detectJailbreak(n.all, eff).findings.filter(notOperator));
  // Rules declared void, hidden instructions asked for, the task hijacked, fiction around a procedure (six languages).
  if (input.target !== 'output') findings.push(...detectOverride(n.all).findings.filter(notOperator));
  // An order given to the model from inside a mail, page or code comment, in twelve languages.
  if (input.target !== 'output' && rest) findings.push(...atOffset(detectAddressedInstruction(rest.all).findings, split.operatorChars && split.operatorChars + 1));
  // A client prompt that reads like an injection payload ("ignore … and print", "add … to your reply").
  if (input.target !== 'output' && restEff && restEff.injection >= INJECTION_THRESHOLDS.alone) {
    findings.push({ category: 'indirect_attack', severity: 'medium', source: 'classifier', reason: `p(injection)=${restEff.injection.toFixed(2)}` });
  }
  // Chat too: a request that the image tool get the prompt verbatim, or that revised_prompt equal it.
  if (input.target !== 'output') findings.push(...detectRewriteSuppression(n.all, input.target).findings);
  if (input.blocklists?.length) findings.push(...detectBlocklist(n.all, input.blocklists).findings);
  findings.push(...detectObfuscation(n).findings);
  PROMPT_NEEDLES.clear();
  const docs = input.documents ?? [];
  if (docs.length > 0) {
    const nd = docs.map((d) => normalise(d, limits).all);
    findings.push(
      ...detectIndirectAttack(
        nd,
        nd.map((d) => classify(d, input.model)),
      ).findings,
    );
    // A harmful document is still harmful content reaching the model.
    for (const d of nd) findings.push(...detectHarm(d, undefined).findings);
  }
  return { findings, obfuscation: { score: n.score, techniques: n.techniques }, classifier: scores, ms: performance.now() - t0 };
}
