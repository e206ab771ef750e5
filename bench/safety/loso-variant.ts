// Leave-one-source-out with the classifier's knobs changed, to compare variants before one becomes the default.
// Usage: npx tsx bench/safety/loso-variant.ts [--power 1] [--l2 1e-4] [--lang-prior 1] [--shift 0] [--epochs 12]
//        [--concepts 0] (no concept features, cues or framings: the classifier as before them)
//        [--family NAME]... [--json out.json]
import { writeFileSync } from 'node:fs';
import { CONCEPT_VALUE } from '../../src/safety/classifier/request-features.js';
import { CONCEPT_CUES } from '../../src/safety/detectors/harm.js';
import { CONCEPT_FRAMING } from '../../src/safety/detectors/jailbreak.js';
import { formatLoso, loso } from '../../src/safety/eval/loso.js';
import { DEFAULT_DATA_DIR } from '../../src/safety/train/pool.js';
import { DEFAULT_TRAIN, SOURCE_POWER, type TrainOptions } from '../../src/safety/train/train.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const num = (name: string, dflt: number): number => Number(arg(name) ?? dflt);
SOURCE_POWER.value = num('power', SOURCE_POWER.value);
(DEFAULT_TRAIN as { -readonly [K in keyof TrainOptions]: TrainOptions[K] }).l2 = num('l2', DEFAULT_TRAIN.l2);
(DEFAULT_TRAIN as { langPrior?: boolean }).langPrior = arg('lang-prior') === '1';
(DEFAULT_TRAIN as { benignShift?: number }).benignShift = num('shift', DEFAULT_TRAIN.benignShift ?? 0);
if (arg('concepts') === '0') {
  CONCEPT_VALUE.value = 0;
  CONCEPT_CUES.on = false;
  CONCEPT_FRAMING.on = false;
}
const families = process.argv.flatMap((a, i) => (a === '--family' && process.argv[i + 1] ? [process.argv[i + 1]!] : []));
console.error(`power ${SOURCE_POWER.value} l2 ${DEFAULT_TRAIN.l2} langPrior ${DEFAULT_TRAIN.langPrior} shift ${DEFAULT_TRAIN.benignShift}`);
const report = loso({ dataDir: DEFAULT_DATA_DIR, epochs: num('epochs', DEFAULT_TRAIN.epochs), ...(families.length ? { families } : {}), log: (l) => console.error(l) });
console.log(formatLoso(report));
const out = arg('json');
if (out) writeFileSync(out, JSON.stringify(report, null, 1));
