// Browser test of `dateline serve`: ingests examples/pages/ (and the seed page
// when ../shared exists) into a temporary archive, starts the server on a
// free port, and drives Debian's chromium with Playwright: search, open an
// article, check that the highlights match the record's spans, check a bad
// query's error, the tables. Writes screenshots to /tmp.
// Usage: node ui_test.mjs path/to/dateline [path/to/chromium]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const dateline = path.resolve(process.argv[2] || path.join(root, 'build', 'dateline'));
const chromiumPath = process.argv[3] || '/usr/bin/chromium';
const shot = (name) => path.join(os.tmpdir(), 'dateline_ui_' + name + '.png');

// Waits until `view` has finished showing the state whose hash query (or
// article id) contains `part` (app.js sets data-loaded when done).
async function loaded(page, view, part) {
  await page.waitForFunction(([v, p]) => {
    const el = document.querySelector('#view-' + v);
    return el && el.dataset.loaded !== undefined && el.dataset.loaded.includes(p);
  }, [view, part]);
}

let failures = 0;
function check(ok, what) {
  console.log((ok ? 'ok   ' : 'FAIL ') + what);
  if (!ok) failures++;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline_ui_'));
const archive = path.join(tmp, 'a.db');
const seed = path.resolve(root, '..', 'shared', 'seed');
const inputs = [path.join(root, 'examples', 'pages')];
if (fs.existsSync(seed)) inputs.push(seed);
else console.log('note: ../shared/seed absent, testing on examples/pages only');

let server = null;
let context = null;
try {
  const ingest = spawnSync(dateline, ['ingest', '--archive', archive, '-q', ...inputs], { encoding: 'utf8' });
  if (ingest.status !== 0) throw new Error('ingest failed: ' + ingest.stderr);

  // Start the server on a free port and read the port from its first line.
  server = spawn(dateline, ['serve', '--archive', archive, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const base = await new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error('serve did not start: ' + err)), 15000);
    server.stderr.on('data', (d) => {
      err += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(err);
      if (m) { clearTimeout(timer); resolve('http://127.0.0.1:' + m[1] + '/'); }
    });
    server.on('exit', (code) => reject(new Error('serve exited ' + code + ': ' + err)));
  });
  console.log('server at ' + base);

  context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  const page = context.pages()[0] || await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  // Nothing but the server: no CDN, no network.
  const outside = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base)) return route.continue();
    outside.push(url);
    return route.abort();
  });

  await page.goto(base);
  await page.waitForSelector('#stats:not(:empty)');
  check(/\d+ articles/.test(await page.textContent('#stats')), 'stats line shows the article count');

  // Search: ranked results with marked snippets.
  const word = inputs.length > 1 ? 'Putin' : 'council';
  await page.fill('#q', word);
  await page.press('#q', 'Enter');
  await loaded(page, 'search', 'q=' + word);
  const hits = await page.$$eval('#results li', (lis) => lis.length);
  check(hits >= 1, `search "${word}" lists ${hits} result(s)`);
  const marks = await page.$$eval('#results li .snippet mark', (ms) => ms.map((m) => m.textContent));
  check(marks.some((m) => m.toLowerCase() === word.toLowerCase()), 'snippets mark the matched word: ' + marks.join(', '));
  check(page.url().includes('#search?q=' + word), 'the search is in the URL');
  await page.screenshot({ path: shot('search'), fullPage: true });

  // The article: its highlights are exactly the record's spans.
  await page.click('#results li a.title');
  await page.waitForFunction(() => location.hash.startsWith('#article/'));
  const id = decodeURIComponent(page.url().split('#article/')[1]);
  await loaded(page, 'article', id);
  const record = await (await fetch(base + 'api/articles/' + encodeURIComponent(id))).json();
  const title = await page.textContent('#article-title');
  check(title === record.title, 'article title: ' + title);
  const text = await page.$eval('#article-text', (d) => d.textContent);
  check(text === record.text, 'article shows the clean text unchanged');
  const covered = new Set();
  for (const e of record.entities || []) {
    for (const [b, en] of e.mentions) for (let i = b; i < en; i++) covered.add(i);
  }
  const shown = await page.$$eval('#article-text span.ent', (ss) =>
    ss.reduce((n, s) => n + Array.from(s.textContent).length, 0));
  check(covered.size > 0 && shown === covered.size,
    `entity highlights cover ${shown} code points, the record's mentions ${covered.size}`);
  const ids = await page.$$eval('#article-text span[data-eid]', (ss) => [...new Set(ss.map((s) => s.dataset.eid))].sort());
  const want = (record.entities || []).filter((e) => e.mentions.length).map((e) => e.id).sort();
  check(JSON.stringify(ids) === JSON.stringify(want), `every entity is highlighted (${ids.length})`);
  // Each highlighted mention reads as in the record.
  const first = record.entities.find((e) => e.mentions.length);
  const cps = Array.from(record.text);
  const [b0, e0] = first.mentions[0];
  const firstShown = await page.$eval(`#article-text span[data-eid="${first.id}"]`, (s) => s.textContent);
  check(cps.slice(b0, e0).join('').startsWith(firstShown),
    `first mention of ${first.name} reads "${firstShown}"`);
  const types = await page.$$eval('#article-text span.ent', (ss) => [...new Set(ss.map((s) => s.className))]);
  check(types.some((c) => /ent-(PER|ORG|LOC|MISC)/.test(c)), 'highlights are coloured by type: ' + types.join(' | '));
  const nQuotes = (record.quotes || []).length;
  const nEvents = (record.events || []).filter((e) => e.trigger).length;
  if (nQuotes > 0) check(await page.$$eval('#article-text .quote', (s) => s.length) > 0, 'quotes highlighted');
  else console.log('note: the record has no quotes (quotes stage not built)');
  if (nEvents > 0) check(await page.$$eval('#article-text .trigger', (s) => s.length) > 0, 'event triggers highlighted');
  else console.log('note: the record has no events (events stage not built)');
  check(await page.$$eval('#article-entities li', (l) => l.length) === record.entities.length,
    'the side list names every entity');
  // Clicking an entity in the list marks its mentions.
  await page.click('#article-entities li');
  check(await page.$$eval('#article-text .focus', (s) => s.length) > 0, 'clicking an entity marks its mentions');
  await page.screenshot({ path: shot('article'), fullPage: true });

  // Quotes and events: the test adds a quote and an event of its own to the
  // record (served in place of the real one), so the drawing is checked on
  // spans it knows as well as on the stages' own.
  const layered = JSON.parse(JSON.stringify(record));
  const paras = [];
  for (let i = 0, start = 0; i <= cps.length; i++) {
    if (i === cps.length || (cps[i] === '\n' && cps[i + 1] === '\n')) { paras.push([start, i]); start = i + 2; }
  }
  const para = paras[Math.min(1, paras.length - 1)];
  const qspan = [para[0], Math.min(para[1], para[0] + 60)];
  const actor = first.mentions[0];
  let tb = actor[1];
  while (tb < cps.length && !/\p{L}/u.test(cps[tb])) tb++;
  let te = tb;
  while (te < cps.length && /[\p{L}]/u.test(cps[te])) te++;
  const slice = (sp) => cps.slice(sp[0], sp[1]).join('');
  layered.quotes = [...(record.quotes || []), { text: slice(qspan), span: qspan, kind: 'direct', cue: '',
    speaker: first.id, speaker_name: first.name, sentence: para }];
  layered.events = [...(record.events || []), { source: { name: first.name, code: 'TST', entity: first.id, span: actor },
    target: null, code: '010', root: '01', quad_class: 1, goldstein: 0, date: null, location: null, negated: false,
    hypothetical: false, sentence: para, evidence: slice([tb, te]), trigger: [tb, te] }];
  await page.route(base + 'api/articles/' + encodeURIComponent(id), (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(layered) }));
  await page.goto(base + '#search');
  await page.evaluate(() => { delete document.querySelector('#view-article').dataset.loaded; });
  await page.goto(base + '#article/' + encodeURIComponent(id));
  await loaded(page, 'article', id);
  const quoted = await page.$$eval('#article-text span.quote', (ss) => ss.map((s) => s.textContent).join(''));
  const lastQuote = layered.quotes[layered.quotes.length - 1];
  // The highlighted characters are exactly those inside some quote's span
  // (the record's own quotes and the one added here), in text order.
  const coveredText = (spans) => {
    const m = new Array(cps.length).fill(false);
    for (const [b, e] of spans) for (let i = b; i < e && i < cps.length; i++) m[i] = true;
    return cps.filter((_, i) => m[i]).join('');
  };
  check(lastQuote.text.length > 0 && quoted === coveredText(layered.quotes.map((q) => q.span)),
    'quotes highlighted at their spans: ' + lastQuote.text.slice(0, 40));
  const trig = await page.$$eval('#article-text span.trigger', (ss) => ss.map((s) => s.textContent).join(''));
  check(te > tb && trig === coveredText(layered.events.filter((e) => e.trigger).map((e) => e.trigger)),
    'event triggers highlighted at their spans: ' + trig.slice(0, 60));
  check(await page.$$eval('#article-text span.actor', (s) => s.length) > 0, 'event actor underlined');
  check((await page.textContent('#n-quotes')) === '(' + layered.quotes.length + ')' &&
    (await page.textContent('#n-events')) === '(' + layered.events.length + ')', 'side lists count quotes and events');
  check((await page.textContent('#article-text')) === record.text, 'text unchanged with every layer drawn');
  await page.click('#article-quotes li');
  await page.screenshot({ path: shot('article_layers'), fullPage: false });
  await page.unroute(base + 'api/articles/' + encodeURIComponent(id));

  // A malformed query is shown as the API's error, not a crash.
  await page.goto(base + '#search?q=' + encodeURIComponent('"unclosed'));
  await loaded(page, 'search', 'unclosed');
  const err = await page.textContent('#view-search .error');
  check(err.includes('bad full-text query'), 'bad query shows the error: ' + err.slice(0, 60));

  // Tables with filters.
  await page.click('nav a[data-view="entities"]');
  await loaded(page, 'entities', '');
  const nEnt = await page.$$eval('#entities-table tbody tr', (r) => r.length);
  check(nEnt > 0, `entities table lists ${nEnt} rows`);
  await page.selectOption('#entities-form select[name="type"]', 'LOC');
  await page.click('#entities-form button');
  await loaded(page, 'entities', 'type=LOC');
  const locTypes = await page.$$eval('#entities-table tbody tr td:nth-child(2)', (t) => [...new Set(t.map((c) => c.textContent))]);
  check(locTypes.length === 1 && locTypes[0] === 'LOC', 'type filter keeps places only');
  await page.click('nav a[data-view="events"]');
  await loaded(page, 'events', '');
  check(await page.isHidden('#view-events .error'), 'events table loads without error');
  await page.fill('#events-form input[name="code"]', 'abc');
  await page.click('#events-form button');
  await loaded(page, 'events', 'code=abc');
  check((await page.textContent('#view-events .error')).includes('not a CAMEO event code'), 'bad event code is refused');
  await page.click('nav a[data-view="quotes"]');
  await loaded(page, 'quotes', '');
  check(await page.isHidden('#view-quotes .error'), 'quotes table loads without error');

  check(pageErrors.length === 0, 'no script errors' + (pageErrors.length ? ': ' + pageErrors.join('; ') : ''));
  check(outside.length === 0, 'no request leaves the server' + (outside.length ? ': ' + outside.join(' ') : ''));
  console.log('screenshots: ' + shot('search') + ' ' + shot('article') + ' ' + shot('article_layers'));
} catch (e) {
  console.log('FAIL ' + (e.stack || e));
  failures++;
} finally {
  if (context) await context.close().catch(() => {});
  if (server) server.kill('SIGTERM');
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(failures ? failures + ' check(s) failed' : 'all checks passed');
process.exit(failures ? 1 : 0);
