// Azure AI Content Safety guard: text:analyze (harm severities 0/2/4/6) and text:shieldPrompt (attacks).
import type { Finding, HarmCategory, Severity } from '../types.js';
import { GuardError, postJson, type Guard } from './types.js';

export interface AzureContentSafetyOptions {
  readonly name?: string;
  /** e.g. https://<resource>.cognitiveservices.azure.com */
  readonly endpoint: string;
  readonly apiKey: string;
  readonly apiVersion?: string;
  /** Run text:shieldPrompt on prompts (default true). */
  readonly shieldPrompt?: boolean;
  /** Azure limits text:analyze to 10k characters and shieldPrompt to 10k in total. */
  readonly maxChars?: number;
}

const CATEGORY: Readonly<Record<string, HarmCategory>> = { Hate: 'hate', Sexual: 'sexual', Violence: 'violence', SelfHarm: 'self_harm' };

/** FourSeverityLevels: 0 safe, 2 low, 4 medium, 6 high (EightSeverityLevels rounds down into the same bands). */
export function azureSeverity(n: number): Severity {
  if (n >= 6) return 'high';
  if (n >= 4) return 'medium';
  if (n >= 2) return 'low';
  return 'safe';
}

export function azureContentSafety(o: AzureContentSafetyOptions): Guard {
  const name = o.name ?? 'azure';
  const base = o.endpoint.replace(/\/$/, '');
  const v = o.apiVersion ?? '2024-09-01';
  const headers = { 'ocp-apim-subscription-key': o.apiKey };
  const max = o.maxChars ?? 10_000;
  return {
    name,
    async check(input, signal) {
      const findings: Finding[] = [];
      const analyze = postJson(name, `${base}/contentsafety/text:analyze?api-version=${v}`, headers, { text: input.text.slice(0, max), outputType: 'FourSeverityLevels' }, signal);
      const shield =
        input.target !== 'output' && o.shieldPrompt !== false
          ? postJson(
              name,
              `${base}/contentsafety/text:shieldPrompt?api-version=${v}`,
              headers,
              { userPrompt: input.text.slice(0, max), documents: input.documents.map((d) => d.slice(0, max)) },
              signal,
            )
          : Promise.resolve(undefined);
      const [a, s] = await Promise.all([analyze, shield]);
      const cats = (a as { categoriesAnalysis?: { category?: string; severity?: number }[] }).categoriesAnalysis;
      if (!Array.isArray(cats)) throw new GuardError(name, 200, 'malformed', `${name}: no categoriesAnalysis`);
      for (const c of cats) {
        const cat = CATEGORY[c.category ?? ''];
        const sev = azureSeverity(c.severity ?? 0);
        if (cat && sev !== 'safe') findings.push({ category: cat, severity: sev, source: `guard:${name}`, reason: `${c.category}=${c.severity}` });
      }
      const matches = (a as { blocklistsMatch?: { blocklistName?: string }[] }).blocklistsMatch ?? [];
      for (const m of matches) findings.push({ category: 'custom_blocklists', severity: 'high', source: `guard:${name}`, reason: `blocklist ${m.blocklistName ?? '?'}` });
      if (s !== undefined) {
        const sp = s as { userPromptAnalysis?: { attackDetected?: boolean }; documentsAnalysis?: { attackDetected?: boolean }[] };
        if (!sp.userPromptAnalysis) throw new GuardError(name, 200, 'malformed', `${name}: no userPromptAnalysis`);
        if (sp.userPromptAnalysis.attackDetected) findings.push({ category: 'jailbreak', severity: 'high', source: `guard:${name}`, reason: 'shieldPrompt user prompt attack' });
        (sp.documentsAnalysis ?? []).forEach((d, i) => {
          if (d.attackDetected) findings.push({ category: 'indirect_attack', severity: 'high', source: `guard:${name}`, reason: `shieldPrompt document ${i} attack` });
        });
      }
      return findings;
    },
  };
}
