// Indirect attack detector: instructions aimed at the model, hidden in documents, tool results or quoted content.
import type { Scores } from '../classifier/model.js';
import type { DetectorResult, Finding } from '../types.js';

const AIMED = [
  /\b(?:ignore|disregard|forget)\b.{0,30}?\b(?:instructions?|rules|prompts?|the user|the above|everything)\b/,
  /\b(?:in|to|into) (?:your|the) (?:response|reply|answer|output|summary)\b/,
  /\b(?:when|if) (?:you|the (?:ai|assistant|model)) (?:summari[sz]e|read|process|respond|answer|reply)\b/,
  /\b(?:assistant|ai|chatbot|model|llm)\s*[:,]\s*(?:please |you must |now )?(?:ignore|say|respond|reply|output|send|tell|add|include|write|print)\b/,
  /\b(?:(?:add|include|insert|append|prepend|put) (?:a |an |the )?(?:sentence|line|link|url|message|note|statement|phrase|code|snippet|headline|reference)|encode your (?:response|reply|answer))\b/,
  /\b(?:instead|from now on),? (?:you (?:should|must|will)|respond|reply|answer|say)\b/,
  /\b(?:system|admin(?:istrator)?|developer) (?:message|note|instruction|override)\s*:/,
  /\b(?:send|forward|exfiltrate|upload|post) (?:the |all |any )?(?:user'?s? )?(?:data|conversation|history|credentials|cookies|passwords?|files?|emails?) to\b/,
  /!\[[^\]]*\]\(https?:\/\/[^)]*\?[^)]*=/, // markdown image beacon with a query string: a data-exfiltration shape
];

/** `documents`: text the model is asked to process (tool results, retrieved or quoted content), normalised. */
export function detectIndirectAttack(documents: readonly string[], scores?: readonly (Scores | undefined)[]): DetectorResult<{ hits: number }> {
  const findings: Finding[] = [];
  documents.forEach((doc, i) => {
    const hits = AIMED.filter((re) => re.test(doc)).length;
    const p = scores?.[i]?.injection ?? 0;
    if (hits > 0 || p >= 0.8) {
      findings.push({
        category: 'indirect_attack',
        severity: hits > 0 || p >= 0.9 ? 'medium' : 'low',
        source: hits > 0 ? 'pattern' : 'classifier',
        reason: hits > 0 ? `document ${i}: ${hits} instruction pattern(s)` : `document ${i}: p(injection)=${p.toFixed(2)}`,
      });
    }
  });
  const hit = findings.some((f) => f.severity !== 'low');
  return { verdict: hit ? 'hit' : 'pass', reason: hit ? 'instructions inside a document' : 'none', data: { hits: findings.length }, findings };
}
