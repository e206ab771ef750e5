// The console's built client (index.html, app.js, app.css), read once into memory from dist/console/assets.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Asset {
  readonly body: Buffer;
  readonly type: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Built next to this module (dist/console/assets); from src/ (tests under tsx) the build output in dist/. */
export function defaultAssetDir(): string {
  const here = fileURLToPath(new URL('./assets/', import.meta.url));
  return existsSync(here) ? here : fileURLToPath(new URL('../../dist/console/assets/', import.meta.url));
}

/** Name → asset; empty when the client was not built (the console then says so instead of serving a blank page). */
export function loadAssets(dir = defaultAssetDir()): Map<string, Asset> {
  const out = new Map<string, Asset>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const type = TYPES[extname(name)];
    if (type) out.set(name, { body: readFileSync(join(dir, name)), type });
  }
  return out;
}
