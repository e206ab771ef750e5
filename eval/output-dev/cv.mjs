// Cross-validated output figures only (k-fold and leave-one-category-out), without the frozen unseen table, for
// tuning. Usage: npm run build --silent && WARDEN_SAFETY_DATA=/work/shared/data/safety node eval/output-dev/cv.mjs
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', '..', 'dist', 'safety');
const { evalOutputCv, formatOutputCv } = await import(join(dist, 'eval', 'output-eval.js'));
const dataDir = process.env.WARDEN_SAFETY_DATA ?? '/work/shared/data/safety';
console.log(formatOutputCv(evalOutputCv(dataDir)));
