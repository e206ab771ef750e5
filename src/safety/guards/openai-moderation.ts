// OpenAI moderation guard: POST {baseUrl}/moderations → results[0].categories / category_scores.
import type { Category, Finding, Hazard, Severity } from '../types.js';
import { GuardError, postJson, type Guard } from './types.js';

export interface OpenAIModerationOptions {
  readonly name?: string;
  /** e.g. https://api.openai.com/v1 */
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly model?: string;
}

/** OpenAI category → our category and hazard. */
const MAP: Readonly<Record<string, { category: Category; hazard?: Hazard }>> = {
  hate: { category: 'hate', hazard: 'S10' },
  'hate/threatening': { category: 'hate', hazard: 'S10' },
  harassment: { category: 'hate', hazard: 'S10' },
  'harassment/threatening': { category: 'violence', hazard: 'S1' },
  sexual: { category: 'sexual', hazard: 'S12' },
  'sexual/minors': { category: 'sexual', hazard: 'S4' },
  violence: { category: 'violence', hazard: 'S1' },
  'violence/graphic': { category: 'violence', hazard: 'S1' },
  'self-harm': { category: 'self_harm', hazard: 'S11' },
  'self-harm/intent': { category: 'self_harm', hazard: 'S11' },
  'self-harm/instructions': { category: 'self_harm', hazard: 'S11' },
  illicit: { category: 'illicit', hazard: 'S2' },
  'illicit/violent': { category: 'violence', hazard: 'S9' },
};

/** Scores are probabilities; bands chosen so that `flagged: true` (OpenAI's own cut) lands at medium or above. */
export function scoreSeverity(score: number, flagged: boolean): Severity {
  if (score >= 0.8) return 'high';
  if (score >= 0.5 || flagged) return 'medium';
  if (score >= 0.2) return 'low';
  return 'safe';
}

export function openaiModeration(o: OpenAIModerationOptions): Guard {
  const name = o.name ?? 'openai';
  return {
    name,
    async check(input, signal) {
      const body = await postJson(
        name,
        `${o.baseUrl.replace(/\/$/, '')}/moderations`,
        { authorization: `Bearer ${o.apiKey}` },
        { model: o.model ?? 'omni-moderation-latest', input: input.text },
        signal,
      );
      const r = (body as { results?: { flagged?: boolean; categories?: Record<string, boolean>; category_scores?: Record<string, number> }[] }).results?.[0];
      if (!r || typeof r.category_scores !== 'object') throw new GuardError(name, 200, 'malformed', `${name}: no results[0].category_scores`);
      const findings: Finding[] = [];
      for (const [k, score] of Object.entries(r.category_scores)) {
        const m = MAP[k];
        if (!m || typeof score !== 'number') continue;
        const severity = scoreSeverity(score, r.categories?.[k] === true);
        if (severity !== 'safe') findings.push({ category: m.category, severity, ...(m.hazard ? { hazard: m.hazard } : {}), source: `guard:${name}`, reason: `${k}=${score.toFixed(2)}` });
      }
      return findings;
    },
  };
}
