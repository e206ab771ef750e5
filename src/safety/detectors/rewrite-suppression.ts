// Detects instructions that stop the image service from revising the prompt, by composition, in eleven languages:
// an operation (rewrite, change, enhance…) under a prohibition, a verbatim or keep demand, a skipped or switched-off
// revision step, the text declared final or void once changed, or revised_prompt required to equal the prompt —
// aimed at the prompt or the text given, within one clause. Strips those sentences so revision still happens.
import { alt, folded, type Script } from '../lexicon/cue-regex.js';
import { fold } from '../normalise/fold.js';
import { normalise } from '../normalise/normalise.js';
import { NeedleIndex, PROMPT_NEEDLES } from '../lexicon/needles.js';
import { REWRITE_CUES, TYPO_SWAPS, TYPO_WORDS, type RewriteCues } from '../lexicon/rewrite-cues.js';
import type { DetectorResult, Finding } from '../types.js';

export type RewriteTarget = 'image_prompt' | 'prompt';

/** Up to three words (spaced, commas allowed: "verzichte darauf, meinen Prompt zu erweitern") or ten characters (CJK). */
const GAP_W = "(?:[\\s'’,]+[^\\s.!?;:,'’\"“”()]+){0,3}?[\\s'’,]*";
const GAP_C = '[^。！？；：\\n.!?;:]{0,10}?';
/**
 * The wider gap of a prohibition aimed at the named prompt: up to seven words or twenty-four characters (CJK). German
 * and Japanese put the verb last, far from the negation ("Ändere an meiner Eingabe gar nichts", "darf auf keinen
 * Fall abgeändert werden"), English puts the passive there ("under no circumstances should the prompt be revised").
 */
const GAP_WIDE_W = "(?:[\\s'’,]+[^\\s.!?;:,'’\"“”()]+){0,7}?[\\s'’,]*";
const GAP_WIDE_C = '[^。！？；：\\n.!?;:]{0,24}?';
const REVISED = 'revised[ _-]?prompt';
const REVISED_RE = new RegExp(REVISED);
const QUOTED = /["“”«»「」『』]|'[^'\s][^']{0,40}'/;

interface Compiled {
  readonly lang: string;
  readonly script: Script;
  readonly rewrite: RegExp;
  /** Any negation (before or after), the cheap first test of a window around an operation. */
  readonly negAny: RegExp;
  /** Any negation or skip: the gate of every rule built on one. */
  readonly negating: RegExp;
  readonly modify: RegExp;
  /** A rewriting or changing verb with a prohibition up to seven words away: counts only with the prompt named. */
  readonly wide: RegExp;
  /** Lettering other than "the text" alone: a picture noun ("sign", "caption", "Schriftzug"). */
  readonly shown: RegExp;
  /** Lettering right before a prohibition ("a sign reading DO NOT ALTER", "Schriftzug UMSCHREIBEN VERBOTEN"). */
  readonly letteringLead: RegExp;
  readonly nominal: RegExp;
  readonly object: RegExp;
  readonly target: RegExp;
  readonly exact: RegExp;
  readonly use: RegExp;
  readonly equal: RegExp;
  readonly image: RegExp;
  readonly lettering: RegExp;
  /** A change noun negated, skipped or forbidden ("zero edits", "Änderungen verboten", "零修改"). */
  readonly changed: RegExp;
  /** The text (named, or a bare text noun) next to a finality word: "the text below is final", "提示词已定稿". */
  readonly final: RegExp;
  readonly invalid: RegExp;
  readonly changeAny: RegExp;
  /** "Only" right next to a verbatim marker: "verbatim only", "nur wörtlich", "只按原文", "原文どおりのみ". */
  readonly onlyExact: RegExp;
  /** A keeping verb next to the prompt or its wording, either order ("keep my wording", "Wortlaut behalten"). */
  readonly keep: RegExp;
  /** Exactness that is about the text by itself ("verbatim", "word for word"), not "exactly as" or "unchanged". */
  readonly strong: RegExp;
  readonly textual: RegExp;
  readonly request: RegExp;
  /** A word of the text as the object of a change ("not one word", "kein einziges Wort"). */
  readonly word: RegExp;
}

const NEVER = /(?!)/;
/** "The text" alone is as often the subject of an instruction ("the text must not be rephrased") as lettering. */
const BARE_TEXT = /^(?:(?:the|der|den|dem|le|el|il|o|de|het)\s+)?(?:text|texte|texto|testo|tekst)$/;
/** German and Dutch write nouns together ("Promptverbesserung"): their change nouns may end a compound. */
const COMPOUNDING = new Set(['de', 'nl']);

function compile(t: RewriteCues): Compiled {
  const script: Script = t.cjk === true ? 'cjk' : t.lang === 'ru' ? 'cyrillic' : 'latin';
  return compileParts(t, script, script === 'cjk' ? GAP_C : GAP_W, (l) => factored(alt(l, script)));
}

/** An alternation whose every branch starts with \b, with the \b taken out in front: one test a position, not one a branch. */
function factored(src: string): string {
  const inner = src.slice(3, -1);
  const branches = inner.split('|');
  return branches.every((b) => b.startsWith('\\b')) ? `\\b(?:${branches.map((b) => b.slice(2)).join('|')})` : src;
}

/** A cue list that may start inside a word (the tail of a compound): Latin cues without their leading \b. */
function altMid(list: readonly string[], script: Script): string {
  return alt(list, script).replace(/(^\(\?:|\|)\\b/g, '$1');
}

function compileParts(t: RewriteCues, script: Script, gap: string, a: (l: readonly string[]) => string): Compiled {
  const some = (l: readonly string[] | undefined): string | undefined => (l && l.length > 0 ? a(l) : undefined);
  const neg = a(t.neg);
  const after = a(t.negAfter);
  const prohibit = (verbs: string): string => `${neg}${gap}${verbs}|${verbs}${gap}${after}`;
  const rewrite = prohibit(a(t.rewrite));
  const modify = prohibit(a(t.modify));
  // German and Dutch put the verb last, after a relative clause or two ("an der Beschreibung, die ich dir gab, nichts").
  const wideGap = gap === GAP_C ? GAP_WIDE_C : COMPOUNDING.has(t.lang) ? GAP_WIDE_W.replace('{0,7}', '{0,10}') : GAP_WIDE_W;
  // One-character CJK verbs ("改", "加") are too common to stand that far from their negation.
  const long = (l: readonly string[]): readonly string[] => (gap === GAP_C ? l.filter((w) => w.length >= 2) : l);
  const verbs = `(?:${a(long(t.rewrite))}|${a(long(t.modify))})`;
  // Nouns inflect (plurals, cases: "rephrasings", "Änderungen", "modificaciones"): in spaced scripts they are stems.
  const nouns = (l: readonly string[]): string[] => (script === 'cjk' ? [...l] : l.map((w) => (w.endsWith('*') || w.length < 5 || /\s/.test(w) ? w : `${w}*`)));
  const noun = (l: readonly string[]): string => (COMPOUNDING.has(t.lang) ? altMid(nouns(l), script) : a(nouns(l)));
  const revision = noun(t.revision);
  const nominal = `${a(t.without)}${gap}${revision}|${revision}${gap}${after}`;
  const exact = a(t.exact);
  const re = (s: string | undefined): RegExp => (s === undefined ? NEVER : new RegExp(s));
  const change = t.change && t.change.length > 0 ? noun(t.change) : undefined;
  const target = `${a(t.target)}|${REVISED}`;
  const keep = some(t.keep);
  const weak = new Set(t.weak ?? []);
  const strongAlt = some(t.exact.filter((w) => !weak.has(w)));
  const tight = gap === GAP_C ? '' : '[\\s,]+';
  const named = `(?:${target}${t.textual && t.textual.length > 0 ? `|${a(t.textual)}` : ''})`;
  return {
    lang: t.lang,
    script,
    rewrite: re(rewrite),
    negAny: re(`${neg}|${after}`),
    negating: re(`${neg}|${after}|${a(t.without)}`),
    modify: re(modify),
    wide: re(`${neg}${wideGap}${verbs}|${verbs}${wideGap}${after}`),
    shown: re(a(t.lettering.filter((w) => !BARE_TEXT.test(w)))),
    letteringLead: re(`(?:${a(t.lettering.filter((w) => !BARE_TEXT.test(w)))})${gap === GAP_C ? '[^。！？；：\\n.!?;:]{0,4}' : "(?:[\\s,]+[^\\s.!?;:,'’]+){0,2}[\\s,]*"}$`),
    nominal: re(nominal),
    object: re(a(t.object)),
    target: re(`${a(t.target)}|${REVISED}`),
    exact: re(exact),
    use: re(a(t.use)),
    equal: re(a(t.equal)),
    image: re(a(t.image)),
    lettering: re(a(t.lettering)),
    changed: re(change && `${a(t.without)}${gap}${change}|${neg}${gap}${change}|${change}${gap}${after}`),
    final: re(some(t.final) && `${named}${gap}${some(t.final)}|${some(t.final)}${gap}${named}`),
    invalid: re(some(t.invalid)),
    changeAny: re(change),
    onlyExact: re(some(t.only) && strongAlt && `${some(t.only)}${tight}${strongAlt}|${strongAlt}${tight}${some(t.only)}`),
    keep: re(keep && `${keep}${gap}(?:${target})|(?:${target})${gap}${keep}`),
    strong: re(strongAlt),
    textual: re(some(t.textual)),
    request: re(some(t.request)),
    word: re(some(t.word)),
  };
}

const TABLES = REWRITE_CUES.map(compile);
/**
 * Clauses that mix a CJK language with English ("不要enhance我的prompt", "プロンプトをenhanceしないで"): every part
 * is the union of the English and the CJK cues, each spelled by its own script's rule, with the CJK gap.
 */
const MIXED: Compiled = (() => {
  const en = REWRITE_CUES.find((t) => t.lang === 'en')!;
  const cjk = REWRITE_CUES.filter((t) => t.cjk === true);
  const part = (k: keyof RewriteCues): string[] => [en, ...cjk].flatMap((t) => (t[k] as readonly string[] | undefined) ?? []);
  const union: RewriteCues = Object.fromEntries(
    (
      [
        'neg',
        'negAfter',
        'rewrite',
        'modify',
        'object',
        'exact',
        'use',
        'target',
        'revision',
        'without',
        'equal',
        'image',
        'lettering',
        'change',
        'final',
        'invalid',
        'only',
        'keep',
        'weak',
        'textual',
        'word',
      ] as const
    ).map((k) => [k, part(k)]),
  ) as unknown as RewriteCues;
  const latin = new Set([...Object.values(en)].flat());
  const a = (l: readonly string[]): string => {
    const la = l.filter((w) => latin.has(w) && /^[\x00-\x7f]*\*?$/.test(w));
    const wide = l.filter((w) => !la.includes(w));
    return `(?:${[la.length ? alt(la, 'latin') : undefined, wide.length ? alt(wide, 'cjk') : undefined].filter(Boolean).join('|') || '(?!)'})`;
  };
  return compileParts({ ...union, lang: 'mixed' }, 'cjk', GAP_C, a);
})();
const CJK_CHAR = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
/** The tables whose anchors may start a mixed clause (English and the CJK ones), and a cheap test for a mixed negation. */
const MIXED_FROM = new Set(REWRITE_CUES.flatMap((t, i) => (t.lang === 'en' || t.cjk === true ? [i] : [])));
const MIXED_NEG = new RegExp(
  REWRITE_CUES.filter((t) => t.lang === 'en' || t.cjk === true)
    .map((t) => alt([...t.neg, ...t.negAfter, ...t.without], t.cjk === true ? 'cjk' : 'latin'))
    .join('|'),
);
const LATIN_WORD = /[a-z]{3}/;
/** The prompt named in a key, before or after the operation: `prompt_rewrite`, `改写提示词`, `プロンプト書き換え`. */
const FLAG_PROMPT = `(?:${['prompt', '提示词', '提示詞', 'プロンプト', '프롬프트'].map((w) => fold(w).text).join('|')})`;
/**
 * Keys of a general change ("adjust", "anpassen", "modifier", "编辑") count only with the prompt named in them
 * (`prompt_anpassen`, `edit_prompt`): `"edit": false` alone may be about anything.
 */
const FLAG_CHANGE = String.raw`(?:chang\w*|modif\w*|adjust\w*|adapt\w*|edit\w*|alter(?:ed|ing|ations?)?(?![a-z])|tweak\w*|anpass\w*|ander\w*|veranderung\w*|bearbeit\w*|cambi\w*|ajust\w*|${['编辑', '編輯', '修改', '调整', '調整', '変更', '修正', '編集', '수정', '변경'].map((w) => fold(w).text).join('|')})`;
/**
 * A setting that switches revision off, in any language's key: `"rewrite": false`, `prompt_rewrite=false`,
 * `enhance=off`, `"改写": false`. Keys and values are the parts; quotes and spacing vary.
 */
const FLAG_KEY = String.raw`(?:${FLAG_PROMPT}[_ -]?${FLAG_CHANGE}|${FLAG_CHANGE}[_ -]?${FLAG_PROMPT}|(?:${FLAG_PROMPT}[_ -]?)?(?:rewrit\w*|revis\w*|enhanc\w*|expan[ds]\w*|optimi[sz]\w*|rephras\w*|augment\w*|umschreib\w*|umformulier\w*|uberarbeit\w*|optimier\w*|verbesser\w*|erweiter\w*|reecri\w*|reformul\w*|amelior\w*|enrichi\w*|reescrib\w*|reescritura|reformular|mejora\w*|改写|改寫|优化|優化|扩写|擴寫|書き換え|最適化|リライト)(?:[_ -]?${FLAG_PROMPT})?)`;
/** The value half of FLAG, tried first: a scan for ':' or '=' is cheap, the key alternation is not. */
const FLAG_OFF = '(?:false|off|no|none|0|disabled?|nein|aus|non|desactive|desactivado|关|關|关闭|關閉|オフ|無効)(?![a-z])';
/** Between key and value: ':' or '=', or the words of a setting written in prose ("set X to false", "X auf false", "X を false に"). */
const FLAG_SEP = String.raw`(?:\s*[:=]\s*|\s+(?:to|auf|a|en|as|on)\s+|\s*(?:を|为|為|设为|設為|设置为|設置為)\s*)`;
/**
 * Matches somewhere exactly when `${FLAG_SEP}["'“]?${FLAG_OFF}` does: each branch of FLAG_SEP without its leading
 * whitespace run (a match of one starts at the last character of that run, or at ':', '=' or the CJK word), so the
 * regex starts only at ':', '=', a whitespace character or one of those words instead of trying `\s*` at every position.
 */
const FLAG_VALUE = new RegExp(String.raw`(?:[:=]|\s(?:to|auf|a|en|as|on)\s|を|为|為|设为|設為|设置为|設置為)\s*["'“]?${FLAG_OFF}`);
const FLAG = new RegExp(`${FLAG_KEY}["'”]?${FLAG_SEP}["'“]?${FLAG_OFF}`);
/**
 * The same setting the other way round: a switch that turns verbatim use on (`"keep_prompt_verbatim": true`,
 * `raw_prompt=on`, `no_rewrite: yes`). Keys name exactness of the prompt or a revision turned off; values say yes.
 */
const FLAG_ON_KEY = String.raw`(?:(?:keep|use|send|pass)[_ -]?)?(?:${FLAG_PROMPT}[_ -]?(?:as[_ -]?is|verbatim|literal|raw|exact|unchanged|original)|(?:verbatim|literal|raw|exact|unchanged|original)[_ -]?${FLAG_PROMPT}|(?:no|skip|disable|bypass|without|kein|ohne|sans|sin|pas[_ -]?de)[_ -]?(?:${FLAG_PROMPT}[_ -]?)?(?:rewrit\w*|revis\w*|enhanc\w*|expan[ds]\w*|optimi[sz]\w*|rephras\w*|augment\w*|umschreib\w*|umformulier\w*|reecri\w*|reformul\w*|reescri\w*))`;
const FLAG_YES = '(?:true|on|yes|1|enabled?|ja|oui|si|an)(?![a-z])';
const FLAG_ON_VALUE = new RegExp(String.raw`(?:[:=])\s*["'“]?${FLAG_YES}`);
const FLAG_ON = new RegExp(`${FLAG_ON_KEY}["'”]?\\s*[:=]\\s*["'“]?${FLAG_YES}`);
const PUBLISHED =
  /i need to test how the tool works with (?:extremely |very |really )?simple prompts|ich muss testen,? wie das (?:tool|werkzeug) mit (?:extrem |sehr )?einfachen prompts funktioniert|我需要测试(?:这个|該|该)?工具(?:在|对|對)?极其简单的提示/;

/** What a cue found in the text asks for: a prohibition near it, or a look at its clause straight away. */
const enum Role {
  Prohibited,
  Nominal,
  /** A change noun: negated, skipped or forbidden near it. */
  Change,
  /** A keeping verb: the prompt or its wording near it. */
  Keep,
  /** A finality or voiding word: the text (or a change) near it. */
  Final,
  Clause,
}

interface Anchor {
  readonly table: number;
  readonly role: Role;
  readonly stem: boolean;
  readonly len: number;
  /** May start inside a word (the tail of a German or Dutch compound). */
  readonly mid?: boolean;
}

/**
 * Anchors: the verbs, revision nouns and exactness markers every rule needs. One pass over the text finds them
 * (an Aho-Corasick automaton for the ASCII ones, a first-character index for CJK and Cyrillic), so the big
 * per-language patterns run only on the few short windows and clauses around an anchor, never on the whole text.
 */
const ASCII_ANCHORS: Anchor[][] = [];
/** Wide (non-ASCII) anchors by their first two code units (one for one-character cues): a lookup per position. */
const WIDE_ANCHORS = new Map<number, { word: string; anchors: Anchor[] }[]>();
const wideKey = (s: string, i: number): number => (s.length - i >= 2 ? s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1) : -1);
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
  const key = word.length >= 2 ? wideKey(word, 0) : -1 - word.charCodeAt(0);
  const list = WIDE_ANCHORS.get(key) ?? [];
  const e = list.find((x) => x.word === word) ?? (list.push({ word, anchors: [] }), list.at(-1)!);
  e.anchors.push(a);
  WIDE_ANCHORS.set(key, list);
}
REWRITE_CUES.forEach((t, table) => {
  const mid = COMPOUNDING.has(t.lang);
  const add = (list: readonly string[] | undefined, role: Role, inWord = false, noun = false): void => {
    for (const raw of list ?? []) {
      const word = folded(raw);
      // Nouns are stems in spaced scripts, as in their patterns (see compileParts).
      const stem = raw.endsWith('*') || (noun && t.cjk !== true && word.length >= 5 && !/\s/.test(word));
      addAnchor(word, { table, role, stem, len: word.length, ...(inWord ? { mid: true } : {}) });
    }
  };
  add(t.rewrite, Role.Prohibited);
  add(t.modify, Role.Prohibited);
  add(t.revision, Role.Nominal, mid, true);
  add(t.change, Role.Change, mid, true);
  add(t.keep, Role.Keep);
  add(t.exact, Role.Clause);
  add(t.final, Role.Final);
  add(t.invalid, Role.Final);
});
for (const w of ['revised prompt', 'revised_prompt', 'revised-prompt', 'simple prompts', 'einfachen prompts']) addAnchor(w, { table: -1, role: Role.Clause, stem: false, len: w.length });
addAnchor('极其简单的提示', { table: -1, role: Role.Clause, stem: false, len: 7 });
const INDEX = new NeedleIndex(asciiWords, PROMPT_NEEDLES);
const INDEX_ANCHORS = INDEX.words.map((w) => ASCII_ANCHORS[asciiWords.indexOf(w)]!);

const BOUNDARY = /[.!?;:\n。！？；：]/;
const CLAUSE_MAX = 240;
/** Room either side of an anchor in which its prohibition must stand ("do not let the model rewrite"). */
const NEAR = 48;
/** Findings kept per text. */
const MAX_FINDINGS = 32;
/**
 * Work per text, in two budgets that grow with its length: distinct clause judgements (160 + len/256) and looks at
 * the window around a verb or noun for a prohibition (500 + len/64). Repeated clauses are judged once (verdicts are
 * cached by clause text), and an ordinary prompt never uses a budget up. A text that does is padded on purpose
 * (issue #14): in an image prompt, or a chat request about an image, that is itself a finding, so decoys cannot use
 * the budget up to hide the real instruction behind them.
 */
const MAX_JUDGED = 160;
const JUDGED_PER_CHAR = 1 / 256;
const MAX_NEAR = 500;
const NEAR_PER_CHAR = 1 / 64;
/** The character at i is in [a-z0-9\u0400-\u04ff] (a word goes on), read as a code without a one-character string. */
function letterAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0x400 && c <= 0x4ff);
}
const NON_ASCII = /[^\x00-\x7f]/g;

/** Every anchor in the text with its start offset, in text order: at most one a character, so linear in the text. */
function anchors(text: string): { at: number; a: Anchor }[] {
  const out: { at: number; a: Anchor }[] = [];
  INDEX.each(text, (w, end) => {
    for (const a of INDEX_ANCHORS[w]!) {
      const at = end - a.len;
      // Latin and Cyrillic cues start a word, and whole-word cues end one ("add" is not in "address").
      if (a.table >= 0 && REWRITE_CUES[a.table]!.cjk !== true) {
        if (!a.mid && at > 0 && letterAt(text, at - 1)) continue;
        if (!a.stem && end < text.length && letterAt(text, end)) continue;
      }
      out.push({ at, a });
    }
  });
  if (WIDE_ANCHORS.size > 0 && /[^\x00-\x7f]/.test(text)) {
    // Wide anchors start with a non-ASCII character: only those positions are visited.
    // Both kinds are merged in text order.
    const ascii = out.length;
    NON_ASCII.lastIndex = 0;
    for (let m = NON_ASCII.exec(text); m; m = NON_ASCII.exec(text)) {
      const i = m.index;
      const one = WIDE_ANCHORS.get(-1 - text.charCodeAt(i));
      const two = WIDE_ANCHORS.get(wideKey(text, i));
      if (!one && !two) continue;
      for (const e of one && two ? [...one, ...two] : (one ?? two)!) {
        if (!text.startsWith(e.word, i)) continue;
        for (const a of e.anchors) {
          if (REWRITE_CUES[a.table]?.cjk !== true && !a.mid && i > 0 && letterAt(text, i - 1)) continue;
          out.push({ at: i, a });
        }
      }
    }
    if (out.length > ascii) out.sort((x, y) => x.at - y.at);
  }
  return out;
}

/** The clause boundary characters (. ! ? ; : a line break, and their CJK forms), as BOUNDARY matches them. */
const IS_BOUNDARY = new Uint8Array(0x10000);
for (const m of Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c))
  .join('')
  .matchAll(new RegExp(BOUNDARY.source, 'g')))
  IS_BOUNDARY[m.index] = 1;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** A colon between digits ("1:1", "16:9") is a ratio, not a clause boundary. */
const ratioAt = (text: string, i: number): boolean => text.charCodeAt(i) === 58 && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1));
/** Offsets of the clause boundaries (. ! ? ; : or a line break) in the text, in order: one pass, no match objects. */
function boundaries(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) if (IS_BOUNDARY[text.charCodeAt(i)] === 1 && !ratioAt(text, i)) out.push(i);
  return out;
}

/**
 * The clauses an anchor at [s, e) is judged in. The sentence part [from, to) between boundaries when the anchor
 * lies within CLAUSE_MAX of both its ends; in a longer run without boundaries, every window of a fixed grid
 * (width 2 * CLAUSE_MAX, step CLAUSE_MAX, from the run's start) that holds the anchor. Any stretch of up to
 * CLAUSE_MAX characters lies whole in one grid window, and a run of n characters has about n / CLAUSE_MAX of them,
 * so a long unpunctuated run is judged in linear time and cannot push an instruction out of the window it is judged
 * in (a window centred on each anchor would be judged once per anchor, or skipped).
 */
function clausesAt(from: number, to: number, s: number, e: number): [number, number][] {
  if (s - from <= CLAUSE_MAX && to - e <= CLAUSE_MAX) return [[from, to]];
  const out: [number, number][] = [];
  const first = Math.max(0, Math.ceil((e - from - 2 * CLAUSE_MAX) / CLAUSE_MAX));
  for (let k = first; from + k * CLAUSE_MAX <= s; k++) {
    const a = from + k * CLAUSE_MAX;
    out.push([a, Math.min(to, a + 2 * CLAUSE_MAX)]);
    if (a + 2 * CLAUSE_MAX >= to) break;
  }
  return out;
}

/** Which rule a clause breaks, judged with one language's cues; undefined when none. */
function judge(c: Compiled, clause: string, target: RewriteTarget, imageContext: () => boolean, revised: boolean): string | undefined {
  if (revised && c.equal.test(clause)) return 'revised-prompt-must-equal';
  const aimed = c.target.test(clause);
  // In a chat request the same words are ordinary editing instructions unless the text is about image generation
  // and names the prompt ("don't change the variable names" is not rewrite suppression).
  if (target === 'prompt' && !(aimed && imageContext())) return undefined;
  // The rules built on a negation are tried only when the clause holds one (one test instead of four).
  if (c.negating.test(clause)) {
    if (c.rewrite.test(clause) && (aimed || !lettered(c, clause, c.rewrite))) return 'prohibits-rewriting';
    if (c.modify.test(clause) && (aimed || (c.object.test(clause) && !lettered(c, clause, c.modify)))) return 'prohibits-changes';
    if (c.nominal.test(clause) && (aimed || !lettered(c, clause, c.nominal))) return 'skips-revision';
    // "Zero modifications to the text": a change noun forbidden names the text it changes, unless a picture is lettered.
    if ((aimed || (c.textual.test(clause) && !c.shown.test(clause) && !QUOTED.test(clause))) && c.changed.test(clause)) return 'forbids-changes';
    // Far from its verb, a prohibition counts when the prompt is named, or a word of it is what may not change.
    if ((aimed || (c.word.test(clause) && !c.lettering.test(clause) && !QUOTED.test(clause))) && c.wide.test(clause)) return 'prohibits-changes';
  }
  if (aimed && c.keep.test(clause)) return 'keeps-wording';
  // Text shown in the picture ("a sign that reads FINAL", "the word SALE exactly as written") is not the prompt.
  const lettering = (): boolean => c.lettering.test(clause) || QUOTED.test(clause);
  const named = aimed || (c.textual.test(clause) && !lettering());
  // A change voiding the request is about the text itself, however plainly named ("the text"), unless quoted.
  const voidable = aimed || (c.textual.test(clause) && !QUOTED.test(clause));
  if (voidable && c.invalid.test(clause) && (c.changeAny.test(clause) || c.modify.test(clause))) return 'voids-on-change';
  if (named && c.final.test(clause) && !(QUOTED.test(clause) && c.lettering.test(clause))) return 'declares-final';
  if (c.exact.test(clause) && (aimed || (((c.strong.test(clause) && c.use.test(clause)) || c.onlyExact.test(clause)) && !lettering()))) return 'demands-verbatim';
  return undefined;
}

/**
 * Whether the first match of a prohibition is words shown in the picture, not an instruction: quoted, or right after
 * lettering ("a sign reading DO NOT ALTER", "Schriftzug UMSCHREIBEN VERBOTEN").
 */
function lettered(c: Compiled, clause: string, re: RegExp): boolean {
  const m = re.exec(clause);
  return m !== null && (c.letteringLead.test(clause.slice(Math.max(0, m.index - 48), m.index)) || quoted(clause, 0, m.index + 1));
}

/** Whether offset `at` of the text lies inside a quotation opened after `from` ("a sign reading 'NO REWRITES'"). */
function quoted(text: string, from: number, at: number): boolean {
  let open = false;
  for (let i = from; i < at; i++) {
    const ch = text[i]!;
    if (ch === '"') open = !open;
    else if ('“«「『'.includes(ch)) open = true;
    else if ('”»」』'.includes(ch)) open = false;
    else if (ch === "'" || ch === '‘' || ch === '’') {
      // An apostrophe inside a word (l'ia, don't) is not a quotation mark.
      if (!open && (i === from || !letterAt(text, i - 1))) open = true;
      else if (open && !letterAt(text, i + 1)) open = false;
    }
  }
  return open;
}

export interface RewriteData {
  /** `lang:rule` per finding, e.g. `de:prohibits-rewriting`. */
  readonly rules: string[];
}

export function detectRewriteSuppression(text: string, target: RewriteTarget = 'image_prompt'): DetectorResult<RewriteData> {
  const first = detectOnce(text, target);
  if (first.verdict === 'hit') return first;
  // Misspelt operations ("rewirte", "expnad", "umschriben"): the text once more with them spelt right (spans then
  // point into the corrected text, which has the same sentences). A long text is looked at again only around the
  // words corrected, so padding cannot push a misspelt instruction out of reach, nor make the second look cost more
  // than the first.
  const fixed = spelledRight(text);
  if (fixed === undefined) return first;
  return detectOnce(fixed.text, target, text.length > TYPO_MAX ? fixed.at : undefined);
}

/** Longest text looked at again whole once spelt right; a longer one is looked at again only around the corrections. */
const TYPO_MAX = 4096;
/** Each cue word, its one-letter deletions and (long words) two-letter deletions, to the word: a deletion index. */
const TYPO1 = new Map<string, string>();
const TYPO2 = new Map<string, string>();
const dropAt = (w: string, i: number): string => w.slice(0, i) + w.slice(i + 1);
// A letter swapped ("chnage", "promtp"): words a one-letter change would confuse with common ones ("charge").
for (const raw of TYPO_SWAPS) {
  const w = folded(raw);
  for (let i = 2; i + 1 < w.length; i++) {
    const t = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
    if (t !== w && !TYPO1.has(t)) TYPO1.set(t, w);
  }
}
for (const raw of TYPO_WORDS) {
  const w = folded(raw);
  TYPO1.set(w, w);
  for (let i = 0; i < w.length; i++) {
    const d = dropAt(w, i);
    if (!TYPO1.has(d)) TYPO1.set(d, w);
    if (w.length >= 9) for (let j = i; j < d.length; j++) if (!TYPO2.has(dropAt(d, j))) TYPO2.set(dropAt(d, j), w);
  }
}
/** The first two letters every cue word starts with: a text word starting otherwise is not looked up. */
const TYPO_HEADS = new Set([...TYPO1.values()].map((w) => w.slice(0, 2)));
/**
 * The words looked up: runs of five or more letters a-z, whole (not preceded or followed by one), starting with a cue
 * word's first two letters — what /(?<![a-z])(?:<heads>)[a-z]{3,}/g finds. The heads as a 26 x 26 table.
 */
const TYPO_HEAD_AZ = new Uint8Array(26 * 26);
for (const h of TYPO_HEADS) if (/^[a-z]{2}$/.test(h)) TYPO_HEAD_AZ[(h.charCodeAt(0) - 97) * 26 + h.charCodeAt(1) - 97] = 1;
const isAz = (c: number): boolean => c >= 97 && c <= 122;
const TYPO_LONGEST = Math.max(...[...TYPO1.values()].map((w) => w.length));
/**
 * Per first two letters a-z (as TYPO_HEAD_AZ), the lengths of the cue words starting with them (bit n: length n). A
 * word is replaced only by a cue word with its first two letters and a length at most two from its own, so a word with
 * no such length is passed over before it is sliced or looked up.
 */
const TYPO_LENGTHS = new Float64Array(26 * 26);
for (const w of new Set(TYPO1.values())) {
  if (!/^[a-z]{2}/.test(w)) continue;
  const head = (w.charCodeAt(0) - 97) * 26 + w.charCodeAt(1) - 97;
  if (Math.floor(TYPO_LENGTHS[head]! / 2 ** w.length) % 2 === 0) TYPO_LENGTHS[head]! += 2 ** w.length;
}
/** Whether a cue word with this head has a length within two of `len`. */
function typoLength(head: number, len: number): boolean {
  const lengths = TYPO_LENGTHS[head]!;
  for (let n = Math.max(0, len - 2); n <= len + 2; n++) if (Math.floor(lengths / 2 ** n) % 2 === 1) return true;
  return false;
}

/**
 * A 32-bit polynomial hash of every TYPO1 and TYPO2 key, kept as one bit of a 64 Kbit table: a text word, and each of
 * its one-letter deletions, is hashed from the text (the deletions from prefix and suffix hashes) without building a
 * string, and only one whose bit is set is built and looked up. A key always has its bit set, so this finds exactly
 * what looking every one of them up finds.
 */
const HASH_BASE = 0x01000193;
const KEY_BITS = new Uint8Array(1 << 16);
const keyBit = (h: number): number => (h ^ (h >>> 16)) & 0xffff;
for (const k of [...TYPO1.keys(), ...TYPO2.keys()]) {
  let h = 0;
  for (let i = 0; i < k.length; i++) h = (Math.imul(h, HASH_BASE) + k.charCodeAt(i)) | 0;
  KEY_BITS[keyBit(h)] = 1;
}
/** HASH_BASE ** n (mod 2^32) for the lengths a looked-up word can have. */
const POW = new Int32Array(TYPO_LONGEST + 4);
POW[0] = 1;
for (let n = 1; n < POW.length; n++) POW[n] = Math.imul(POW[n - 1]!, HASH_BASE);
const SUFFIX = new Int32Array(TYPO_LONGEST + 4);

/**
 * The cue word for the text word text[from, from + len): itself or a two-letter deletion of it (TYPO1, TYPO2), else
 * the first of its one-letter deletions that TYPO1 holds; undefined when none.
 */
function typoWord(text: string, from: number, len: number): string | undefined {
  // SUFFIX[i]: hash of the word's letters [i, len) with the powers of a string of length len - 1 (one letter fewer).
  SUFFIX[len] = 0;
  let whole = 0;
  for (let i = len - 1; i >= 0; i--) SUFFIX[i] = (Math.imul(text.charCodeAt(from + i), POW[len - 1 - i]!) + SUFFIX[i + 1]!) | 0;
  for (let i = 0; i < len; i++) whole = (Math.imul(whole, HASH_BASE) + text.charCodeAt(from + i)) | 0;
  let t: string | undefined;
  if (KEY_BITS[keyBit(whole)] === 1) {
    t = text.slice(from, from + len);
    const w = TYPO1.get(t) ?? TYPO2.get(t);
    if (w !== undefined) return w;
  }
  let prefix = 0;
  for (let i = 0; i < len; i++) {
    // Hash of the word without its letter i: the prefix [0, i) raised past the rest, plus the rest.
    const h = (Math.imul(prefix, POW[len - 1 - i]!) + SUFFIX[i + 1]!) | 0;
    if (KEY_BITS[keyBit(h)] === 1) {
      t ??= text.slice(from, from + len);
      const w = TYPO1.get(dropAt(t, i));
      if (w !== undefined) return w;
    }
    prefix = (Math.imul(prefix, HASH_BASE) + text.charCodeAt(from + i)) | 0;
  }
  return undefined;
}

/** The text with words one or two edits from a cue word replaced by it, and where they now start; undefined when none is. */
function spelledRight(text: string): { text: string; at: number[] } | undefined {
  const at: number[] = [];
  let shift = 0;
  // The corrected text, built only when a word is replaced (most texts have none: no copy of them).
  let out = '';
  let copied = 0;
  const n = text.length;
  for (let s = 0; s < n; ) {
    const c = text.charCodeAt(s);
    if (!isAz(c)) {
      s++;
      continue;
    }
    // A run of letters starts at s (the one before is not a letter): the word is all of it.
    let e = s + 1;
    while (e < n && isAz(text.charCodeAt(e))) e++;
    const len = e - s;
    const from = s;
    s = e;
    // A misspelling is at most two letters longer than its word: a longer run of letters is not looked up (nor cut up).
    if (len < 5 || len > TYPO_LONGEST + 2) continue;
    const head = (c - 97) * 26 + text.charCodeAt(from + 1) - 97;
    if (TYPO_HEAD_AZ[head] !== 1 || !typoLength(head, len)) continue;
    const w = typoWord(text, from, len);
    if (w === undefined) continue;
    const t = text.slice(from, e);
    // A misspelling keeps the word's first two letters: "writing" is not "rewriting" misspelt, "rewirte" is.
    if (w === t || w[0] !== t[0] || w[1] !== t[1] || Math.abs(w.length - t.length) > 2) continue;
    at.push(from + shift);
    shift += w.length - t.length;
    out += text.slice(copied, from) + w;
    copied = e;
  }
  return at.length > 0 ? { text: out + text.slice(copied), at } : undefined;
}

/** A number for a clause [s, e) judged with a table (-1 for every table): clauses are at most 2 * CLAUSE_MAX + a cue long. */
const clauseKey = (s: number, e: number, table: number): number => (s * 1024 + (e - s)) * 64 + table + 1;

/** The rule a clause breaks, judged with its anchor's table (every table for revised_prompt or a shared anchor). */
function judgeClause(clause: string, table: Compiled | undefined, target: RewriteTarget, isImage: () => boolean): string | undefined {
  if (PUBLISHED.test(clause)) return 'en:published-prefix';
  const revised = REVISED_RE.test(clause);
  // revised_prompt is spelled in Latin letters in every language: its clause is judged by every table.
  const tables: Compiled[] = revised || !table ? [...TABLES] : [table];
  // A clause mixing a CJK language with English words is judged once more with both languages' cues.
  if (table && CJK_CHAR.test(clause) && LATIN_WORD.test(clause)) tables.push(MIXED);
  for (const c of tables) {
    const r = judge(c, clause, target, isImage, revised);
    if (r) return `${c.lang}:${r}`;
  }
  return undefined;
}

/**
 * Judges the text. With `only` (offsets of corrected words, in order), only anchors within 2 * CLAUSE_MAX of one are
 * looked at: the clauses the corrections can change.
 */
function detectOnce(text: string, target: RewriteTarget, only?: readonly number[]): DetectorResult<RewriteData> {
  const findings: Finding[] = [];
  let imageContext: boolean | undefined;
  // Whether a chat text is about image generation: ten patterns over the whole text, so asked only when needed.
  const isImage = (): boolean => (imageContext ??= TABLES.some((c) => c.image.test(text)));
  /** Clauses judged, by start, end and table: a clause is judged once per language table, however many anchors it holds. */
  const judged = new Set<number>();
  /** Verdicts by table and clause text: a decoy clause repeated a thousand times is judged once. */
  const verdicts = new Map<string, string | null>();
  const budget = MAX_JUDGED + Math.floor(text.length * JUDGED_PER_CHAR);
  /** Whether a prohibition stands near an anchor: by table and role, then window text. */
  const nearSeen: Map<string, boolean>[] = [];
  let nearLooks = 0;
  const nearBudget = MAX_NEAR + Math.floor(text.length * NEAR_PER_CHAR);
  const bounds = boundaries(text);
  let next = 0;
  let fix = 0;
  let exhausted = false;
  let outOfJudgements = false;
  for (const { at, a } of anchors(text)) {
    // Enough to decide and to report: a text made of such instructions is not judged clause by clause to its end
    // (stripping judges each sentence on its own).
    if (findings.length >= MAX_FINDINGS || outOfJudgements) break;
    if (only) {
      while (fix < only.length && only[fix]! < at - 2 * CLAUSE_MAX) fix++;
      if (fix >= only.length) break;
      if (only[fix]! > at + 2 * CLAUSE_MAX) continue;
    }
    const table = a.table >= 0 ? TABLES[a.table]! : undefined;
    // Out of looks: the remaining verbs and nouns go unlooked at (the text is reported below), exactness still counts.
    if (nearLooks >= nearBudget && table && a.role !== Role.Clause) {
      exhausted = true;
      continue;
    }
    // Anchors come in text order: the boundaries around this one are found by moving one index forward.
    while (next < bounds.length && bounds[next]! < at) next++;
    const from = next > 0 ? bounds[next - 1]! + 1 : 0;
    const to = next < bounds.length ? bounds[next]! : text.length;
    // A clause is judged once per language table, however many anchors it holds (a Chinese and a Japanese cue can
    // share their first characters: 原文 and 原文のまま).
    // (The sentence part itself, the common case, is tested before the clauses are listed: no array per anchor.)
    const whole = at - from <= CLAUSE_MAX && to - Math.min(to, at + a.len) <= CLAUSE_MAX;
    if (whole && judged.has(clauseKey(from, to, a.table))) continue;
    const todo = clausesAt(from, to, at, Math.min(to, at + a.len));
    if (!whole && todo.every(([s, e]) => judged.has(clauseKey(s, e, a.table)))) continue;
    if (table && a.role !== Role.Clause) {
      // A verb or noun counts only with a prohibition (or the prompt, for keeping) next to it: checked on a short window.
      const w = text.slice(Math.max(0, at - NEAR), Math.min(text.length, at + a.len + NEAR));
      // A verb's prohibition may also stand seven words away when the prompt is named (see `wide`): looked for in a
      // window twice as wide, only when none stands close. Verdicts are cached by the wider window for a verb.
      // (Within the anchor's clause: a prohibition does not reach across a sentence end.)
      const far = a.role === Role.Prohibited ? text.slice(Math.max(from, at - 2 * NEAR), Math.min(to, at + a.len + 2 * NEAR)) : w;
      nearLooks++;
      const cache = (nearSeen[(a.table + 1) * 8 + a.role] ??= new Map<string, boolean>());
      const seen = cache.get(far);
      if (seen === false) continue;
      if (seen === undefined) {
        const near = (c: Compiled): boolean =>
          a.role === Role.Prohibited
            ? (c.negAny.test(w) && (c.rewrite.test(w) || c.modify.test(w))) || (c.negAny.test(far) && (c.target.test(far) || c.word.test(far)) && c.wide.test(far))
            : a.role === Role.Nominal
              ? c.nominal.test(w)
              : a.role === Role.Change
                ? c.changed.test(w) || c.invalid.test(w)
                : a.role === Role.Final
                  ? c.final.test(w) || (c.invalid.test(w) && c.changeAny.test(w))
                  : c.keep.test(w);
        const ok = near(table) || (MIXED_FROM.has(a.table) && MIXED_NEG.test(w) && CJK_CHAR.test(w) && LATIN_WORD.test(w) && near(MIXED));
        cache.set(far, ok);
        if (!ok) continue;
      }
    }
    for (const [s, e] of todo) {
      const key = clauseKey(s, e, a.table);
      if (judged.has(key)) continue;
      // A question asks, it does not instruct: in a chat request always, in an image prompt unless it names the prompt
      // ("could you leave my prompt as it is?"). Words quoted in a picture (a sign, a page titled 'Do not rewrite') are
      // lettering, not an instruction, unless they name the prompt.
      const asks = text[e] === '?' || text[e] === '？';
      const inQuotes = table !== undefined && quoted(text, s, at);
      if ((asks || inQuotes) && (target === 'prompt' || table?.target.test(text.slice(s, e)) !== true)) {
        // A polite request put as a question ("would you send this without any rewording?") still instructs.
        if (!(asks && !inQuotes && target === 'image_prompt' && table?.request.test(text.slice(s, e)) === true)) continue;
      }
      judged.add(key);
      const clause = text.slice(s, e);
      const vkey = `${a.table}\u0000${clause}`;
      let rule = verdicts.get(vkey);
      if (rule === undefined) {
        // Only distinct clauses spend the budget; using it up is reported below rather than ending the scan quietly.
        if (verdicts.size >= budget) {
          exhausted = outOfJudgements = true;
          break;
        }
        rule = judgeClause(clause, table, target, isImage) ?? null;
        verdicts.set(vkey, rule);
      }
      if (rule) {
        // The span reported is the clause around the anchor, at most CLAUSE_MAX either side (a grid window is only
        // where the rule was looked for).
        const span: [number, number] = [Math.max(from, at - CLAUSE_MAX), Math.min(to, at + a.len + CLAUSE_MAX)];
        findings.push({ category: 'prompt_rewrite_suppression', severity: rule.endsWith('published-prefix') ? 'high' : 'medium', source: 'rules', reason: rule, span });
        break;
      }
    }
  }
  // Decoys enough to use the budget up are an attempt to hide an instruction behind them (issue #14), in an image
  // prompt or a chat request about an image (elsewhere a clause counts only when it names the prompt and an image).
  if (exhausted && findings.length === 0 && (target === 'image_prompt' || isImage())) {
    findings.push({ category: 'prompt_rewrite_suppression', severity: 'medium', source: 'rules', reason: 'any:budget-exhausted', span: [0, text.length] });
  }
  if (findings.length === 0) {
    const m = (FLAG_VALUE.test(text) ? FLAG.exec(text) : null) ?? (FLAG_ON_VALUE.test(text) ? FLAG_ON.exec(text) : null);
    if (m && (target === 'image_prompt' || isImage() || /\bprompt\b/.test(text))) {
      findings.push({ category: 'prompt_rewrite_suppression', severity: 'medium', source: 'rules', reason: 'any:revision-switched-off', span: [m.index, m.index + m[0].length] });
    }
  }
  const rules = findings.map((f) => f.reason);
  const hit = findings.length > 0;
  return { verdict: hit ? 'hit' : 'pass', reason: hit ? `rewrite suppression: ${rules.join(',')}` : 'none', data: { rules }, findings };
}

/** Sentences as the detector's clauses end them: a colon between digits ("1:1") does not end one. */
const SENTENCE = /(?:[^.!?:;\n。！？：；]|(?<=\d):(?=\d))+[.!?:;\n。！？：；]*/gu;

/** Removes every sentence of the raw prompt that, once normalised, carries a rewrite-suppression instruction. */
export function stripRewriteSuppression(raw: string): { text: string; removed: number } {
  let removed = 0;
  // A sentence repeated (padding) is judged once.
  const seen = new Map<string, boolean>();
  const kept = (raw.match(SENTENCE) ?? [raw]).filter((s) => {
    let hit = seen.get(s);
    if (hit === undefined) seen.set(s, (hit = detectRewriteSuppression(normalise(s).all).verdict === 'hit'));
    if (hit) removed++;
    return !hit;
  });
  return { text: removed === 0 ? raw : kept.join('').trim(), removed };
}
