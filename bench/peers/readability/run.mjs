// Readability.js (on linkedom) timed the way bench/extract_speed_eval.cc
// times dateline, so bench/run_clean_speed.sh can print one ratio.
//
// Usage: node run.mjs DIR [--repeat R] [--dump FILE.json]
//
// Reads every *.html file of DIR into memory first (UTF-8), then times
// parse-with-linkedom + new Readability(document).parse() over all pages, R
// passes, and prints one JSON line: pages, bytes, the best and median pass
// times, pages/s and MB/s (MB = 10^6 bytes of UTF-8 page) of the best pass.
// --dump writes {id: {articleBody: textContent}}, the upstream benchmark's
// prediction format, so bench/aeb_eval --predictions can score the peer.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

function usage() {
  console.error('usage: node run.mjs DIR [--repeat R] [--dump FILE.json]');
  process.exit(2);
}

const args = process.argv.slice(2);
let dir = null;
let repeat = 5;
let dump = null;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--repeat' || args[i] === '-r') repeat = parseInt(args[++i], 10);
  else if (args[i] === '--dump') dump = args[++i];
  else if (args[i].startsWith('-')) usage();
  else dir = args[i];
}
if (!dir || !(repeat > 0)) usage();

const names = readdirSync(dir).filter((n) => n.endsWith('.html')).sort();
const pages = names.map((n) => ({
  id: n.slice(0, -'.html'.length),
  html: readFileSync(join(dir, n), 'utf8'),
}));
if (pages.length === 0) {
  console.error(`run.mjs: no .html files in ${dir}`);
  process.exit(2);
}
const bytes = pages.reduce((sum, p) => sum + Buffer.byteLength(p.html, 'utf8'), 0);

// Extracts one page; returns the article's textContent ('' when Readability
// finds nothing or throws, which counts as an error).
function extract(html) {
  const { document } = parseHTML(html);
  const article = new Readability(document).parse();
  return article && article.textContent ? article.textContent : '';
}

const seconds = [];
let errors = 0;
let textChars = 0;
const predictions = {};
for (let r = 0; r < repeat; r++) {
  errors = 0;
  textChars = 0;
  const start = process.hrtime.bigint();
  for (const page of pages) {
    let text = '';
    try {
      text = extract(page.html);
    } catch (e) {
      errors++;
    }
    textChars += text.length;
    if (dump && r === 0) predictions[page.id] = { articleBody: text };
  }
  seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
}
if (dump) writeFileSync(dump, JSON.stringify(predictions, null, 1));

const sorted = [...seconds].sort((a, b) => a - b);
const best = sorted[0];
const mid = sorted.length >> 1;
const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
console.log(JSON.stringify({
  tool: 'readability.js',
  versions: {
    readability: JSON.parse(readFileSync(new URL('./node_modules/@mozilla/readability/package.json', import.meta.url))).version,
    linkedom: JSON.parse(readFileSync(new URL('./node_modules/linkedom/package.json', import.meta.url))).version,
    node: process.versions.node,
  },
  pages: pages.length,
  bytes,
  repeat,
  best_s: best,
  median_s: median,
  pages_per_s: pages.length / best,
  mb_per_s: bytes / 1e6 / best,
  errors,
  text_chars: textChars,
}));
