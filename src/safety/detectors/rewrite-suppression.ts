// Detects instructions telling an image model not to revise the prompt (the published "use it AS-IS" prefix,
// paraphrases and translations), and strips those sentences so the upstream's revision still happens.
import { normalise } from '../normalise/normalise.js';
import type { DetectorResult, Finding, Severity } from '../types.js';

interface Phrase { readonly id: string; readonly severity: Exclude<Severity, 'safe'>; readonly re: RegExp }

const NOUN = String.raw`(?:details?|anything|words?|elements?|embellishments?|descriptions?|context|adjectives|content|extra\w*)`;
const VERB = String.raw`(?:add|change|modify|alter|rewrite|revise|rephrase|expand|embellish|enhance|improve|edit|elaborate|interpret|extend|augment|touch|tweak)`;

const PHRASES: readonly Phrase[] = [
  { id: 'published-prefix', severity: 'high', re: /\bi need to test how the tool works with (?:extremely |very |really )?simple prompts\b/ },
  { id: 'do-not-add-detail', severity: 'medium', re: new RegExp(String.raw`\b(?:do not|don'?t|dont|never|no need to|must not|should not|without)\s+(?:\w+\s+){0,2}?${VERB}\b.{0,25}?\b${NOUN}\b`) },
  { id: 'do-not-revise-prompt', severity: 'medium', re: new RegExp(String.raw`\b(?:do not|don'?t|dont|never|must not|without)\s+(?:\w+\s+){0,2}?${VERB}\w*\b.{0,20}?\b(?:my |the |this |these |it|prompt|text|description|input|instructions?|wording)`) },
  { id: 'as-is', severity: 'medium', re: /\b(?:use|send|pass|submit|keep|take|render|generate|draw|leave)\b.{0,30}?\b(?:as[- ]is|exactly as (?:written|given|provided|stated|typed|is)|word for word|verbatim|unchanged|unmodified|unaltered|without (?:any )?(?:changes|modifications?|alterations?|revisions?|rewriting|edits))\b/ },
  { id: 'no-revision', severity: 'medium', re: /\b(?:no|zero|without|disable|skip|turn off|bypass)\s+(?:any\s+)?(?:prompt\s+)?(?:revisions?|rewrit\w*|rephras\w*|enhancements?|modifications?|embellishments?)\b/ },
  { id: 'do-not-revise-generic', severity: 'low', re: /\bas[- ]is\b|\bverbatim\b|\bliterally\b/ },
  // German (umlauts folded)
  { id: 'de.keine-details', severity: 'medium', re: /\b(?:fuge|fug|fugen sie|ergaenze|erganze)\b.{0,15}?\bkeine\b.{0,20}?\b(?:details|einzelheiten|elemente|worter|beschreibungen)\b|\bkeine (?:details|einzelheiten) hinzu/ },
  { id: 'de.unveraendert', severity: 'medium', re: /\b(?:unverandert|genau so wie (?:er|es|sie) ist|so wie (?:er|es) ist|wortwortlich|ohne (?:anderungen|anpassungen|umformulierung))\b|\bnicht (?:umschreiben|andern|verandern|umformulieren|erweitern)\b|\bich muss testen,? wie das (?:tool|werkzeug) mit (?:extrem |sehr )?einfachen prompts funktioniert\b/ },
  // Chinese
  { id: 'zh.no-detail', severity: 'medium', re: /(?:不要|请勿|請勿|别|別|不得|无需|無需)(?:添加|增加|加入|补充|補充)(?:任何)?(?:细节|細節|内容|內容|描述)|(?:按原样|按原樣|原样|原樣|原封不动|原封不動|照原文)(?:使用|生成|绘制|繪製)?|(?:不要|请勿|請勿|别|別)(?:修改|改写|改寫|重写|重寫|润色|潤色|扩展|擴展)|我需要测试(?:这个|該|该)?工具(?:在|对|對)?极其简单的提示/ },
  // French / Spanish
  { id: 'fr-es.as-is', severity: 'medium', re: /\b(?:n'?ajoute(?:z)? aucun detail|tel quel|telle quelle|sans (?:aucune )?modification|no (?:agregues|anadas|anadir) (?:ningun|ningunos) detalles?|tal (?:cual|como esta)|sin (?:ninguna )?modificacion)\b/ },
];

export function detectRewriteSuppression(text: string): DetectorResult<{ phrases: string[] }> {
  const findings: Finding[] = [];
  for (const p of PHRASES) {
    const m = p.re.exec(text);
    if (m) findings.push({ category: 'prompt_rewrite_suppression', severity: p.severity, source: 'pattern', reason: p.id, span: [m.index, m.index + m[0].length] });
  }
  const phrases = findings.map((f) => f.reason);
  const hit = findings.some((f) => f.severity !== 'low');
  return { verdict: hit ? 'hit' : 'pass', reason: hit ? `rewrite suppression: ${phrases.join(',')}` : 'none', data: { phrases }, findings };
}

const SENTENCE = /[^.!?:;\n。！？：；]+[.!?:;\n。！？：；]*/gu;

/** Removes every sentence of the raw prompt that, once normalised, carries a (medium+) rewrite-suppression phrase. */
export function stripRewriteSuppression(raw: string): { text: string; removed: number } {
  let removed = 0;
  const kept = (raw.match(SENTENCE) ?? [raw]).filter((s) => {
    const hit = detectRewriteSuppression(normalise(s).all).verdict === 'hit';
    if (hit) removed++;
    return !hit;
  });
  return { text: removed === 0 ? raw : kept.join('').trim(), removed };
}
