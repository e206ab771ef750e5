// Builds the console client into dist/console/assets: one esbuild bundle (Preact, htm, uPlot inside), one CSS file, the page.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src/console/client');
const out = join(root, 'dist/console/assets');
mkdirSync(out, { recursive: true });

await build({
  entryPoints: [join(src, 'main.js')],
  bundle: true,
  format: 'esm',
  target: 'es2020',
  minify: true,
  legalComments: 'eof',
  outfile: join(out, 'app.js'),
  logLevel: 'warning',
});
const uplotCss = readFileSync(join(root, 'node_modules/uplot/dist/uPlot.min.css'), 'utf8');
writeFileSync(join(out, 'app.css'), `${uplotCss}\n${readFileSync(join(src, 'app.css'), 'utf8')}`);
copyFileSync(join(src, 'index.html'), join(out, 'index.html'));
