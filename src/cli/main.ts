#!/usr/bin/env -S node --max-old-space-size=512 --max-semi-space-size=8
// The `warden` CLI entry point.
import { run } from './run.js';

run(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`warden: ${(err as Error).message}\n`);
    process.exitCode = 1;
  },
);
