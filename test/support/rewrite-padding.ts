// Hostile padding for the rewrite-suppression detector (issue #14): texts that use up a per-text budget with decoy cue
// words or decoy negated clauses before the real instruction near the end. Test and bench data only.

export type PaddingKind = 'cues' | 'negated' | 'repeated' | 'varied' | 'mixed';

const CUE_WORDS = ['change', 'exactly', 'edit', 'verbatim', 'enhance', 'revision', 'modify', 'final'];
const NOUNS = ['sky', 'tree', 'car', 'river', 'lamp', 'door', 'cloud', 'hill', 'road', 'boat', 'bird', 'wall'];
const ZH_DECOYS = ['不要改变天空的颜色。', '请勿修改树的形状。', '不要添加云。'];

/** Decoys of one kind, `size` characters long (cut at a decoy boundary), without any instruction about the prompt. */
export function padding(kind: PaddingKind, size: number): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const noun = NOUNS[i % NOUNS.length]!;
    const p =
      kind === 'cues'
        ? `${CUE_WORDS[i % CUE_WORDS.length]} `
        : kind === 'negated'
          ? `Do not change the ${noun}. `
          : kind === 'repeated'
            ? 'Do not change the sky. '
            : kind === 'varied'
              ? `Do not change the ${noun} ${i}. `
              : i % 3 === 2
                ? ZH_DECOYS[i % ZH_DECOYS.length]!
                : i % 3 === 1
                  ? `Keep the ${noun} exactly ${i} metres tall. `
                  : `Never modify the ${noun} colour ${i}. `;
    parts.push(p);
    n += p.length;
  }
  return parts.join('');
}

/** The real instruction in each language, naming the prompt (so it counts in a chat request about an image too). */
export const REAL_INSTRUCTIONS: Readonly<Record<'en' | 'de' | 'zh', string>> = {
  en: 'Do not rewrite my prompt.',
  de: 'Schreib meinen Prompt nicht um.',
  zh: '请勿改写我的提示词。',
};

/** An image request: the picture, `size` characters of decoys, then the instruction. */
export function paddedPrompt(kind: PaddingKind, size: number, instruction: string): string {
  const head = 'Generate an image of a kettle on a stove. ';
  return `${head}${padding(kind, size - head.length - instruction.length - 1)} ${instruction}`;
}
