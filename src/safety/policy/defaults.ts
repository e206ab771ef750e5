// The out-of-the-box policy: harm at medium and jailbreaks blocked, rewrite suppression stripped and flagged.
import type { SafetyPolicy } from './types.js';

export const DEFAULT_POLICY: SafetyPolicy = Object.freeze({
  categories: Object.freeze({
    hate: { threshold: 'medium', action: 'block' },
    sexual: { threshold: 'medium', action: 'block' },
    violence: { threshold: 'medium', action: 'block' },
    self_harm: { threshold: 'medium', action: 'block' },
    illicit: { threshold: 'medium', action: 'block' },
    jailbreak: { threshold: 'medium', action: 'block' },
    indirect_attack: { threshold: 'medium', action: 'block' },
    prompt_rewrite_suppression: { threshold: 'medium', action: 'strip' },
    obfuscation: { threshold: 'medium', action: 'flag' },
    custom_blocklists: { threshold: 'low', action: 'block' },
  }),
  guards: [],
  failMode: 'open',
  blocklists: [],
  // About 4-8 sentences: small enough that little unchecked text can reach a client, large enough to classify.
  streamWindowChars: 400,
  // A slow upstream still streams: held text waits at most this long (checked before release all the same).
  streamMaxHoldMs: 50,
  maxCheckedChars: 262_144,
  annotate: true,
  checkOutput: true,
  // Embeddings input is a prompt like any other: what would be blocked in a chat is blocked here too.
  embeddings: 'enforce',
  // Common clients (LangChain's OpenAIEmbeddings) send token ids by default: refusing them would break them.
  embeddingTokens: 'flag',
}) as SafetyPolicy;
