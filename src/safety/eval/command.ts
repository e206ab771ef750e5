// `warden eval safety --data FILE.jsonl [--json]`: the built-in checks' figures on labelled data.
import { parseArgs } from 'node:util';
import { evalSafetyFile, formatReport } from './eval-safety.js';

export async function evalSafetyCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { data: { type: 'string' }, json: { type: 'boolean' } } });
  if (!values.data) {
    process.stderr.write('usage: warden eval safety --data FILE.jsonl [--json]\n  FILE: one {"text","label":"unsafe|benign","kind"} object per line\n');
    return 2;
  }
  const r = evalSafetyFile(values.data);
  process.stdout.write((values.json ? JSON.stringify(r, null, 2) : formatReport(r)) + '\n');
  return 0;
}
