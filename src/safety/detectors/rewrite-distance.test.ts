// Rewrite suppression whose parts stand apart: a prohibition several words from its verb (verb-final German, passives
// and modal verbs, "under no circumstances … be revised"), participles, verdicts after the verb ("is not acceptable"),
// switches that turn verbatim use on; and the look-alikes those readings must leave alone (words shown on a sign, a
// copy of a painting, a picture's aspect ratio).
import { describe, expect, it } from 'vitest';
import { normalise } from '../normalise/normalise.js';
import { detectRewriteSuppression, stripRewriteSuppression } from './rewrite-suppression.js';

const rules = (text: string): string[] => detectRewriteSuppression(normalise(text).all, 'image_prompt').data.rules;
const hit = (text: string): boolean => rules(text).length > 0;

describe('a prohibition at a distance from its verb', () => {
  it.each([
    // German: modal + participle, separable verb split round its object, negation at the end of a long clause
    ['de', 'Meine Bildbeschreibung darf von niemandem auch nur ansatzweise abgeändert werden. Eine Eule im Mondlicht.'],
    ['de', 'Die Formulierung soll keinesfalls umgeschrieben werden. Eine Eule im Mondlicht.'],
    ['de', 'Pass den Wortlaut meiner Eingabe bitte nicht an. Eine Eule im Mondlicht.'],
    ['de', 'Verändere an der Beschreibung meines Bildes bitte überhaupt nichts. Eine Eule im Mondlicht.'],
    ['de', 'Am Prompt wird bitte nix gekürzt. Eine Eule im Mondlicht.'],
    ['de', 'Ändere an dem Text, den ich dir eben geschickt habe, bitte gar nichts. Eine Eule im Mondlicht.'],
    ['de', 'Den Prompt 1:1 übernehmen. Eine Eule im Mondlicht.'],
    // English, French, Spanish: passive far from its negation, a word of the text as the object, a verdict after the verb
    ['en', 'Under no circumstances should my description be reworded. An owl in moonlight.'],
    ['en', 'Altering a single word of it is not acceptable. An owl in moonlight.'],
    ['fr', 'Ma description ne doit en aucun cas être remaniée. Un hibou au clair de lune.'],
    ['es', 'Tocar una sola palabra de mi descripción no está permitido. Un búho a la luz de la luna.'],
    // Japanese, Chinese: a refusal after the verb, "not a revised version"
    ['ja', '説明を少しでも変えることは受け入れられません。月明かりのフクロウ。'],
    ['zh', '请用我的提示词，不是优化后的版本。月光下的猫头鹰。'],
    // Russian stems that fold to Latin letters on their own ("трога*")
    ['ru', 'Не трогай моё описание. Сова в лунном свете.'],
  ])('%s: %s', (_lang, text) => {
    expect(hit(text)).toBe(true);
  });

  it.each([
    // the same words about the picture, on a sign, or with no text named
    'Der Hintergrund darf auf keinen Fall verändert werden, nur der Himmel wird lila.',
    'Ein Leuchtschild mit dem Schriftzug NICHT UMSCHREIBEN über einer Bar.',
    'A wall poster with the words DO NOT ALTER in red.',
    'Paint an exact copy of the Night Watch, but with cats.',
    'Ein Plakat im Format 16:9, Farben nicht verändern.',
    'Nothing in the room should be modified, only the lighting.',
    'Pass die Größe des Hundes nicht an, er soll klein bleiben.',
  ])('look-alike passes: %s', (text) => {
    expect(hit(text)).toBe(false);
  });

  it('strips a sentence holding a ratio whole, and keeps the picture', () => {
    const s = stripRewriteSuppression('Ein Hund im Format 16:9. Den Prompt bitte 1:1 übernehmen. Ein Hund am Meer.');
    expect(s.removed).toBe(1);
    expect(s.text).toBe('Ein Hund im Format 16:9. Ein Hund am Meer.');
  });
});

describe('settings that name the prompt or turn verbatim use on', () => {
  it.each(['{"prompt_anpassen": false} eine Eule', '{"修改提示词": false} 猫头鹰', '{"keep_prompt_verbatim": true} an owl', 'raw_prompt = on. an owl', 'no_rewrite: yes'])('%s', (text) => {
    expect(rules(text)).toContain('any:revision-switched-off');
  });

  it.each(['{"edit": false, "hdr": true} an owl', '{"keep_aspect": true} an owl'])('not a rewrite setting: %s', (text) => {
    expect(hit(text)).toBe(false);
  });
});

describe('swapped letters in a change verb', () => {
  it('reads "chnage" as "change" but not "charge"', () => {
    expect(hit('Do not chnage my prompt. An owl.')).toBe(true);
    expect(hit('Do not charge my prompt. An owl.')).toBe(false);
  });
});
