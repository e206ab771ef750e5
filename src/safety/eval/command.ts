// `warden eval safety --data FILE.jsonl [--json]` (figures on labelled rows) or `--loso [--data-dir DIR]` (held-out sources).
import { parseArgs } from 'node:util';
import { dataAvailable, DEFAULT_DATA_DIR } from '../train/pool.js';
import { DEFAULT_TRAIN } from '../train/train.js';
import { evalSafetyFile, formatReport } from './eval-safety.js';
import { formatLoso, loso } from './loso.js';

const USAGE = `usage: warden eval safety --data FILE.jsonl [--json]
         FILE: one {"text","label":"unsafe|benign","kind"} object per line
       warden eval safety --loso [--data-dir DIR] [--epochs N] [--family NAME ...] [--json]
         DIR: the shared safety data (default $WARDEN_SAFETY_DATA or /work/shared/data/safety)
`;

export async function evalSafetyCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { data: { type: 'string' }, json: { type: 'boolean' }, loso: { type: 'boolean' }, 'data-dir': { type: 'string' }, epochs: { type: 'string' }, family: { type: 'string', multiple: true } },
  });
  if (values.loso) {
    const dataDir = values['data-dir'] ?? DEFAULT_DATA_DIR;
    if (!dataAvailable(dataDir)) {
      process.stderr.write(`safety data not found in ${dataDir} (give --data-dir or set WARDEN_SAFETY_DATA)\n`);
      return 2;
    }
    const epochs = Number(values.epochs ?? DEFAULT_TRAIN.epochs);
    if (!Number.isInteger(epochs) || epochs < 1) {
      process.stderr.write('--epochs must be a positive integer\n');
      return 2;
    }
    const r = loso({ dataDir, epochs, ...(values.family ? { families: values.family } : {}), log: (l) => process.stderr.write(`${l}\n`) });
    process.stdout.write((values.json ? JSON.stringify(r, null, 2) : formatLoso(r)) + '\n');
    return 0;
  }
  if (!values.data) {
    process.stderr.write(USAGE);
    return 2;
  }
  const r = evalSafetyFile(values.data);
  process.stdout.write((values.json ? JSON.stringify(r, null, 2) : formatReport(r)) + '\n');
  return 0;
}
