// Writes the dev split (never trained on) as one JSONL file for `warden eval safety --data`.
// Usage: npx tsx src/safety/train/write-dev.ts [--data DIR] [--out safety-dev.jsonl]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSplit, readJsonl } from './data.js';
import { DEFAULT_DATA_DIR } from './pool.js';

const arg = (name: string, dflt: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
};

const dataDir = arg('data', DEFAULT_DATA_DIR);
const out = arg('out', 'safety-dev.jsonl');
const { dev } = loadSplit(dataDir);
// Document-only payloads are never trained on; the eval places them inside a document.
const docs = readJsonl(join(dataDir, 'prompt_injection_document_only.jsonl'));
writeFileSync(out, [...dev, ...docs].map((r) => JSON.stringify(r)).join('\n') + '\n');
console.log(`wrote ${dev.length + docs.length} rows to ${out}`);
