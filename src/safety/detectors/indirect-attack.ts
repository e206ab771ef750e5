// Indirect attack detector: instructions aimed at the model, hidden in documents, tool results or quoted content.
import type { Scores } from '../classifier/model.js';
import type { DetectorResult, Finding } from '../types.js';
import { detectAddressedInstruction } from './addressed-instruction.js';

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
  // An order about the reader's own answer: a document has no business shaping how the model replies.
  /\b(?:provide|render|give|deliver|present|format|modify|augment|enhance|encode|translate|remove|scramble|jumble|rearrange|group|replace|rewrite|express|structure|compose|conclude|begin|start|end|add|include|append|write|respond|reply|answer)\b[^.!?\n]{0,50}?\byour (?:response|reply|answer|responses|replies|answers|output)\b|\byour (?:response|reply|answer|output)'s\b/,
];

/** `documents`: text the model is asked to process (tool results, retrieved or quoted content), normalised. */
export function detectIndirectAttack(documents: readonly string[], scores?: readonly (Scores | undefined)[]): DetectorResult<{ hits: number }> {
  const findings: Finding[] = [];
  documents.forEach((doc, i) => {
    // The addressed-order shapes of user prompts (a note to the AI, a fake system label, code for the answer) as well.
    const hits = AIMED.filter((re) => re.test(doc)).length + detectAddressedInstruction(doc).findings.length;
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
