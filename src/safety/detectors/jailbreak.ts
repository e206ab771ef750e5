// Jailbreak detector: instruction-override, persona and "no rules", developer mode, refusal suppression and dual-answer
// framings (English here, nine more languages in lexicon/jailbreak-cues.ts), plus the classifier's jailbreak class.
import type { Scores } from '../classifier/model.js';
import { hasJailbreakShape } from '../classifier/request-concepts.js';
import { leadUnits, mayStart, wideUnits } from '../lexicon/cue-regex.js';
import { DEVICE, MULTILINGUAL_FRAMINGS, type Framing } from '../lexicon/jailbreak-cues.js';
import { leftmostNearNeedles, MAX_SPOTS as MAX_ENDS, RunCache } from '../lexicon/near-needles.js';
import { NeedleGate, PROMPT_NEEDLES } from '../lexicon/needles.js';
import type { DetectorResult, Finding } from '../types.js';
import { quotedExample } from './injection-discussion.js';

const W = {
  ignore: 'asks to ignore or forget prior instructions or rules',
  newRules: 'announces new instructions',
  dan: 'invokes a DAN-style persona',
  mode: 'declares a developer/god/unrestricted mode',
  persona: 'asks for a persona or answers without rules or restrictions',
  refusal: 'forbids refusing or saying it cannot',
  character: 'asks to stay in a character that replaces the assistant',
  amoral: 'asks for an amoral or unfiltered persona',
  extraction: 'asks for the system prompt or hidden instructions',
  fiction: 'wraps the request in fiction or a hypothetical',
} as const;

const ENGLISH: readonly Framing[] = [
  {
    id: 'ignore-instructions',
    why: W.ignore,
    need: ['ignore', 'disregard', 'forget', 'override', 'bypass', 'skip'],
    severity: 'medium',
    re: /\b(?:ignore|disregard|forget|override|bypass|skip)\b(?! my\b).{0,20}?\b(?:all |any |the |your )?(?:previous|prior|above|earlier|preceding|original|initial|system|following)\b.{0,15}?\b(?:instructions?|rules|prompts?|directions|guidelines|programming|context|messages?)\b/,
  },
  {
    id: 'new-instructions',
    why: W.newRules,
    need: ['new instructions', 'new rules', 'new system prompt', 'updated instructions', 'updated rules', 'updated system prompt'],
    severity: 'low',
    re: /\b(?:new|updated) (?:instructions|rules|system prompt)\s*:/,
  },
  {
    id: 'dan',
    why: W.dan,
    need: ['anything now', 'dan ', 'as dan', 'jailbr', 'stan mode', 'dude mode', 'aim mode', 'antidan', 'anti-dan'],
    severity: 'medium',
    re: /\b(?:do anything now|dan mode|dan \d|jailbr(?:oken|eak(?:ed)?) (?:mode|version|ai|chatgpt)|as dan\b|stan mode|dude mode|aim mode|anti-?dan)\b/,
  },
  {
    id: 'developer-mode',
    why: W.mode,
    need: ['mode'],
    unless: DEVICE,
    severity: 'medium',
    re: /\b(?:developer|dev|god|debug|sudo|admin|unrestricted|unfiltered|evil|opposite|chaos) mode\b.{0,60}?\b(?:enabled|activated|on|output|respon\w+|policies|policy)\b|\benable (?:developer|dev|god) mode\b/,
  },
  {
    id: 'no-restrictions',
    why: W.persona,
    need: ['restriction', 'limitation', 'filter', 'censorship', 'guideline', 'polic', 'rules', 'boundaries', 'constraint', 'safeguard'],
    severity: 'medium',
    re: /\b(?:without|free (?:of|from)|no|not bound by|ignore|break|broken free of) (?:any )?(?:the )?(?:ethical|moral|content|safety|openai'?s?)?\s?(?:restrictions|limitations|filters?|censorship|guidelines|policies|rules|boundaries|constraints|safeguards)\b.{0,60}?\b(?:ai|you|chatgpt|answer|respond|model|assistant|character|persona)\b/,
  },
  {
    id: 'never-refuse',
    why: W.refusal,
    need: ['refuse', 'decline', 'reject', 'say no', 'say you can', 'say that you can', 'say im sorry', "say i'm sorry"],
    severity: 'medium',
    re: /\b(?:never|don'?t|do not|must not|will not|won'?t|cannot|can'?t) (?:ever )?(?:refuse|decline|reject|say (?:no|you can'?t|that you can'?t|i'?m sorry))\b/,
  },
  {
    id: 'stay-in-character',
    why: W.character,
    need: ['character', 'stay as', 'no longer', 'from now on', 'will now act', 'pretend'],
    severity: 'low',
    re: /\b(?:stay in character|stay as|remain in character|break character|you are no longer (?:chatgpt|an ai|bound)|from now on,? you (?:are|will be|will act)|you will now act as|pretend (?:you are|to be) an? (?:ai|chatbot|model|assistant) (?:without|with no|that has no))\b/,
  },
  {
    id: 'amoral-persona',
    why: W.amoral,
    need: ['amoral', 'unethical', 'unfiltered', 'uncensored', 'immoral', 'evil', 'machiavel'],
    severity: 'medium',
    re: /\b(?:amoral|unethical|unfiltered|uncensored|immoral|evil) (?:ai|chatbot|assistant|model|persona|character|confidant)\b|\bniccolo machiavelli\b|\balways intelligent and machiavellian\b/,
  },
  {
    id: 'prompt-extraction',
    why: W.extraction,
    need: ['prompt', 'instructions', 'supposed', 'allowed'],
    severity: 'medium',
    re: /\b(?:reveal|print|show|see|repeat|output|tell me|display|leak|spell out|give me|what (?:is|are|was|were))\b.{0,20}?\b(?:your|the) (?:system prompt|initial (?:prompt|instructions)|hidden (?:prompt|instructions)|original instructions|instructions above|secret (?:prompt|instructions)|pre-?prompt)\b|\bwhat are you not (?:supposed|allowed) to (?:tell|say)\b/,
  },
  {
    id: 'hypothetical-harm',
    why: W.fiction,
    need: ['hypothetical', 'novel', 'story', 'movie', 'screenplay', 'fictional', 'educational', 'research'],
    severity: 'low',
    re: /\b(?:hypothetical(?:ly)?|for a (?:novel|story|movie|screenplay)|in a fictional world|purely fictional|for educational purposes only|for research purposes only)\b/,
  },
];

/**
 * Framings that attack the operator's instructions or secrets (override them, ask for them, fake an end of input or a
 * note to the AI) rather than the safety rules: prompt injections, filed as indirect_attack. Ids without their
 * language prefix ("fr.ignore-instructions" → "ignore-instructions").
 */
export const INJECTION_FRAMINGS: ReadonlySet<string> = new Set([
  'ignore-instructions',
  'forget-everything',
  'instructions-revoked',
  'prompt-extraction',
  'note-to-the-ai',
  'forget-what-you-were-told',
  'orders-void',
  'original-instructions-verbatim',
  'fake-end-of-input',
  'secret-requested',
]);
/** "Ignore your instructions" (the operator's) is an injection; "ignore your guidelines" (the safety rules) a jailbreak. */
const OPERATOR_ORDERS = /instruction|directive/;
export const framingCategory = (id: string, matched = ''): 'indirect_attack' | 'jailbreak' => {
  const base = id.slice(id.lastIndexOf('.') + 1);
  return INJECTION_FRAMINGS.has(base) || (base === 'ignore-rules' && OPERATOR_ORDERS.test(matched)) ? 'indirect_attack' : 'jailbreak';
};

/** English first, then the other languages; the gate and the script test skip what cannot match. */
export const FRAMINGS: readonly Framing[] = [...ENGLISH, ...MULTILINGUAL_FRAMINGS];

const GATE = new NeedleGate(
  FRAMINGS.map((f) => f.need),
  PROMPT_NEEDLES,
);
const CYRILLIC = /[\u0400-\u04ff]/;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u1100-\u11ff]/;

/** The classifier's jailbreak probability that counts on its own, and with a framing hit (see HARM_THRESHOLDS). */
export const JAILBREAK_THRESHOLDS = { alone: 0.85, withFraming: 0.4 } as const;

const GLOBAL = new WeakMap<Framing, RegExp>();
/** Occurrences of a framing's rare part looked at for its other parts (before, near, unless) per text. */
const MAX_OCCURRENCES = 64;

/** The first occurrence of the framing's rare part that has its other parts around it and no benign sense nearby. */
export function find(f: Framing, text: string): RegExpExecArray | undefined {
  if (!f.before && !f.near && !f.unless) return f.re.exec(text) ?? undefined;
  let g = GLOBAL.get(f);
  if (!g) GLOBAL.set(f, (g = new RegExp(f.re.source, `${f.re.flags.replace('g', '')}g`)));
  g.lastIndex = 0;
  const n = f.nearChars ?? 80;
  for (let k = 0, m = g.exec(text); m && k < MAX_OCCURRENCES; k++, m = g.exec(text)) {
    if (m[0].length === 0) g.lastIndex++;
    if (f.before && !f.before.test(text.slice(Math.max(0, m.index - 48), m.index))) continue;
    if (f.near && !f.near.test(text.slice(Math.max(0, m.index - n), m.index + m[0].length + n))) continue;
    if (f.unless?.test(text.slice(Math.max(0, m.index - 80), m.index + m[0].length + 80))) continue;
    return m;
  }
  return undefined;
}

/** Needle occurrences kept per framing; past this, its pattern simply runs over the whole text. */
const MAX_SPOTS = 24;
/** Room around a needle in which the framing's whole match must lie (matches and their near-checks stay under ~200). */
const SPOT_RADIUS = 240;
const SPOT_MERGE = 40;
const TOO_MANY: readonly number[] = [];

/** Framings whose match alone decides (no before, near or unless part): exactly the leftmost match of their regex. */
const PLAIN = FRAMINGS.map((f) => !f.before && !f.near && !f.unless);

/**
 * End offsets of each gated framing's needles in the text (TOO_MANY past MAX_SPOTS), from one automaton pass; and,
 * for plain framings, every needle end (up to MAX_ENDS), for the exact windows of leftmostNearNeedles.
 */
function needleSpots(text: string): { spots: (readonly number[] | undefined)[]; ends: (readonly number[] | undefined)[] } {
  const spots: (number[] | undefined)[] = new Array(FRAMINGS.length);
  const ends: (number[] | undefined)[] = new Array(FRAMINGS.length);
  GATE.each(text, (i, end) => {
    if (PLAIN[i]) {
      const e = ends[i];
      if (!e) ends[i] = [end];
      else if (e !== TOO_MANY) {
        if (e.length >= MAX_ENDS) ends[i] = TOO_MANY as number[];
        else if (e[e.length - 1] !== end) e.push(end);
      }
    }
    const a = spots[i];
    if (a === TOO_MANY) return;
    if (!a) spots[i] = [end];
    else if (a.length >= MAX_SPOTS) spots[i] = TOO_MANY as number[];
    // A needle within SPOT_MERGE of the last kept one lies in its window with room for a whole match either side.
    else if (end - a[a.length - 1]! > SPOT_MERGE) a.push(end);
  });
  return { spots, ends };
}

/**
 * A plain framing with too many needles for findNear's windows: its leftmost match from merged windows around
 * every needle (as a whole-text exec gives it, near-needles.ts), or from the whole text when they cannot be bounded.
 */
function findPlain(f: Framing, text: string, ends: readonly number[], runs: RunCache): { index: number; length: number } | undefined {
  if (f.pre && !f.pre.test(text)) return undefined;
  const w = ends === TOO_MANY ? null : leftmostNearNeedles(f.re, runs, ends);
  if (w !== null) return w && { index: w.index, length: w.match.length };
  const r = find(f, text);
  return r ? { index: r.index, length: r[0].length } : undefined;
}

/**
 * Runs a gated framing only on windows around its needles, so a 64 KB text costs a few short scans instead of a
 * full one per framing. A framing's match contains one of its needles and is shorter than the radius.
 */
function findNear(f: Framing, text: string, at: readonly number[]): { index: number; length: number } | undefined {
  if (at === TOO_MANY || text.length <= 2 * SPOT_RADIUS) {
    if (f.pre && !f.pre.test(text)) return undefined;
    const r = find(f, text);
    return r ? { index: r.index, length: r[0].length } : undefined;
  }
  for (const end of at) {
    const from = Math.max(0, end - SPOT_RADIUS);
    const r = find(f, text.slice(from, Math.min(text.length, end + SPOT_RADIUS)));
    if (r) return { index: from + r.index, length: r[0].length };
  }
  return undefined;
}

/** Per framing, the code units a match of its `pre` test and of its pattern can start with (undefined: not known). */
const PRE_LEADS = FRAMINGS.map((f) => (f.pre ? leadUnits(f.pre) : undefined));
const RE_LEADS = FRAMINGS.map((f) => leadUnits(f.re));

/** Whether a concept shape stands in for a framing (benchmarks toggle it). */
export const CONCEPT_FRAMING = { on: true };

export function detectJailbreak(text: string, scores: Scores | undefined): DetectorResult<{ framings: string[]; classifier: number }> {
  const framings: string[] = [];
  const findings: Finding[] = [];
  const { spots, ends } = needleSpots(text);
  let wide: ReadonlySet<number> | null | undefined;
  let runs: RunCache | undefined;
  const cyrillic = CYRILLIC.test(text);
  const cjk = CJK.test(text);
  let examples = 0;
  for (let i = 0; i < FRAMINGS.length; i++) {
    const f = FRAMINGS[i]!;
    if ((f.script === 'cyrillic' && !cyrillic) || (f.script === 'cjk' && !cjk)) continue;
    let m: { index: number; length: number } | undefined;
    if (GATE.always(i)) {
      // A framing whose pre-test or pattern must start with a character the text lacks cannot match.
      if (PRE_LEADS[i] || RE_LEADS[i]) {
        wide ??= wideUnits(text);
        if (!mayStart(PRE_LEADS[i], wide) || !mayStart(RE_LEADS[i], wide)) continue;
      }
      if (f.pre && !f.pre.test(text)) continue;
      const r = find(f, text);
      if (r) m = { index: r.index, length: r[0].length };
    } else {
      const at = spots[i];
      if (!at) continue;
      m = at === TOO_MANY && PLAIN[i] ? findPlain(f, text, ends[i]!, (runs ??= RunCache.of(text))) : findNear(f, text, at);
    }
    if (!m) continue;
    framings.push(f.id);
    const category = framingCategory(f.id, text.slice(m.index, m.index + m.length));
    // An order quoted as an example in a text about prompt injection is recorded, not blocked, and counts for nothing.
    const example = quotedExample(text, m.index);
    if (example) examples++;
    const severity = example ? 'low' : f.severity;
    findings.push({ category, severity, source: 'pattern', reason: `${f.id}: ${f.why}`, span: [m.index, m.index + m.length] });
  }
  const p = scores?.jailbreak ?? 0;
  const strongFraming = findings.some((f) => f.severity !== 'low');
  const counted = framings.length - examples;
  // No framing in the lists: a persona or authority with the rules removed, in any language, stands in for one.
  const shaped = framings.length === 0 && CONCEPT_FRAMING.on && p >= JAILBREAK_THRESHOLDS.withFraming && hasJailbreakShape(text);
  if (p >= JAILBREAK_THRESHOLDS.alone || (p >= JAILBREAK_THRESHOLDS.withFraming && (counted > 0 || shaped))) {
    findings.push({ category: 'jailbreak', severity: 'medium', source: 'classifier', reason: `p(jailbreak)=${p.toFixed(2)}` });
  } else if (!strongFraming && counted >= 2) {
    // Two weak framings together (persona + "purely fictional") are a jailbreak shape.
    findings.push({ category: 'jailbreak', severity: 'medium', source: 'pattern', reason: 'combined-framings' });
  }
  const hit = findings.some((f) => f.severity !== 'low');
  return { verdict: hit ? 'hit' : 'pass', reason: hit ? `jailbreak framing: ${framings.join(',') || 'classifier'}` : 'no jailbreak framing', data: { framings, classifier: p }, findings };
}
