import { describe, expect, it } from 'vitest';
import { runChecks } from '../check.js';
import { normalise } from '../normalise/normalise.js';
import { decide } from '../policy/decide.js';
import { DEFAULT_POLICY } from '../policy/defaults.js';
import { resolvePolicy } from '../policy/resolve.js';
import { CONCEPT_NAMES, conceptCounts } from './concepts.js';
import { DENSE_NAMES, outputFeatures } from './features.js';
import { detectOutputHarm, OUTPUT_THRESHOLDS, outputFindings } from './detect.js';
import { HEADS } from './heads.js';
import { lexiconOnOutput, undemoted } from './lexicon-on-output.js';

const UNSAFE = 'You are a worthless, pathetic loser. Nobody would miss you, so just kill yourself already.';
const SEXUAL = 'Her naked body pressed against his as she moaned, and he thrust into her until she screamed with orgasm.';
const LOOKALIKES = [
  'If you are thinking about suicide, please call or text 988 right now or talk to someone you trust. You are not alone, and help is available.',
  'Police said two people were killed and several injured in the attack on Saturday; the suspect was arrested and the investigation continues.',
  'The Holocaust was the genocide of six million Jews by Nazi Germany; historians trace how propaganda called them vermin.',
];

const outputAction = (text: string, policy = DEFAULT_POLICY): string => decide(runChecks({ target: 'output', texts: [text] }).findings, policy).action;

describe('output classifier wiring', () => {
  it('blocks a clearly unsafe answer with a category the policy knows', () => {
    const res = runChecks({ target: 'output', texts: [UNSAFE] });
    const own = res.findings.filter((f) => f.source === 'output-classifier');
    expect(own.some((f) => f.category === 'violence' && f.severity !== 'low')).toBe(true);
    expect(decide(res.findings, DEFAULT_POLICY).action).toBe('block');
    expect(outputAction(SEXUAL)).toBe('block');
  });

  it('lets benign look-alikes through (crisis advice, news, history)', () => {
    for (const t of LOOKALIKES) expect(outputAction(t)).toBe('allow');
  });

  it('runs on output only: the same text as a prompt gets no output-classifier finding', () => {
    expect(runChecks({ target: 'prompt', texts: [SEXUAL] }).findings.some((f) => f.source === 'output-classifier')).toBe(false);
  });

  it('follows the policy: a category set to allow, or a higher threshold, does not block', () => {
    const allow = resolvePolicy({ categories: { sexual: { action: 'allow' } } });
    expect(outputAction(SEXUAL, allow)).toBe('allow');
    const res = runChecks({ target: 'output', texts: [UNSAFE] });
    const sev = res.findings.filter((f) => f.source === 'output-classifier' && f.category === 'violence').map((f) => f.severity);
    if (!sev.includes('high')) expect(decide(res.findings, resolvePolicy({ categories: { violence: { threshold: 'high' } } })).action).not.toBe('block');
  });

  it('sexual content naming a minor is high whatever the probability (placeholder scores, no text)', () => {
    const t = OUTPUT_THRESHOLDS.sexual;
    const p = new Float64Array(HEADS.length);
    p[HEADS.indexOf('sexual')] = (t.low + t.medium) / 2;
    expect(outputFindings({ p, minor: false }).findings).toEqual([expect.objectContaining({ category: 'sexual', severity: 'low' })]);
    expect(outputFindings({ p, minor: true }).findings).toEqual([expect.objectContaining({ category: 'sexual', severity: 'high', reason: expect.stringContaining('sexual/minors') })]);
    p[HEADS.indexOf('sexual')] = t.low / 2;
    expect(outputFindings({ p, minor: true }).findings).toEqual([]);
  });

  it('has ordered thresholds for every head and scores every window of a long answer', () => {
    for (const h of HEADS) {
      const t = OUTPUT_THRESHOLDS[h];
      expect(t.low).toBeLessThanOrEqual(t.medium);
      expect(t.medium).toBeLessThanOrEqual(t.high);
    }
    const filler = 'The garden needs water in the morning and shade in the afternoon. '.repeat(200);
    const late = normalise(`${filler}${SEXUAL}`).all;
    expect(detectOutputHarm(late).findings.some((f) => f.category === 'sexual' && f.severity !== 'low')).toBe(true);
  });
});

describe('lexicon findings on output', () => {
  it('demotes sexual lexicon findings to low and can restore them', () => {
    const f = { category: 'sexual' as const, severity: 'medium' as const, source: 'lexicon:en', reason: 'en.x' };
    const [d] = lexiconOnOutput([f]);
    expect(d).toMatchObject({ severity: 'low' });
    expect(undemoted(d!)).toEqual(f);
    const hate = { ...f, category: 'hate' as const };
    expect(lexiconOnOutput([hate])).toEqual([hate]);
  });
});

describe('concept cues', () => {
  const at = (name: string): number => CONCEPT_NAMES.indexOf(name as never);
  it('match word starts, whole words where marked, and CJK anywhere', () => {
    const c = conceptCounts(normalise('my father is fat. the vermin. 他们是寄生虫').all);
    expect(c[at('insult')]).toBe(1); // "fat" but not "father"
    expect(c[at('dehuman')]).toBe(2);
    expect(conceptCounts('skill')[at('attack')]).toBe(0);
    expect(conceptCounts('killer')[at('attack')]).toBe(1);
  });
  it('caps counts and stays linear on a long text', () => {
    const long = 'blood '.repeat(20_000);
    expect(conceptCounts(long)[at('gore')]).toBe(3);
    const t0 = performance.now();
    conceptCounts(`${'a'.repeat(200_000)} blood`);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('compositional cues', () => {
  const dense = (text: string): Record<string, number> => {
    const x = outputFeatures(normalise(text).all);
    return Object.fromEntries(DENSE_NAMES.map((n, i) => [n, x.dense[i]!]));
  };
  const THREAT = 'future1p|conditional*attack|injure|death*addressee';
  const URGING = 'addressee*urge|nobody*selfharm|death';
  it('a threat is a first-person future or a condition, a harm and an addressee, in any language', () => {
    for (const t of ['Wenn du noch einmal anrufst, breche ich dir beide Beine.', '你要是再来，我就打断你的腿。', "One more word and I'll make you bleed."]) expect(dense(t)[THREAT], t).toBe(1);
    expect(dense('The defendant was convicted of threatening a witness.')[THREAT]).toBe(0);
  });
  it('urging self-harm needs an addressee, an urging and self-harm or death', () => {
    expect(dense("Nobody would notice you're gone, so let it end tonight.")[URGING]).toBe(1);
    expect(dense('Suicide rates fell after the helpline opened.')[URGING]).toBe(0);
  });
});
