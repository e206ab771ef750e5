// Detects instructions that stop the image service from revising the prompt, by composition, in ten languages:
// a prohibition of rewriting or changing, a verbatim demand, a skipped revision step, or revised_prompt required
// to equal the prompt — aimed at the prompt or the text given. Strips those sentences so revision still happens.
import { alt, folded, type Script } from '../lexicon/cue-regex.js';
import { normalise } from '../normalise/normalise.js';
import { NeedleIndex } from '../lexicon/needles.js';
import { REWRITE_CUES, type RewriteCues } from '../lexicon/rewrite-cues.js';
import type { DetectorResult, Finding } from '../types.js';

export type RewriteTarget = 'image_prompt' | 'prompt';

/** Up to three words (spaced, commas allowed: "verzichte darauf, meinen Prompt zu erweitern") or eight characters (CJK). */
const GAP_W = "(?:[\\s'’,]+[^\\s.!?;:,'’\"“”()]+){0,3}?[\\s'’,]*";
const GAP_C = '[^。！？；：\\n.!?;:]{0,8}?';
const REVISED = 'revised[ _-]?prompt';
const REVISED_RE = new RegExp(REVISED);
const QUOTED = /["“”«»「」『』]|'[^'\s][^']{0,40}'/;

interface Compiled {
  readonly lang: string;
  readonly script: Script;
  readonly rewrite: RegExp;
  readonly modify: RegExp;
  readonly nominal: RegExp;
  readonly object: RegExp;
  readonly target: RegExp;
  readonly exact: RegExp;
  readonly use: RegExp;
  readonly equal: RegExp;
  readonly image: RegExp;
  readonly lettering: RegExp;
}

function compile(t: RewriteCues): Compiled {
  const script: Script = t.cjk === true ? 'cjk' : t.lang === 'ru' ? 'cyrillic' : 'latin';
  const gap = script === 'cjk' ? GAP_C : GAP_W;
  const a = (l: readonly string[]): string => alt(l, script);
  const neg = a(t.neg);
  const after = a(t.negAfter);
  const prohibit = (verbs: string): string => `${neg}${gap}${verbs}|${verbs}${gap}${after}`;
  const rewrite = prohibit(a(t.rewrite));
  const modify = prohibit(a(t.modify));
  const nominal = `${a(t.without)}${gap}${a(t.revision)}|${a(t.revision)}${gap}${after}`;
  const exact = a(t.exact);
  const re = (s: string): RegExp => new RegExp(s);
  return {
    lang: t.lang,
    script,
    rewrite: re(rewrite),
    modify: re(modify),
    nominal: re(nominal),
    object: re(a(t.object)),
    target: re(`${a(t.target)}|${REVISED}`),
    exact: re(exact),
    use: re(a(t.use)),
    equal: re(a(t.equal)),
    image: re(a(t.image)),
    lettering: re(a(t.lettering)),
  };
}

const TABLES = REWRITE_CUES.map(compile);
/**
 * A setting that switches revision off, in any language's key: `"rewrite": false`, `prompt_rewrite=false`,
 * `enhance=off`, `"改写": false`. Keys and values are the parts; quotes and spacing vary.
 */
const FLAG_KEY = String.raw`(?:prompt[_ -]?)?(?:rewrit\w*|revis\w*|enhanc\w*|expan[ds]\w*|optimi[sz]\w*|rephras\w*|umschreib\w*|umformulier\w*|uberarbeit\w*|optimier\w*|reecri\w*|reformul\w*|reescrib\w*|reescritura|reformular|改写|改寫|优化|優化|扩写|擴寫|書き換え|最適化|リライト)`;
/** The value half of FLAG, tried first: a scan for ':' or '=' is cheap, the key alternation is not. */
const FLAG_VALUE = /[:=]\s*["'“]?(?:false|off|no|none|0|disabled?|nein|aus|non|desactive|desactivado|关|關|关闭|關閉|オフ|無効)(?![a-z])/;
const FLAG = new RegExp(String.raw`${FLAG_KEY}["'”]?\s*[:=]\s*["'“]?(?:false|off|no|none|0|disabled?|nein|aus|non|desactive|desactivado|关|關|关闭|關閉|オフ|無効)(?![a-z])`);
const PUBLISHED =
  /i need to test how the tool works with (?:extremely |very |really )?simple prompts|ich muss testen,? wie das (?:tool|werkzeug) mit (?:extrem |sehr )?einfachen prompts funktioniert|我需要测试(?:这个|該|该)?工具(?:在|对|對)?极其简单的提示/;

/** What a cue found in the text asks for: a prohibition near it, or a look at its clause straight away. */
const enum Role {
  Prohibited,
  Nominal,
  Clause,
}

interface Anchor {
  readonly table: number;
  readonly role: Role;
  readonly stem: boolean;
  readonly len: number;
}

/**
 * Anchors: the verbs, revision nouns and exactness markers every rule needs. One pass over the text finds them
 * (an Aho-Corasick automaton for the ASCII ones, a first-character index for CJK and Cyrillic), so the big
 * per-language patterns run only on the few short windows and clauses around an anchor, never on the whole text.
 */
const ASCII_ANCHORS: Anchor[][] = [];
const WIDE_ANCHORS = new Map<string, { word: string; anchors: Anchor[] }[]>();
const asciiWords: string[] = [];
function addAnchor(word: string, a: Anchor): void {
  if (word.length === 0) return;
  if (/^[\x00-\x7f]+$/.test(word)) {
    let i = asciiWords.indexOf(word);
    if (i < 0) {
      i = asciiWords.push(word) - 1;
      ASCII_ANCHORS.push([]);
    }
    ASCII_ANCHORS[i]!.push(a);
    return;
  }
  const list = WIDE_ANCHORS.get(word[0]!) ?? [];
  const e = list.find((x) => x.word === word) ?? (list.push({ word, anchors: [] }), list.at(-1)!);
  e.anchors.push(a);
  WIDE_ANCHORS.set(word[0]!, list);
}
REWRITE_CUES.forEach((t, table) => {
  const add = (list: readonly string[], role: Role): void => {
    for (const raw of list) {
      const word = folded(raw);
      addAnchor(word, { table, role, stem: raw.endsWith('*'), len: word.length });
    }
  };
  add(t.rewrite, Role.Prohibited);
  add(t.modify, Role.Prohibited);
  add(t.revision, Role.Nominal);
  add(t.exact, Role.Clause);
});
for (const w of ['revised prompt', 'revised_prompt', 'revised-prompt', 'simple prompts', 'einfachen prompts']) addAnchor(w, { table: -1, role: Role.Clause, stem: false, len: w.length });
addAnchor('极其简单的提示', { table: -1, role: Role.Clause, stem: false, len: 7 });
const INDEX = new NeedleIndex(asciiWords);
const INDEX_ANCHORS = INDEX.words.map((w) => ASCII_ANCHORS[asciiWords.indexOf(w)]!);

const BOUNDARY = /[.!?;:\n。！？；：]/;
const CLAUSE_MAX = 240;
/** Room either side of an anchor in which its prohibition must stand ("do not let the model rewrite"). */
const NEAR = 48;
/** Anchors looked at per text: bounds the work on a long text full of "change" and "exactly". */
const MAX_ANCHORS = 2000;
/** The character at i is in [a-z0-9\u0400-\u04ff] (a word goes on), read as a code without a one-character string. */
function letterAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0x400 && c <= 0x4ff);
}
const NON_ASCII = /[^\x00-\x7f]/g;

/** Every anchor in the text with its start offset, in text order, at most MAX_ANCHORS. */
function anchors(text: string): { at: number; a: Anchor }[] {
  const out: { at: number; a: Anchor }[] = [];
  INDEX.each(text, (w, end) => {
    if (out.length >= MAX_ANCHORS) return;
    for (const a of INDEX_ANCHORS[w]!) {
      const at = end - a.len;
      // Latin and Cyrillic cues start a word, and whole-word cues end one ("add" is not in "address").
      if (a.table >= 0 && REWRITE_CUES[a.table]!.cjk !== true) {
        if (at > 0 && letterAt(text, at - 1)) continue;
        if (!a.stem && end < text.length && letterAt(text, end)) continue;
      }
      out.push({ at, a });
    }
  });
  if (WIDE_ANCHORS.size > 0 && /[^\x00-\x7f]/.test(text)) {
    // Wide anchors start with a non-ASCII character: only those positions are visited.
    NON_ASCII.lastIndex = 0;
    for (let m = NON_ASCII.exec(text); m && out.length < MAX_ANCHORS; m = NON_ASCII.exec(text)) {
      const i = m.index;
      const list = WIDE_ANCHORS.get(text[i]!);
      if (!list) continue;
      for (const e of list) {
        if (!text.startsWith(e.word, i)) continue;
        for (const a of e.anchors) {
          if (REWRITE_CUES[a.table]?.cjk !== true && i > 0 && letterAt(text, i - 1)) continue;
          out.push({ at: i, a });
        }
      }
    }
    out.sort((x, y) => x.at - y.at);
  }
  return out;
}

/** The clause (sentence part between . ! ? ; : or a line break) around [s, e), at most CLAUSE_MAX either side. */
function clauseAt(text: string, s: number, e: number): [number, number] {
  let a = s;
  while (a > 0 && s - a < CLAUSE_MAX && !BOUNDARY.test(text[a - 1]!)) a--;
  let b = e;
  while (b < text.length && b - e < CLAUSE_MAX && !BOUNDARY.test(text[b]!)) b++;
  return [a, b];
}

/** Which rule a clause breaks, judged with one language's cues; undefined when none. */
function judge(c: Compiled, clause: string, target: RewriteTarget, imageContext: () => boolean, revised: boolean): string | undefined {
  if (revised && c.equal.test(clause)) return 'revised-prompt-must-equal';
  const aimed = c.target.test(clause);
  // In a chat request the same words are ordinary editing instructions unless the text is about image generation
  // and names the prompt ("don't change the variable names" is not rewrite suppression).
  if (target === 'prompt' && !(aimed && imageContext())) return undefined;
  if (c.rewrite.test(clause)) return 'prohibits-rewriting';
  if (c.modify.test(clause) && (aimed || c.object.test(clause))) return 'prohibits-changes';
  if (c.nominal.test(clause)) return 'skips-revision';
  // "Render the word SALE exactly as written" asks for exact lettering in the picture, not for an unrevised prompt.
  if (c.exact.test(clause) && (aimed || (c.use.test(clause) && !c.lettering.test(clause) && !QUOTED.test(clause)))) return 'demands-verbatim';
  return undefined;
}

export interface RewriteData {
  /** `lang:rule` per finding, e.g. `de:prohibits-rewriting`. */
  readonly rules: string[];
}

export function detectRewriteSuppression(text: string, target: RewriteTarget = 'image_prompt'): DetectorResult<RewriteData> {
  const findings: Finding[] = [];
  let imageContext: boolean | undefined;
  // Whether a chat text is about image generation: ten patterns over the whole text, so asked only when needed.
  const isImage = (): boolean => (imageContext ??= TABLES.some((c) => c.image.test(text)));
  const judged = new Set<number>();
  for (const { at, a } of anchors(text)) {
    const table = a.table >= 0 ? TABLES[a.table]! : undefined;
    if (table && a.role !== Role.Clause) {
      // A verb or revision noun counts only with a prohibition next to it; that is checked on a short window.
      const w = text.slice(Math.max(0, at - NEAR), Math.min(text.length, at + a.len + NEAR));
      if (!(a.role === Role.Prohibited ? table.rewrite.test(w) || table.modify.test(w) : table.nominal.test(w))) continue;
    }
    const [s, e] = clauseAt(text, at, at + a.len);
    // A clause is judged once per language table, however many anchors it holds (a Chinese and a Japanese cue can
    // share their first characters: 原文 and 原文のまま).
    const key = s * 64 + a.table + 1;
    if (judged.has(key)) continue;
    judged.add(key);
    const clause = text.slice(s, e);
    let rule: string | undefined;
    if (PUBLISHED.test(clause)) rule = 'en:published-prefix';
    else {
      const revised = REVISED_RE.test(clause);
      // revised_prompt is spelled in Latin letters in every language: its clause is judged by every table.
      for (const c of revised || !table ? TABLES : [table]) {
        const r = judge(c, clause, target, isImage, revised);
        if (r) {
          rule = `${c.lang}:${r}`;
          break;
        }
      }
    }
    if (rule) findings.push({ category: 'prompt_rewrite_suppression', severity: rule.endsWith('published-prefix') ? 'high' : 'medium', source: 'rules', reason: rule, span: [s, e] });
  }
  if (findings.length === 0) {
    const m = FLAG_VALUE.test(text) ? FLAG.exec(text) : null;
    if (m && (target === 'image_prompt' || isImage() || /\bprompt\b/.test(text))) {
      findings.push({ category: 'prompt_rewrite_suppression', severity: 'medium', source: 'rules', reason: 'any:revision-switched-off', span: [m.index, m.index + m[0].length] });
    }
  }
  const rules = findings.map((f) => f.reason);
  const hit = findings.length > 0;
  return { verdict: hit ? 'hit' : 'pass', reason: hit ? `rewrite suppression: ${rules.join(',')}` : 'none', data: { rules }, findings };
}

const SENTENCE = /[^.!?:;\n。！？：；]+[.!?:;\n。！？：；]*/gu;

/** Removes every sentence of the raw prompt that, once normalised, carries a rewrite-suppression instruction. */
export function stripRewriteSuppression(raw: string): { text: string; removed: number } {
  let removed = 0;
  const kept = (raw.match(SENTENCE) ?? [raw]).filter((s) => {
    const hit = detectRewriteSuppression(normalise(s).all).verdict === 'hit';
    if (hit) removed++;
    return !hit;
  });
  return { text: removed === 0 ? raw : kept.join('').trim(), removed };
}
