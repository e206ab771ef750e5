// `warden eval safety --data FILE.jsonl [--json]` (figures on labelled rows) or `--loso [--data-dir DIR]` (held-out sources).
import { defineCommand, UsageError } from '../../cli/spec.js';
import { dataAvailable, DEFAULT_DATA_DIR } from '../train/pool.js';
import { DEFAULT_TRAIN } from '../train/train.js';
import { evalSafetyFile, formatReport } from './eval-safety.js';
import { formatLoso, loso } from './loso.js';

export const evalSafetyCommand = defineCommand({
  summary: "The built-in safety checks' figures: on a labelled file (--data), or leave-one-source-out over the shared data (--loso: train without each source family, score it).",
  options: {
    data: { type: 'string', value: 'FILE.jsonl', description: 'labelled rows, one {"text","label":"unsafe|benign","kind"} object per line' },
    loso: { type: 'boolean', description: 'leave-one-source-out evaluation (retrains once per family; minutes)' },
    'data-dir': { type: 'string', value: 'DIR', description: 'the shared safety data for --loso (default $WARDEN_SAFETY_DATA or shared/data/safety beside the checkout or above it)' },
    epochs: { type: 'string', value: 'N', description: `training epochs for --loso (default ${DEFAULT_TRAIN.epochs})` },
    family: { type: 'string', multiple: true, value: 'NAME', description: 'with --loso: only this held-out family (repeatable)' },
    json: { type: 'boolean', description: 'print the figures as JSON' },
  },
  async run(values) {
    if (values.loso) {
      const dataDir = values['data-dir'] ?? DEFAULT_DATA_DIR;
      if (!dataAvailable(dataDir)) {
        process.stderr.write(`safety data not found in ${dataDir} (give --data-dir or set WARDEN_SAFETY_DATA)\n`);
        return 2;
      }
      const epochs = Number(values.epochs ?? DEFAULT_TRAIN.epochs);
      if (!Number.isInteger(epochs) || epochs < 1) throw new UsageError('--epochs must be a positive integer');
      const r = loso({ dataDir, epochs, ...(values.family ? { families: values.family } : {}), log: (l) => process.stderr.write(`${l}\n`) });
      process.stdout.write((values.json ? JSON.stringify(r, null, 2) : formatLoso(r)) + '\n');
      return 0;
    }
    if (!values.data) throw new UsageError('give --data FILE.jsonl or --loso');
    const r = evalSafetyFile(values.data);
    process.stdout.write((values.json ? JSON.stringify(r, null, 2) : formatReport(r)) + '\n');
    return 0;
  },
});
