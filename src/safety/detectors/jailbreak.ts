// Jailbreak detector: instruction-override, persona and "no rules" framings (en/de/zh), plus the classifier's jailbreak class.
import type { Scores } from '../classifier/model.js';
import { NeedleGate } from '../lexicon/needles.js';
import type { DetectorResult, Finding, Severity } from '../types.js';

interface Framing { readonly id: string; readonly severity: Exclude<Severity, 'safe'>; readonly re: RegExp; readonly need?: readonly string[] }

export const FRAMINGS: readonly Framing[] = [
  { id: 'ignore-instructions', need: ['ignore', 'disregard', 'forget', 'override', 'bypass', 'skip'], severity: 'medium', re: /\b(?:ignore|disregard|forget|override|bypass|skip)\b.{0,20}?\b(?:all |any |the |your |my )?(?:previous|prior|above|earlier|preceding|original|initial|system|following)\b.{0,15}?\b(?:instructions?|rules|prompts?|directions|guidelines|programming|context|messages?)\b/ },
  { id: 'new-instructions', need: ['new instructions', 'new rules', 'new system prompt', 'updated instructions', 'updated rules', 'updated system prompt'], severity: 'low', re: /\b(?:new|updated) (?:instructions|rules|system prompt)\s*:/ },
  { id: 'dan', need: ['anything now', 'dan ', 'as dan', 'jailbr', 'stan mode', 'dude mode', 'aim mode', 'antidan', 'anti-dan'], severity: 'medium', re: /\b(?:do anything now|dan mode|dan \d|jailbr(?:oken|eak(?:ed)?) (?:mode|version|ai|chatgpt)|as dan\b|stan mode|dude mode|aim mode|anti-?dan)\b/ },
  { id: 'developer-mode', need: ['mode'], severity: 'medium', re: /\b(?:developer|dev|god|debug|sudo|admin|unrestricted|unfiltered|evil|opposite|chaos) mode\b.{0,60}?\b(?:enabled|activated|on|output|respon\w+|policies|policy)\b|\benable (?:developer|dev|god) mode\b/ },
  { id: 'no-restrictions', need: ['restriction', 'limitation', 'filter', 'censorship', 'guideline', 'polic', 'rules', 'boundaries', 'constraint', 'safeguard'], severity: 'medium', re: /\b(?:without|free (?:of|from)|no|not bound by|ignore|break|broken free of) (?:any )?(?:the )?(?:ethical|moral|content|safety|openai'?s?)?\s?(?:restrictions|limitations|filters?|censorship|guidelines|policies|rules|boundaries|constraints|safeguards)\b.{0,60}?\b(?:ai|you|chatgpt|answer|respond|model|assistant|character|persona)\b/ },
  { id: 'never-refuse', need: ['refuse', 'decline', 'reject', 'say no', 'say you can', 'say that you can', 'say im sorry', "say i'm sorry"], severity: 'medium', re: /\b(?:never|don'?t|do not|must not|will not|won'?t|cannot|can'?t) (?:ever )?(?:refuse|decline|reject|say (?:no|you can'?t|that you can'?t|i'?m sorry))\b/ },
  { id: 'stay-in-character', need: ['character', 'stay as', 'no longer', 'from now on', 'will now act', 'pretend'], severity: 'low', re: /\b(?:stay in character|stay as|remain in character|break character|you are no longer (?:chatgpt|an ai|bound)|from now on,? you (?:are|will be|will act)|you will now act as|pretend (?:you are|to be) an? (?:ai|chatbot|model|assistant) (?:without|with no|that has no))\b/ },
  { id: 'amoral-persona', need: ['amoral', 'unethical', 'unfiltered', 'uncensored', 'immoral', 'evil', 'machiavel'], severity: 'medium', re: /\b(?:amoral|unethical|unfiltered|uncensored|immoral|evil) (?:ai|chatbot|assistant|model|persona|character|confidant)\b|\bniccolo machiavelli\b|\balways intelligent and machiavellian\b/ },
  { id: 'prompt-extraction', need: ['prompt', 'instructions', 'supposed', 'allowed'], severity: 'medium', re: /\b(?:reveal|print|show|see|repeat|output|tell me|display|leak|spell out|give me|what (?:is|are|was|were))\b.{0,20}?\b(?:your|the) (?:system prompt|initial (?:prompt|instructions)|hidden (?:prompt|instructions)|original instructions|instructions above|secret (?:prompt|instructions)|pre-?prompt)\b|\bwhat are you not (?:supposed|allowed) to (?:tell|say)\b/ },
  { id: 'hypothetical-harm', need: ['hypothetical', 'novel', 'story', 'movie', 'screenplay', 'fictional', 'educational', 'research'], severity: 'low', re: /\b(?:hypothetical(?:ly)?|for a (?:novel|story|movie|screenplay)|in a fictional world|purely fictional|for educational purposes only|for research purposes only)\b/ },
  // German
  { id: 'de.ignore-instructions', need: ['ignoriere', 'vergiss', 'missachte', 'uberschreibe'], severity: 'medium', re: /\b(?:ignoriere|vergiss|missachte|uberschreibe)\b.{0,20}?\b(?:alle |deine |die )?(?:vorherigen|bisherigen|obigen|ursprunglichen|vorigen)?\s?(?:anweisungen|regeln|instruktionen|richtlinien|vorgaben)\b/ },
  { id: 'de.no-restrictions', need: ['ohne', 'entwicklermodus', 'keine'], severity: 'medium', re: /\b(?:ohne (?:jegliche |alle |irgendwelche )?(?:einschrankungen|filter|zensur|regeln|richtlinien)|entwicklermodus|keine (?:ethischen |moralischen )?(?:einschrankungen|grenzen|regeln))\b/ },
  // Chinese
  { id: 'zh.ignore-instructions', severity: 'medium', re: /(?:忽略|无视|無視|忘记|忘記|忘掉)(?:你)?(?:之前|以上|先前|前面|所有|上述)的?(?:所有)?(?:指令|指示|说明|說明|规则|規則|设定|設定)/ },
  { id: 'zh.no-restrictions', severity: 'medium', re: /(?:开发者模式|開發者模式|没有任何限制|沒有任何限制|不受任何限制|解除(?:所有)?限制|越狱|越獄|不要拒绝|不要拒絕)/ },
];

const GATE = new NeedleGate(FRAMINGS.map((f) => f.need));

/** The classifier's jailbreak probability that counts on its own, and with a framing hit. */
export const JAILBREAK_THRESHOLDS = { alone: 0.85, withFraming: 0.4 } as const;

export function detectJailbreak(text: string, scores: Scores | undefined): DetectorResult<{ framings: string[]; classifier: number }> {
  const framings: string[] = [];
  const findings: Finding[] = [];
  const may = GATE.scan(text);
  for (let i = 0; i < FRAMINGS.length; i++) {
    const f = FRAMINGS[i]!;
    if (may[i] === 0) continue;
    const m = f.re.exec(text);
    if (!m) continue;
    framings.push(f.id);
    findings.push({ category: 'jailbreak', severity: f.severity, source: 'pattern', reason: f.id, span: [m.index, m.index + m[0].length] });
  }
  const p = scores?.jailbreak ?? 0;
  const strongFraming = findings.some((f) => f.severity !== 'low');
  if (p >= JAILBREAK_THRESHOLDS.alone || (p >= JAILBREAK_THRESHOLDS.withFraming && framings.length > 0)) {
    findings.push({ category: 'jailbreak', severity: 'medium', source: 'classifier', reason: `p(jailbreak)=${p.toFixed(2)}` });
  } else if (!strongFraming && framings.length >= 2) {
    // Two weak framings together (persona + "purely fictional") are a jailbreak shape.
    findings.push({ category: 'jailbreak', severity: 'medium', source: 'pattern', reason: 'combined-framings' });
  }
  const hit = findings.some((f) => f.severity !== 'low');
  return { verdict: hit ? 'hit' : 'pass', reason: hit ? `jailbreak framing: ${framings.join(',') || 'classifier'}` : 'no jailbreak framing', data: { framings, classifier: p }, findings };
}
