// Removes characters that render as nothing (zero-width, bidi, tags, variation selectors) and recovers tag-smuggled ASCII.

// Zero-width and format characters, bidi embeddings/isolates/marks, soft hyphen, Mongolian vowel separator, Hangul fillers.
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB]|\uDB40[\uDC00-\uDDEF]/g;
// Unicode tag characters U+E0000–E007F encode ASCII invisibly ("ASCII smuggling").
const TAGS = /\uDB40[\uDC00-\uDC7F]/g;

export interface InvisibleResult {
  readonly text: string;
  readonly removed: number;
  /** ASCII that was hidden in tag characters, if any. */
  readonly smuggled: string;
}

export function stripInvisible(s: string): InvisibleResult {
  let smuggled = '';
  if (s.includes('\uDB40')) {
    for (const m of s.matchAll(TAGS)) {
      const cp = m[0].codePointAt(0)! - 0xe0000;
      if (cp >= 0x20 && cp < 0x7f) smuggled += String.fromCharCode(cp);
    }
  }
  let removed = 0;
  const text = s.replace(INVISIBLE, () => {
    removed++;
    return '';
  });
  return { text, removed, smuggled };
}
