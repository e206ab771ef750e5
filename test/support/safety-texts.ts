// Every text of the shared safety data (all its .jsonl files, in file-name order), or none with a warning where the
// data is not present: for tests that check a mechanism over as many real prompts as there are.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonl } from '../../src/safety/train/data.js';
import { DEFAULT_DATA_DIR } from '../../src/safety/train/pool.js';

export function sharedSafetyTexts(dir = DEFAULT_DATA_DIR): string[] {
  if (!existsSync(dir)) {
    console.warn(`safety data not found in ${dir} (set WARDEN_SAFETY_DATA): checked over the written sets only`);
    return [];
  }
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => readJsonl(join(dir, f)).map((r) => r.text));
}
