// `warden eval safety --data FILE.jsonl [--json]` (figures on labelled rows) or `--loso [--data-dir DIR]` (held-out sources).
import { defineCommand, UsageError } from '../../cli/spec.js';
import { dataAvailable, DEFAULT_DATA_DIR } from '../train/pool.js';
import { DEFAULT_TRAIN } from '../train/train.js';
import { evalSafetyFile, formatReport } from './eval-safety.js';
import { formatLoso, loso } from './loso.js';
import { evalOutputCv, evalOutputUnseen, formatOutputCv, formatOutputUnseen } from './output-eval.js';

export const evalSafetyCommand = defineCommand({
  summary:
    "The built-in safety checks' figures: on a labelled file (--data), leave-one-source-out over the shared data (--loso: train without each source family, score it), or the output checks alone (--output).",
  options: {
    data: { type: 'string', value: 'FILE.jsonl', description: 'labelled rows, one {"text","label":"unsafe|benign","kind"} object per line' },
    loso: { type: 'boolean', description: 'leave-one-source-out evaluation (retrains once per family; minutes)' },
    'data-dir': { type: 'string', value: 'DIR', description: 'the shared safety data for --loso (default $WARDEN_SAFETY_DATA or shared/data/safety beside the checkout or above it)' },
    epochs: { type: 'string', value: 'N', description: `training epochs for --loso (default ${DEFAULT_TRAIN.epochs})` },
    family: { type: 'string', multiple: true, value: 'NAME', description: 'with --loso: only this held-out family (repeatable)' },
    output: { type: 'boolean', description: 'output checks only: cross-validated per category, then the frozen unseen output set per language (seconds)' },
    json: { type: 'boolean', description: 'print the figures as JSON' },
  },
  async run(values) {
    if (values.output) {
      const dataDir = values['data-dir'] ?? DEFAULT_DATA_DIR;
      const cv = evalOutputCv(dataDir);
      const unseen = evalOutputUnseen();
      process.stdout.write((values.json ? JSON.stringify({ cv, unseen }, null, 2) : `${formatOutputCv(cv)}\n\n${formatOutputUnseen(unseen)}`) + '\n');
      return 0;
    }
    if (values.loso) {
      const dataDir = values['data-dir'] ?? DEFAULT_DATA_DIR;
      if (!dataAvailable(dataDir)) {
        process.stderr.write(`safety data not found in ${dataDir} (give --data-dir or set WARDEN_SAFETY_DATA)\n`);
        return 2;
      }
      const epochs = Number(values.epochs ?? DEFAULT_TRAIN.epochs);
      if (!Number.isInteger(epochs) || epochs < 1) throw new UsageError('--epochs must be a positive integer');
      const r = loso({ dataDir, epochs, ...(values.family ? { families: values.family } : {}), log: (l) => process.stderr.write(`${l}\n`) });
      // The output checks last: cross-validated, then the frozen unseen output set.
      const outputCv = values.family ? undefined : evalOutputCv(dataDir);
      const unseen = values.family ? undefined : evalOutputUnseen();
      const tail = outputCv && unseen ? `\n\n${formatOutputCv(outputCv)}\n\n${formatOutputUnseen(unseen)}` : '';
      process.stdout.write((values.json ? JSON.stringify({ ...r, outputCv, outputUnseen: unseen }, null, 2) : formatLoso(r) + tail) + '\n');
      return 0;
    }
    if (!values.data) throw new UsageError('give --data FILE.jsonl or --loso');
    const r = evalSafetyFile(values.data);
    process.stdout.write((values.json ? JSON.stringify(r, null, 2) : formatReport(r)) + '\n');
    return 0;
  },
});
