// Harm detector: lexicon patterns (en/de/fr/es/zh/ja) give hazard and severity; the classifier catches what they miss.
import type { Scores } from '../classifier/model.js';
import { conceptPairHazards } from '../classifier/request-concepts.js';
import { de } from '../lexicon/de.js';
import { en } from '../lexicon/en.js';
import { leadUnits, mayStart, wideUnits } from '../lexicon/cue-regex.js';
import { es } from '../lexicon/es.js';
import { fr } from '../lexicon/fr.js';
import { ja } from '../lexicon/ja.js';
import { leftmostNearNeedles, MAX_SPOTS, RunCache, type Found } from '../lexicon/near-needles.js';
import { NeedleGate, PROMPT_NEEDLES } from '../lexicon/needles.js';
import type { LexPattern, Lexicon } from '../lexicon/types.js';
import { zh } from '../lexicon/zh.js';
import { hazardCategory, SEVERITY_RANK, type DetectorResult, type Finding, type Hazard, type Severity } from '../types.js';

/** Han or kana: the Chinese and Japanese lexicons are tried only where there is one. */
const CJK_TEXT = /[\p{Script=Han}\u3040-\u30ff]/u;

/**
 * Classifier probability bands: a confident score stands on its own; a middling one needs a hazard cue. Screened on
 * out-of-fold scores (bench/safety/threshold-sweep.ts) with every written family trained: lower bands (alone 0.83,
 * cue 0.45, jailbreak 0.8, injection 0.82) gave harmful recall +0.014 and jailbreak +0.010 for benign false
 * positives +0.008 (0.059 against 0.051); these keep the false positives nearer their goal.
 */
export const HARM_THRESHOLDS = { alone: 0.85, withCue: 0.5, high: 0.97, withShape: 0.3 } as const;

/** Whether harmful concept pairs (classifier/request-concepts.ts) label a middling score like cue words (benchmarks toggle it). */
export const CONCEPT_CUES = { on: true };

/**
 * Cue words only label a middling classifier score; in one of their everyday senses (killing a process or time,
 * shooting a photo, a heart attack, attacking a castled king, hacking a prototype together, 秒杀 / 杀毒) they do not
 * count. Mutable only for the benchmarks that compare settings. (Muting cue words wherever the text also names
 * prevention, history or a novel was screened out of fold too: benign -0.001, harmful recall -0.004; left out.)
 */
export const HARM_CONTEXT = { homonyms: true };

const HOMONYMS = new RegExp(
  [
    String.raw`\bkill(?:s|ed|ing)? (?:-?\d+ )?(?:(?:the|a|an|this|that|my|all|every|any|its|stuck|hung|hanging|running|zombie|old|child|parent|background|orphaned|idle) )*`,
    String.raw`(?:process(?:es)?|pids?|jobs?|tasks?|sessions?|containers?|pods?|threads?|quer(?:y|ies)|servers?|instances?|apps?|programs?|time|switch|signals?|commands?|workers?|daemons?|services?)\b`,
    String.raw`|\bkill -?\d+\b|\bkill(?:ed|ing)? it\b|\bkiller (?:apps?|features?|slogans?|deals?|ideas?|lines?|looks?|workouts?|recipes?|opening)\b`,
    String.raw`|\bshoot(?:s|ing)? (?:(?:a|an|the|some|my|our|your|their|great|good|sharp|better|nice|outdoor|indoor|night|family) )*`,
    String.raw`(?:photos?|pictures?|portraits?|videos?|films?|footage|scenes?|weddings?|sunsets?|landscapes?|hoops|stars|milky way|night sky|fireworks|concerts?)\b`,
    String.raw`|\bphoto ?shoots?\b|\b(?:heart|panic|asthma|anxiety|shark) attacks?\b|\bcounter-?attacks?\b|\battack surfaces?\b`,
    String.raw`|\battack(?:s|ing)? (?:(?:a|an|the|his|her|their|my|your|castled|weak|enemy|opponent's) )*(?:king|queen|flank|wing|position|opening|problem|question|net|ball|basket|goal)\b`,
    String.raw`|\bhack(?:ed|ing)? (?:together|up)\b|\blife ?hacks?\b|\bhackathons?\b|秒杀|杀毒|杀虫|杀菌|杀疯|杀价|抹杀`,
  ].join(''),
  'g',
);

export interface HarmData {
  readonly patterns: readonly string[];
  readonly cues: readonly Hazard[];
  readonly classifier: number;
}

/** Latin-script lexicons first, then the CJK ones (LATIN_LEXICONS of them are tried on every text). */
const LEXICONS: readonly Lexicon[] = [en, de, fr, es, zh, ja];
const LATIN_LEXICONS = 4;
/** Offset of each lexicon's first pattern in the gate. */
const OFFSET = LEXICONS.map((_, i) => LEXICONS.slice(0, i).reduce((n, l) => n + l.patterns.length, 0));
const GATE = new NeedleGate(
  LEXICONS.flatMap((l) => l.patterns.map((p) => p.need)),
  PROMPT_NEEDLES,
);
const GATE_SIZE = LEXICONS.reduce((n, l) => n + l.patterns.length, 0);

/**
 * Patterns whose needles are not ASCII (Chinese) are not gated by the automaton; a literal alternation of their
 * needles is tested first, so a pattern like "optional how-to, then up to ten characters, then a verb" is not tried
 * at every position of a long text that cannot contain its drug or weapon word.
 */
const WIDE_NEED = LEXICONS.flatMap((l) => l.patterns.map((p) => (p.need?.some((w) => /[^\x00-\x7f]/.test(w)) ? new RegExp(p.need.map(escapeRegex).join('|')) : undefined)));

/**
 * Per pattern, the code units a match can start with, where the source says (Chinese needles, ungated Chinese
 * patterns): a text holding none of them is not searched (lexicon/cue-regex.ts).
 */
const LEADS = LEXICONS.flatMap((l, li) =>
  l.patterns.map((p, pi) => {
    const wide = WIDE_NEED[OFFSET[li]! + pi];
    return wide ? leadUnits(wide) : p.need === undefined ? leadUnits(p.re) : undefined;
  }),
);

function escapeRegex(w: string): string {
  return w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const GLOBAL = new WeakMap<LexPattern, RegExp>();

/** The first match that is not one of the pattern's benign senses ("bath bomb … and a pipe bomb" still matches). */
function firstMatch(p: LexPattern, text: string, near?: { runs: RunCache; ends: readonly number[] }): Found | undefined {
  // A long text: the pattern runs on windows around its needles instead of over the whole text (same leftmost match).
  const unless = p.unless;
  const w = near && near.ends !== TOO_MANY ? leftmostNearNeedles(p.re, near.runs, near.ends, unless && ((s) => !unless.test(s))) : null;
  if (w !== null) return w;
  const m = p.re.exec(text);
  if (!m || !p.unless?.test(m[0])) return m ? { index: m.index, match: m[0] } : undefined;
  let g = GLOBAL.get(p);
  if (!g) GLOBAL.set(p, (g = new RegExp(p.re.source, `${p.re.flags.replace('g', '')}g`)));
  g.lastIndex = m.index + 1;
  for (let n = g.exec(text); n; n = g.exec(text)) {
    if (!p.unless.test(n[0])) return { index: n.index, match: n[0] };
    g.lastIndex = n.index + 1;
  }
  return undefined;
}

const TOO_MANY: readonly number[] = [];
/**
 * Below this length a text is scanned whole by every pattern its needles let through; from here on, on windows around
 * its needles (4x faster at 4 KB). Sound because every match of every gated pattern holds one of its needles
 * (lexicon/gate-soundness.test.ts, over every language, the patterns' own alternatives and the shared data).
 */
const WINDOWED_FROM = 1024;

/** End offsets of each gated pattern's needles (TOO_MANY past MAX_SPOTS), and which patterns may match at all. */
function needleEnds(text: string): { may: Uint8Array; ends: (readonly number[] | undefined)[] } {
  const may = new Uint8Array(GATE_SIZE);
  for (let i = 0; i < GATE_SIZE; i++) if (GATE.always(i)) may[i] = 1;
  const ends: (number[] | undefined)[] = new Array(GATE_SIZE);
  GATE.each(text, (i, end) => {
    may[i] = 1;
    const a = ends[i];
    if (a === TOO_MANY) return;
    if (!a) ends[i] = [end];
    else if (a.length >= MAX_SPOTS) ends[i] = TOO_MANY as number[];
    else if (a[a.length - 1] !== end) a.push(end);
  });
  return { may, ends };
}

/** Below this p(unsafe) the classifier is confident the text is benign. */
export const CONFIDENT_BENIGN = 0.1;

function downgrade(s: Severity): Severity {
  return s === 'high' ? 'medium' : s === 'medium' ? 'low' : s;
}

export function detectHarm(text: string, scores: Scores | undefined): DetectorResult<HarmData> {
  const findings: Finding[] = [];
  const patterns: string[] = [];
  const cues: Hazard[] = [];
  const p = scores?.harmful ?? 0;
  // Cue words only label a classifier hit, so they are looked for only when there is one.
  const wantCues = scores !== undefined && p >= HARM_THRESHOLDS.withCue;
  const long = text.length >= WINDOWED_FROM;
  const { may, ends } = long ? needleEnds(text) : { may: GATE.scan(text), ends: [] };
  const runs = long ? RunCache.of(text) : undefined;
  const confidentBenign = scores !== undefined && 1 - scores.benign < CONFIDENT_BENIGN;
  // Chinese and Japanese patterns only where there are Han or kana characters.
  const nLex = CJK_TEXT.test(text) ? LEXICONS.length : LATIN_LEXICONS;
  let wide: ReadonlySet<number> | null | undefined;
  let cueText: string | undefined;
  for (let li = 0; li < nLex; li++) {
    const lex = LEXICONS[li]!;
    const base = OFFSET[li]!;
    for (let pi = 0; pi < lex.patterns.length; pi++) {
      const p = lex.patterns[pi]!;
      if (may[base + pi] === 0) continue;
      if (LEADS[base + pi] && !mayStart(LEADS[base + pi], (wide ??= wideUnits(text)))) continue;
      if (WIDE_NEED[base + pi]?.test(text) === false) continue;
      const at = ends[base + pi];
      const m = firstMatch(p, text, runs && at && !GATE.always(base + pi) ? { runs, ends: at } : undefined);
      if (!m) continue;
      patterns.push(p.id);
      // English patterns have the classifier as a second opinion: when it is sure the text is benign, one step down.
      const severity = lex.lang === 'en' && confidentBenign ? downgrade(p.severity) : p.severity;
      findings.push({ category: hazardCategory(p.hazard), severity, hazard: p.hazard, source: `lexicon:${lex.lang}`, reason: p.id, span: [m.index, m.index + m.match.length] });
    }
    if (wantCues) for (const c of lex.cues) if (!cues.includes(c.hazard) && c.re.test((cueText ??= HARM_CONTEXT.homonyms ? text.replace(HOMONYMS, ' ') : text))) cues.push(c.hazard);
  }
  // No cue word in any language: an ask with a harmful object or a target (any language) labels the score instead.
  if (wantCues && cues.length === 0 && CONCEPT_CUES.on) cues.push(...conceptPairHazards(text));
  if (wantCues) {
    // The hazard is the strongest lexicon hit, else the first cue, else "non-violent crimes" (the commonest).
    const strongest = findings.reduce<Finding | undefined>((a, f) => (!a || SEVERITY_RANK[f.severity] > SEVERITY_RANK[a.severity] ? f : a), undefined);
    const hazard: Hazard = (strongest && strongest.severity !== 'low' ? strongest.hazard : undefined) ?? cues[0] ?? strongest?.hazard ?? 'S2';
    let severity: Severity = 'low';
    if (p >= HARM_THRESHOLDS.alone || cues.length > 0) severity = 'medium';
    if (p >= HARM_THRESHOLDS.high && cues.length > 0) severity = 'high';
    findings.push({ category: hazardCategory(hazard), severity, hazard, source: 'classifier', reason: `p(harmful)=${p.toFixed(2)}` });
  }
  // A low score with a harmful concept shape (an ask with its object, harm with a cover-up, in any language): the
  // classifier leans benign on a wording it has not seen, the shape says what is asked (round 7 of eval/safety-dev).
  if (!wantCues && CONCEPT_CUES.on && scores !== undefined && p >= HARM_THRESHOLDS.withShape) {
    const shaped = conceptPairHazards(text);
    if (shaped.length > 0) {
      cues.push(...shaped);
      findings.push({ category: hazardCategory(shaped[0]!), severity: 'medium', hazard: shaped[0]!, source: 'classifier', reason: `p(harmful)=${p.toFixed(2)} with a request shape` });
    }
  }
  if (findings.length === 0) return { verdict: 'pass', reason: 'no harm found', data: { patterns, cues, classifier: p }, findings };
  const top = findings.reduce((a, f) => (SEVERITY_RANK[f.severity] > SEVERITY_RANK[a.severity] ? f : a));
  return { verdict: 'hit', reason: `${top.category}/${top.severity} by ${top.reason}`, data: { patterns, cues, classifier: p }, findings };
}
