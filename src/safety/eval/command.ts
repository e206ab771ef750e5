// `warden eval safety --data FILE.jsonl [--json]`: the built-in checks' figures on labelled data.
import { defineCommand, UsageError } from '../../cli/spec.js';
import { evalSafetyFile, formatReport } from './eval-safety.js';

export const evalSafetyCommand = defineCommand({
  summary: 'The built-in safety checks\' figures on labelled data (one {"text","label":"unsafe|benign","kind"} object per line).',
  options: {
    data: { type: 'string', value: 'FILE.jsonl', description: 'the labelled data (required)' },
    json: { type: 'boolean', description: 'print the figures as JSON' },
  },
  async run(values) {
    if (!values.data) throw new UsageError('--data FILE.jsonl is required');
    const r = evalSafetyFile(values.data);
    process.stdout.write((values.json ? JSON.stringify(r, null, 2) : formatReport(r)) + '\n');
    return 0;
  },
});
