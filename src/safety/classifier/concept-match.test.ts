// The trie concept matcher counts exactly what the plain definition counts: per concept, the positions where one of
// its entries starts (Latin entries at word starts, whole words where marked; CJK entries anywhere), capped.
import { describe, expect, it } from 'vitest';
import { goldenCases } from '../golden/corpus.js';
import { fold } from '../normalise/fold.js';
import { normalise } from '../normalise/normalise.js';
import { CONCEPTS } from '../output/concepts.js';
import { conceptMatcher, MAX_COUNT } from './concept-match.js';
import { REQUEST_CONCEPTS } from './request-concepts.js';

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;
const LETTER = /\p{L}|\p{N}/u;

function isWord(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff)) return true;
  return LETTER.test(text[i]!);
}

/** The matcher as first written: entries tried one by one at each position (keyed by their first code units). */
function reference(concepts: Readonly<Record<string, readonly string[]>>): (text: string) => Uint8Array {
  const names = Object.keys(concepts);
  const key = (t: string, i: number) => t.charCodeAt(i) * 65536 + (i + 1 < t.length ? t.charCodeAt(i + 1) : 0);
  const latin = new Map<number, { text: string; concept: number; whole: boolean }[]>();
  const wide = new Map<number, { text: string; concept: number; whole: boolean }[]>();
  names.forEach((name, concept) => {
    for (const raw of new Set(concepts[name]!.flatMap((l) => l.split('|')))) {
      const whole = raw.endsWith('$');
      const text = fold(whole ? raw.slice(0, -1) : raw).text;
      if (text.length === 0) continue;
      const [map, k] = CJK.test(text) ? [wide, text.charCodeAt(0)] : [latin, key(text, 0)];
      map.set(k, [...(map.get(k) ?? []), { text, concept, whole: whole && map === latin }]);
    }
  });
  return (text) => {
    const out = new Uint8Array(names.length);
    const seen = new Int32Array(names.length).fill(-1);
    const tryAll = (at: number, entries: { text: string; concept: number; whole: boolean }[] | undefined) => {
      for (const e of entries ?? []) {
        if (seen[e.concept] === at || out[e.concept]! >= MAX_COUNT || !text.startsWith(e.text, at)) continue;
        if (e.whole && isWord(text, at + e.text.length)) continue;
        out[e.concept]!++;
        seen[e.concept] = at;
      }
    };
    let prev = false;
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) >= 0x3040) tryAll(i, wide.get(text.charCodeAt(i)));
      const w = isWord(text, i);
      if (w && !prev) tryAll(i, latin.get(key(text, i)));
      prev = w;
    }
    return out;
  };
}

const EDGES = [
  '',
  'a',
  'bomb',
  'bomb\u0000',
  'xbomb bomb$ bombe',
  'killing skill kill kill kill kill',
  'gun guns gunpowder gun',
  '如何制造炸弹 爆弾を作る 炸药炸药炸药炸药',
  'comment faire comment  commentaire',
  'aiさん ki-agent Ki agent',
  'how to\nhow to\u3000how to',
  'méth meth$ meth',
  'ｈｏｗ ｔｏ',
];

describe('concept matcher', () => {
  const sets: [string, Readonly<Record<string, readonly string[]>>][] = [
    ['request', REQUEST_CONCEPTS],
    ['output', CONCEPTS],
  ];
  it.each(sets)('%s concepts: counts as the plain definition does on edge cases and random splices', (_n, concepts) => {
    const fast = conceptMatcher(concepts);
    const slow = reference(concepts);
    for (const t of EDGES) expect([...fast(t)], t).toEqual([...slow(t)]);
    // Entries cut at every offset: word starts inside words, entries running off the end, whole-word checks at the end.
    const entries = Object.values(concepts)
      .flatMap((ls) => ls.flatMap((l: string) => l.split('|')))
      .map((e) => fold(e.replace(/\$$/, '')).text);
    const text = entries.join(' x');
    for (let i = 0; i < 400; i++) {
      const a = (i * 7919) % text.length;
      const t = text.slice(a, a + (i % 60));
      expect([...fast(t)], t).toEqual([...slow(t)]);
    }
    expect([...fast(text)]).toEqual([...slow(text)]);
  });

  const cases = goldenCases();
  it.skipIf(cases.length === 0).each(sets)('%s concepts: counts as the plain definition does on the golden corpus', (_n, concepts) => {
    const fast = conceptMatcher(concepts);
    const slow = reference(concepts);
    let differ = 0;
    for (const c of cases.slice(0, 1500)) {
      const t = normalise(c.input.texts.join('\n')).all;
      if (fast(t).join() !== slow(t).join()) differ++;
    }
    expect(differ).toBe(0);
  });
});
