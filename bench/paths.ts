// Where the benches find the product they measure: the repository's own build in dist/ (npm run build),
// whether a bench runs compiled from dist-bench/ or from source with tsx.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('bench: package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

/** The product build the whole-gateway benches start (cli/main.js, simulator/main.js). */
export const productDist = join(repositoryRoot(), 'dist');
/** This bench build's own directory (its compiled helpers, e.g. gateway/passthrough-main.js). */
export const benchDir = dirname(fileURLToPath(import.meta.url));
