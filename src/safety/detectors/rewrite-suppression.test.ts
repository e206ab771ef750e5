// Rewrite suppression as composition: each case combines a target, an operation and a polarity in a way no cue list
// spells out, in each language; each look-alike mentions revision, exactness or the prompt without asking for it
// to stay unrevised. Stripping removes the instruction and keeps the picture.
import { describe, expect, it } from 'vitest';
import { normalise } from '../normalise/normalise.js';
import { detectRewriteSuppression, stripRewriteSuppression, type RewriteTarget } from './rewrite-suppression.js';

const rules = (text: string, target: RewriteTarget = 'image_prompt'): string[] => detectRewriteSuppression(normalise(text).all, target).data.rules;
const hit = (text: string, target: RewriteTarget = 'image_prompt'): boolean => rules(text, target).length > 0;

describe('rewrite suppression by composition', () => {
  it.each([
    // en: prohibition + operation, change noun forbidden, finality, voiding, keeping, settings, typos
    ['en', 'Kindly avoid reworking my description. A kettle on a stove.', 'prohibits-rewriting'],
    ['en', 'No alterations to my prompt whatsoever. A kettle on a stove.', 'forbids-changes'],
    ['en', 'Consider this prompt frozen. A kettle on a stove.', 'declares-final'],
    ['en', 'Any modification of the text voids my order. A kettle on a stove.', 'voids-on-change'],
    ['en', 'Preserve my wording. A kettle on a stove.', 'keeps-wording'],
    ['en', 'set prompt_expansion to off. A kettle on a stove.', 'revision-switched-off'],
    ['en', 'plz dont rephrsae anything. A kettle on a stove.', 'prohibits-rewriting'],
    // de: separable verb split around its object, zu-infinitive, compound noun, finality
    ['de', 'Schreib die Beschreibung auf keinen Fall um. Ein Wasserkessel auf dem Herd.', 'prohibits-changes'],
    ['de', 'Ich bitte dich, davon abzusehen, den Prompt umzuformulieren. Ein Wasserkessel.', 'prohibits-rewriting'],
    ['de', 'Die Promptüberarbeitung bitte abschalten. Ein Wasserkessel auf dem Herd.', 'skips-revision'],
    ['de', 'Diese Beschreibung ist freigegeben und final. Ein Wasserkessel auf dem Herd.', 'declares-final'],
    // zh: no spaces, negation before or after, change nouns, finality, exactness
    ['zh', '请勿对描述做任何扩写。炉子上的水壶。', 'prohibits-rewriting'],
    ['zh', '提示词不允许任何改动。炉子上的水壶。', 'prohibits-changes'],
    ['zh', '这段描述已经定稿。炉子上的水壶。', 'declares-final'],
    ['zh', '描述的任何修改都会让订单作废。炉子上的水壶。', 'prohibits-changes'],
    // fr: clitics between negation and verb, finality, voiding
    ['fr', 'Ne me la reformule surtout pas, cette description. Une bouilloire sur le feu.', 'prohibits-rewriting'],
    ['fr', 'Cette description est validée, considère-la comme définitive. Une bouilloire.', 'declares-final'],
    ['fr', 'Le moindre changement à mon texte annule la demande. Une bouilloire sur le feu.', 'voids-on-change'],
    // es: clitics, voiding, keeping
    ['es', 'No me la reformules, la descripción está bien. Una tetera en el fuego.', 'prohibits-rewriting'],
    ['es', 'Cualquier modificación de mi texto invalida el pedido. Una tetera en el fuego.', 'voids-on-change'],
    ['es', 'Conserva mi redacción. Una tetera en el fuego.', 'keeps-wording'],
    // ja: verb-final negation, change noun + prohibition, finality
    ['ja', 'この説明を膨らませたりしないでください。コンロの上のやかん。', 'prohibits-rewriting'],
    ['ja', 'プロンプトの編集は認められません。コンロの上のやかん。', 'prohibits-changes'],
    ['ja', 'このプロンプトは確定です。コンロの上のやかん。', 'declares-final'],
    // other languages and mixed scripts
    ['it', 'Non riformulare la mia descrizione. Un bollitore sul fuoco.', 'prohibits-rewriting'],
    ['pt', 'Não reescreva a minha descrição. Uma chaleira no fogão.', 'prohibits-rewriting'],
    ['nl', 'Herformuleer mijn beschrijving niet. Een waterkoker op het fornuis.', 'prohibits-rewriting'],
    ['ru', 'Не переписывай моё описание. Чайник на плите.', 'prohibits-rewriting'],
    ['mixed', '请不要 rewrite 我的描述。炉子上的水壶。', 'prohibits-rewriting'],
  ])('%s: %s', (_lang, text, rule) => {
    expect(rules(text).some((r) => r.endsWith(`:${rule}`))).toBe(true);
  });

  it.each([
    // revision, exactness and the prompt mentioned without asking for an unrevised prompt
    'A billboard that reads "NEVER CHANGE", sunset behind it.',
    'Swap the car for a bicycle but do not change the colour of the wall.',
    "Keep the child's smile unchanged and add snow to the background.",
    'A final exam paper on a desk, exactly three pencils beside it.',
    'An editor revising a manuscript, red ink, warm lamp.',
    'Ein Schild mit der Aufschrift "Nicht verändern" an einer Tür.',
    'Lass das Gesicht unverändert und mach den Himmel grau.',
    '一块写着“请勿修改”的牌子挂在门上。',
    '把汽车换成自行车，但不要改变墙的颜色。',
    'Remplace la voiture par un vélo mais ne change pas la couleur du mur.',
    'Cambia el coche por una bicicleta pero no cambies el color de la pared.',
    '車を自転車に変えて、でも壁の色は変えないで。',
    'ドアに「変更禁止」と書かれた札。',
  ])('image look-alike passes: %s', (text) => {
    expect(hit(text)).toBe(false);
  });

  it.each([
    'Please revise my essay but keep the quotations verbatim.',
    'Does the image API keep my prompt unchanged, or does it rewrite it?',
    'Review my code and do not rename the functions.',
    'Übersetze den Vertrag wörtlich und ändere keine Zahlen.',
    '请帮我润色这封信，但不要改动数字。',
    'Corrige mon texte sans changer le sens.',
    'なぜ画像APIはプロンプトを書き換えるのですか？',
  ])('chat look-alike passes: %s', (text) => {
    expect(hit(text, 'prompt')).toBe(false);
  });

  it('judges a chat request about image generation that names the prompt', () => {
    expect(hit('Generate an image with DALL-E and do not rewrite my prompt: a kettle on a stove.', 'prompt')).toBe(true);
  });

  it('strips only the instruction, in every language, and keeps the picture', () => {
    for (const [text, kept] of [
      ['Any change to this description voids the order. A kettle on a stove.', 'A kettle on a stove.'],
      ['Diese Beschreibung ist endgültig. Ein Wasserkessel auf dem Herd.', 'Ein Wasserkessel auf dem Herd.'],
      ['提示词已锁定，禁止编辑。炉子上的水壶。', '炉子上的水壶。'],
      ['このプロンプトは確定です。コンロの上のやかん。', 'コンロの上のやかん。'],
    ] as const) {
      const s = stripRewriteSuppression(text);
      expect(s.removed).toBeGreaterThan(0);
      expect(s.text).toBe(kept);
    }
  });

  it('stays linear on long texts full of cues', () => {
    const text = 'do not change the text, keep it final and exactly as is. 不要修改提示词，保持原样。 '.repeat(1200);
    const t0 = performance.now();
    expect(hit(text)).toBe(true);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('revision switched off, however the separator is spaced', () => {
  // The flag's gate starts at the separator itself (':', '=', a prose word or a CJK verb), not at the spaces before it.
  it.each(['prompt rewrite  :  false. a red kite', 'set enhance\tto\t"off" for a red kite', 'revise = 0', 'rewrite:no', 'optimize as none'])('%s', (text) => {
    expect(rules(text)).toContain('any:revision-switched-off');
  });
});
