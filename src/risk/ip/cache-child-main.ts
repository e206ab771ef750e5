// Child entry: parse the bundled CSVs and write the binary cache. Args: asnDir ccDir cacheFile.
// Prints nothing; the exit status is the answer (0 written, 1 not written, 2 bad args, 3 parse failed).
import { writeCache } from './db-cache.js';
import { loadIpDbFrom } from './load-db.js';

function run(args: readonly string[]): number {
  const [asnDir, ccDir, file] = args;
  if (args.length !== 3 || !asnDir || !ccDir || !file) return 2;
  let db;
  try {
    db = loadIpDbFrom(asnDir, ccDir);
  } catch {
    return 3;
  }
  return writeCache(file, db) ? 0 : 1;
}

process.exitCode = run(process.argv.slice(2));
