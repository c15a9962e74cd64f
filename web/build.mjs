// Bundles the browser UI: web/src/main.js and what it imports (uPlot, sigma,
// graphology, d3-geo, topojson-client, world-atlas's country shapes, the
// stylesheets) into OUTDIR/app.js and OUTDIR/app.css, minified, with no
// source maps and nothing loaded at run time. Run by the build (CMakeLists.txt)
// after `npm ci` in web/. Usage: node build.mjs OUTDIR
import * as esbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.resolve(process.argv[2] || path.join(here, 'dist'));
const result = await esbuild.build({
  entryPoints: { app: path.join(here, 'src', 'main.js') },
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  outdir,
  loader: { '.json': 'json' },
  legalComments: 'eof',
  logLevel: 'warning',
  metafile: true,
});
for (const [file, out] of Object.entries(result.metafile.outputs)) {
  console.log(path.relative(process.cwd(), file) + ' ' + Math.round(out.bytes / 1024) + ' KB');
}
