// Browser test of `dateline serve`: ingests examples/pages/, the test's own
// fixtures (web/test/fixtures: a page whose canonical URL is
// `javascript:alert(1)` and whose title, outlet and author carry markup; two
// copies of one wire story) and the seed page when ../shared exists into a
// temporary archive, starts the server on a free port, and drives Debian's
// chromium with Playwright through every view: search, article, the XSS
// page, events / quotes / entities / stories tables with paging, sorting and
// downloads, timeline, network, map, entity page, story page. Each view's
// assertions compare what is shown with what the API answers. Throughout: no
// script error, no console error, no CSP violation, no dialog, no request
// outside the server. Screenshots (1000x700) go to /tmp/dateline_ui_*.png.
// Usage: node ui_test.mjs path/to/dateline [path/to/chromium]   (DATELINE_UI_NO_SEED=1: without ../shared/seed)
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
const shots = [];

// The policy the server sends (docs/serve.md); when a server does not send
// one, the test adds it to the page, so the UI is always tried under it.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

// Waits until `view` has finished showing the state whose hash query (or
// id) contains `part` (the UI sets data-loaded when done).
async function loaded(page, view, part) {
  await page.waitForFunction(([v, p]) => {
    const el = document.querySelector('#view-' + v);
    return el && !el.hidden && el.dataset.loaded !== undefined && el.dataset.loaded.includes(p);
  }, [view, part], { timeout: 20000 });
}

// Opens `hash` in the page (after clearing the view's loaded mark, so that
// reopening the same state waits for the new rendering).
async function open(page, base, view, hash, part) {
  await page.evaluate((v) => { const e = document.querySelector('#view-' + v); if (e) delete e.dataset.loaded; }, view);
  // The same URL again is no hashchange: reload the page then.
  if (page.url() === base + hash) await page.reload();
  else await page.goto(base + hash);
  await loaded(page, view, part === undefined ? '' : part);
}

let failures = 0;
function check(ok, what) {
  console.log((ok ? 'ok   ' : 'FAIL ') + what);
  if (!ok) failures++;
}

async function snap(page, name, opts = {}) {
  await page.mouse.move(999, 699);  // no hover effect in the picture
  await page.screenshot({ path: shot(name), ...opts });
  shots.push(shot(name));
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline_ui_'));
const archive = path.join(tmp, 'a.db');
const seed = path.resolve(root, '..', 'shared', 'seed');
const fixtures = path.join(here, 'fixtures');
const inputs = [path.join(root, 'examples', 'pages'), fixtures];
// DATELINE_UI_NO_SEED=1 runs as on a machine without ../shared.
const haveSeed = fs.existsSync(seed) && !process.env.DATELINE_UI_NO_SEED;
if (haveSeed) inputs.push(seed);
else console.log('note: ../shared/seed absent, testing on examples/pages and the fixtures only');

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
  const getJson = async (p) => {
    const res = await fetch(base + p);
    const body = await res.json();
    if (!res.ok) throw new Error(p + ': ' + res.status + ' ' + JSON.stringify(body));
    return body;
  };

  context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--use-gl=angle', '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader'],
    viewport: { width: 1000, height: 700 },
    deviceScaleFactor: 1,
  });
  const page = context.pages()[0] || await context.newPage();
  const pageErrors = [], consoleErrors = [], cspViolations = [], dialogs = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  // A request the test makes fail on purpose (a bad filter) logs one
  // "Failed to load resource" error; `expectHttpErrors` counts those.
  let expectHttpErrors = 0;
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (expectHttpErrors > 0 && /^Failed to load resource: .* 400/.test(m.text())) { expectHttpErrors--; return; }
    consoleErrors.push(m.text());
  });
  page.on('dialog', (d) => { dialogs.push(d.type() + ': ' + d.message()); d.dismiss().catch(() => {}); });
  await page.exposeBinding('__cspViolation', (src, v) => cspViolations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolation(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
    });
  });
  // Nothing but the server: no CDN, no network. The page itself gets the
  // CSP above when the server sends none.
  const outside = [];
  let serverCsp = null;
  await page.route('**/*', async (route) => {
    const req = route.request();
    const url = req.url();
    if (!url.startsWith(base)) { outside.push(url); return route.abort(); }
    if (req.resourceType() !== 'document') return route.continue();
    const res = await route.fetch();
    const headers = res.headers();
    serverCsp = headers['content-security-policy'] || '';
    if (!serverCsp) headers['content-security-policy'] = CSP;
    return route.fulfill({ response: res, headers });
  });

  // --- stats and search -----------------------------------------------------
  await page.goto(base);
  await page.waitForSelector('#stats:not(:empty)');
  check(/\d+ articles/.test(await page.textContent('#stats')), 'stats line shows the article count');
  check(serverCsp && /script-src 'self'/.test(serverCsp) && !/unsafe/.test(serverCsp),
    'the server sends a strict CSP: ' + (serverCsp || '(none: the test adds one)'));

  const word = haveSeed ? 'Putin' : 'council';
  await page.fill('#q', word);
  await page.press('#q', 'Enter');
  await loaded(page, 'search', 'q=' + word);
  const hits = await page.$$eval('#results li', (lis) => lis.length);
  check(hits >= 1, `search "${word}" lists ${hits} result(s)`);
  const marks = await page.$$eval('#results li .snippet mark', (ms) => ms.map((m) => m.textContent));
  check(marks.some((m) => m.toLowerCase() === word.toLowerCase()), 'snippets mark the matched word: ' + marks.join(', '));
  check(page.url().includes('#search?q=' + word), 'the search is in the URL');

  // Plain text as people type it, facets, paging with totals.
  const api0 = await getJson('api/search?limit=3&facets=1');
  await open(page, base, 'search', '#search?limit=3', 'limit=3');
  const sum0 = await page.textContent('#view-search .summary');
  if (typeof api0.total === 'number') {
    check(sum0.includes('1–3 of ' + api0.total), 'search summary gives the page and the total: ' + sum0);
    check(await page.$$eval('#results li', (l) => l.length) === 3, 'a page of 3 results');
    await page.click('#view-search .pager a.page-next');
    await loaded(page, 'search', 'offset=3');
    const sum1 = await page.textContent('#view-search .summary');
    const api1 = await getJson('api/search?limit=3&offset=3');
    check(sum1.includes('4–' + (3 + api1.count) + ' of ' + api0.total), 'next page: ' + sum1);
    const titles = await page.$$eval('#results li a.title', (l) => l.map((a) => a.textContent));
    check(JSON.stringify(titles) === JSON.stringify(api1.rows.map((r) => r.title || '(no title)')),
      'the second page shows the API\'s rows 4-6');
    check(await page.$$eval('#view-search .pager a.page-prev', (l) => l.length) === 1, 'a previous link on page 2');
  } else {
    console.log('note: the server gives no `total`: paging untested');
    failures++;
  }
  if (api0.facets) {
    const outlets = await page.$$eval('#search-facets .facet-outlet li', (l) => l.length);
    check(outlets === api0.facets.outlet.length && outlets > 0, `outlet facet lists ${outlets} outlets`);
    const years = await page.$$eval('#search-facets .facet-year a', (l) => l.map((a) => a.textContent));
    check(JSON.stringify(years) === JSON.stringify(api0.facets.year.map((y) => String(y.value))), 'year facet: ' + years.join(' '));
  } else { console.log('FAIL the server gives no facets'); failures++; }
  if (haveSeed) {
    await open(page, base, 'search', '#search?q=U.S.', 'q=U.S.');
    check(await page.isHidden('#view-search .error') && await page.$$eval('#results li', (l) => l.length) >= 1,
      'searching "U.S." as typed finds the seed article');
  }
  await open(page, base, 'search', '#search?q=' + word, 'q=' + word);
  await snap(page, 'search');

  // --- the article: its highlights are exactly the record's spans ----------
  await page.click('#results li a.title');
  await page.waitForFunction(() => location.hash.startsWith('#article/'));
  const id = decodeURIComponent(page.url().split('#article/')[1]);
  await loaded(page, 'article', id);
  const record = await getJson('api/articles/' + encodeURIComponent(id));
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
  const first = record.entities.find((e) => e.mentions.length);
  const cps = Array.from(record.text);
  const [b0, e0] = first.mentions[0];
  const firstShown = await page.$eval(`#article-text span[data-eid="${first.id}"]`, (s) => s.textContent);
  check(cps.slice(b0, e0).join('').startsWith(firstShown), `first mention of ${first.name} reads "${firstShown}"`);
  const types = await page.$$eval('#article-text span.ent', (ss) => [...new Set(ss.map((s) => s.className))]);
  check(types.some((c) => /ent-(PER|ORG|LOC|MISC)/.test(c)), 'highlights are coloured by type: ' + types.join(' | '));
  const nQuotes = (record.quotes || []).length;
  const nEvents = (record.events || []).filter((e) => e.trigger).length;
  if (nQuotes > 0) check(await page.$$eval('#article-text .quote', (s) => s.length) > 0, 'quotes highlighted');
  if (nEvents > 0) check(await page.$$eval('#article-text .trigger', (s) => s.length) > 0, 'event triggers highlighted');
  check(await page.$$eval('#article-entities li', (l) => l.length) === record.entities.length,
    'the side list names every entity');
  await page.click('#article-entities li span.ent');
  check(await page.$$eval('#article-text .focus', (s) => s.length) > 0, 'clicking an entity marks its mentions');
  await snap(page, 'article');

  // Quotes and events drawn at spans the test knows: a quote and an event
  // of its own added to the record (served in place of the real one).
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
  const articleUrl = base + 'api/articles/' + encodeURIComponent(id);
  await page.route(articleUrl, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(layered) }));
  await open(page, base, 'article', '#article/' + encodeURIComponent(id), id);
  const quoted = await page.$$eval('#article-text span.quote', (ss) => ss.map((s) => s.textContent).join(''));
  const lastQuote = layered.quotes[layered.quotes.length - 1];
  const coveredText = (spans) => {
    const m = new Array(cps.length).fill(false);
    for (const [b, e] of spans) for (let i = b; i < e && i < cps.length; i++) m[i] = true;
    return cps.filter((_, i) => m[i]).join('');
  };
  check(lastQuote.text.length > 0 && quoted === coveredText(layered.quotes.filter((q) => q.span).map((q) => q.span)),
    'quotes highlighted at their spans: ' + lastQuote.text.slice(0, 40));
  const trig = await page.$$eval('#article-text span.trigger', (ss) => ss.map((s) => s.textContent).join(''));
  check(te > tb && trig === coveredText(layered.events.filter((e) => e.trigger).map((e) => e.trigger)),
    'event triggers highlighted at their spans: ' + trig.slice(0, 60));
  check(await page.$$eval('#article-text span.actor', (s) => s.length) > 0, 'event actor underlined');
  check((await page.textContent('#n-quotes')) === '(' + layered.quotes.length + ')' &&
    (await page.textContent('#n-events')) === '(' + layered.events.length + ')', 'side lists count quotes and events');
  check((await page.textContent('#article-text')) === record.text, 'text unchanged with every layer drawn');
  await page.click('#article-quotes li');
  await snap(page, 'article_layers');
  await page.unroute(articleUrl);

  // --- the XSS page: markup and a javascript: URL shown as inert text -------
  const xss = (await getJson('api/search?q=ferry&limit=5')).rows.find((r) => /onerror/.test(r.title || ''));
  check(!!xss, 'the XSS fixture was ingested');
  if (xss) {
    await open(page, base, 'search', '#search?q=ferry', 'q=ferry');
    const hitTitle = await page.$$eval('#results li a.title', (l) => l.map((a) => a.textContent));
    check(hitTitle.includes(xss.title), 'its title is listed as text: ' + xss.title.slice(0, 50));
    const r = await getJson('api/articles/' + encodeURIComponent(xss.id));
    check(r.url === null || r.url === 'javascript:alert(1)', 'the API gives its canonical URL as ' + JSON.stringify(r.url));
    // The UI's own defence, whatever the server keeps: the record as stored
    // in an archive that kept the javascript: URL.
    const xssUrl = base + 'api/articles/' + encodeURIComponent(xss.id);
    await page.route(xssUrl, (route) => route.fulfill({ status: 200, contentType: 'application/json',
      // The author too: the cleaner keeps only people's names from a page's
      // markup, but an archive fed JSON Lines keeps what the input says.
      body: JSON.stringify({ ...r, url: 'javascript:alert(1)', authors: ['<svg onload=alert(4)>'] }) }));
    await open(page, base, 'article', '#article/' + encodeURIComponent(xss.id), xss.id);
    check(await page.textContent('#article-title') === r.title, 'the title with <script> and <img onerror> reads as text');
    check(await page.$$eval('#view-article script, #view-article img, #view-article svg, #view-article iframe',
      (l) => l.length) === 0, 'no element made from the page\'s markup');
    check(await page.$$eval('[onerror], [onload], [onmouseover]', (l) => l.length) === 0, 'no event-handler attribute anywhere');
    const inert = await page.$$eval('#article-meta .inert-url', (l) => l.map((s) => s.tagName + ':' + s.textContent));
    check(inert.length === 1 && inert[0] === 'SPAN:javascript:alert(1)', 'the canonical URL is inert text: ' + inert.join(' '));
    check(await page.$$eval('a[href]', (l) => l.filter((a) => !/^(#|\/|https?:)/.test(a.getAttribute('href'))).length) === 0,
      'no link in the page has another scheme');
    const metaText = await page.textContent('#article-meta');
    check(metaText.includes('<b onmouseover=alert(3)>Bay Gazette</b>') && metaText.includes('<svg onload=alert(4)>'),
      'outlet and author markup shown as text');
    // Hovering and clicking where the markup would be runs nothing.
    await page.hover('#article-meta');
    await page.click('#article-meta .inert-url');
    await page.waitForTimeout(300);
    check(dialogs.length === 0, 'no dialog opened' + (dialogs.length ? ': ' + dialogs.join('; ') : ''));
    check(page.url().includes('#article/'), 'clicking the inert URL goes nowhere');
    await snap(page, 'xss');
    await page.unroute(xssUrl);
  }

  // --- events table: labels, Goldstein, paging, sorting, downloads ---------
  const ev0 = await getJson('api/events?limit=10');
  await open(page, base, 'events', '#events?limit=10', 'limit=10');
  const evRows = await page.$$eval('#events-table tbody tr', (rs) => rs.map((r) => [...r.children].map((c) => c.textContent)));
  check(evRows.length === ev0.rows.length && evRows.length > 0, `events table shows ${evRows.length} rows`);
  const r0 = ev0.rows[0];
  check(evRows[0][2].includes(r0.code) && (!r0.label || evRows[0][2].includes(r0.label)),
    'CAMEO code and label: ' + evRows[0][2]);
  check(evRows[0][4].includes(r0.goldstein.toFixed(1)) && evRows[0][5].startsWith(String(r0.quad_class)) &&
    evRows[0][6] === (r0.location || '') && evRows[0][7] === (r0.evidence || ''),
    'Goldstein, quad class, location, evidence: ' + evRows[0].slice(4, 8).join(' | '));
  if (typeof ev0.total === 'number') {
    const sum = await page.textContent('#view-events .summary');
    const want = ev0.total > ev0.rows.length ? 'events 1–' + ev0.rows.length + ' of ' + ev0.total : 'all ' + ev0.total + ' events';
    check(sum.includes(want), 'events summary: ' + sum);
    if (ev0.total > 10) {
      await page.click('#view-events .pager a.page-next');
      await loaded(page, 'events', 'offset=10');
      const ev1 = await getJson('api/events?limit=10&offset=10');
      const evid = await page.$$eval('#events-table tbody tr td:nth-child(8)', (l) => l.map((c) => c.textContent));
      check(JSON.stringify(evid) === JSON.stringify(ev1.rows.map((r) => r.evidence || '')), 'events page 2 is the API\'s rows 11-20');
    }
  }
  // Server-side sort by Goldstein, both ways.
  await open(page, base, 'events', '#events?limit=10', 'limit=10');
  await page.click('#events-table th[data-key="goldstein"]');
  await loaded(page, 'events', 'sort=goldstein');
  const gUp = await page.$$eval('#events-table tbody td.goldstein', (l) => l.map((c) => Number(c.dataset.sort)));
  const gAll = (await getJson('api/events?limit=500')).rows.map((r) => r.goldstein).sort((a, b) => a - b);
  check(gUp.length > 0 && gUp.every((g, i) => i === 0 || gUp[i - 1] <= g) && gUp[0] === gAll[0],
    'sorted by Goldstein on the server, lowest first: ' + gUp.slice(0, 5).join(' '));
  await page.click('#events-table th[data-key="goldstein"]');
  await loaded(page, 'events', 'sort=-goldstein');
  const gDown = await page.$$eval('#events-table tbody td.goldstein', (l) => l.map((c) => Number(c.dataset.sort)));
  check(gDown[0] === gAll[gAll.length - 1] && gDown.every((g, i) => i === 0 || gDown[i - 1] >= g),
    'then highest first: ' + gDown.slice(0, 5).join(' '));
  // Client-side sort of the page by a column the API does not sort.
  await page.click('#events-table th[data-key="source"]');
  const srcs = await page.$$eval('#events-table tbody tr td:nth-child(2)', (l) => l.map((c) => c.textContent));
  check(srcs.every((s, i) => i === 0 || srcs[i - 1].localeCompare(s) <= 0), 'the page sorted by source: ' + srcs.slice(0, 3).join(', '));
  check(await page.getAttribute('#events-table th[data-key="source"]', 'aria-sort') === 'ascending', 'the header shows the order');
  // Downloads: links to the API with the view's filters and format=.
  await open(page, base, 'events', '#events?quad=1&limit=10', 'quad=1');
  const links = await page.$$eval('#view-events .downloads a', (l) => l.map((a) => a.getAttribute('href')));
  check(links.length === 3 && ['csv', 'jsonl', 'gdelt'].every((f) => links.some((h) => h.includes('format=' + f) && h.includes('quad=1'))),
    'download links for CSV, JSON Lines, GDELT with the filters: ' + links.join(' '));
  for (const h of links) {
    const res = await fetch(new URL(h, base));
    const body = await res.text();
    const disp = res.headers.get('content-disposition') || '';
    const lines = body.trim().split('\n').length;
    const f = /format=(\w+)/.exec(h)[1];
    check(res.ok && /attachment/.test(disp) && lines >= 1, `download ${f}: ${res.status}, ${disp || 'no Content-Disposition'}, ${lines} lines`);
    if (f === 'gdelt') check(body.split('\n')[0].split('\t').length === 61, 'GDELT rows have 61 columns');
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#view-events .downloads a.download-csv')]);
  check(/\.csv$/.test(download.suggestedFilename()), 'clicking CSV downloads ' + download.suggestedFilename());
  await open(page, base, 'events', '#events', '');
  await snap(page, 'events');
  expectHttpErrors = 1;
  await page.fill('#events-form input[name="code"]', 'abc');
  await page.click('#events-form button');
  await loaded(page, 'events', 'code=abc');
  check(/CAMEO/i.test(await page.textContent('#view-events .error')), 'bad event code is refused: ' +
    (await page.textContent('#view-events .error')).slice(0, 80));

  // --- quotes, entities, stories tables ------------------------------------
  await page.click('header nav a[data-view="entities"]');
  await loaded(page, 'entities', '');
  const nEnt = await page.$$eval('#entities-table tbody tr', (r) => r.length);
  check(nEnt > 0, `entities table lists ${nEnt} rows`);
  await page.selectOption('#entities-form select[name="type"]', 'LOC');
  await page.click('#entities-form button');
  await loaded(page, 'entities', 'type=LOC');
  const locTypes = await page.$$eval('#entities-table tbody tr td:nth-child(2)', (t) => [...new Set(t.map((c) => c.textContent))]);
  check(locTypes.length === 1 && locTypes[0] === 'LOC', 'type filter keeps places only');
  await page.click('header nav a[data-view="quotes"]');
  await loaded(page, 'quotes', '');
  check(await page.isHidden('#view-quotes .error') && await page.$$eval('#quotes-table tbody tr', (r) => r.length) > 0,
    'quotes table loads');
  await open(page, base, 'stories', '#stories', '');
  const st = await getJson('api/stories');
  const stRows = await page.$$eval('#stories-table tbody tr', (r) => r.map((x) => x.children[1].textContent));
  check(stRows.length === st.rows.length && stRows.length >= 1, `stories table lists ${stRows.length} stories of 2+`);

  // --- story: the copies side by side ---------------------------------------
  const wire = st.rows.find((r) => (r.outlets || []).includes('Lakeside Tribune'));
  check(!!wire && wire.size === 2, 'the two wire copies form one story');
  if (wire) {
    await page.click('#stories-table tbody a[href="#story/' + wire.story + '"]');
    await loaded(page, 'story', wire.story);
    const copies = await page.$$eval('#story-members .copy', (l) => l.map((c) => ({
      outlet: c.querySelector('.outlet').textContent, time: c.querySelector('.meta').textContent,
      title: c.querySelector('h2').textContent, url: (c.querySelector('.url a') || {}).href || '',
      excerpt: c.querySelector('.excerpt').textContent,
    })));
    check(copies.length === 2, 'story shows ' + copies.length + ' copies side by side');
    check(copies.map((c) => c.outlet).join('|') === 'Lakeside Tribune|Harbourside Daily' &&
      copies.map((c) => c.time).join('|') === '2024-04-29 08:15|2024-04-29 11:40', 'outlets and times in order: ' +
      copies.map((c) => c.outlet + ' ' + c.time).join(', '));
    check(copies.every((c) => /^https:\/\/\w+\.example\//.test(c.url)) && copies.every((c) => c.excerpt.includes('Japan pledged')),
      'each copy links its https URL and shows its text');
    const box = await page.$$eval('#story-members .copy', (l) => l.map((c) => c.getBoundingClientRect().top));
    check(box.length === 2 && Math.abs(box[0] - box[1]) < 2, 'the copies stand side by side');
    await snap(page, 'story');
  }

  // --- timeline: two queries, per month and per year -------------------------
  const qa = haveSeed ? 'Putin' : 'harbor', qb = 'Kenya';
  const ta = await getJson('api/timeline?q=' + qa + '&bucket=month');
  const tb2 = await getJson('api/timeline?q=' + qb + '&bucket=month');
  await open(page, base, 'timeline', '#timeline?q=' + qa + '&q2=' + qb + '&bucket=month', 'q2=' + qb);
  check(await page.isHidden('#view-timeline .error'), 'timeline loads without error');
  check(await page.$$eval('#timeline-chart canvas', (l) => l.length) === 1, 'uPlot draws the chart');
  const legend = await page.$$eval('#timeline-chart .u-legend .u-series .u-label', (l) => l.map((x) => x.textContent));
  const named = legend.filter((l) => l.includes('·'));
  check(named.length === 6 && named.filter((l) => l.includes(qa)).length === 3 && named.filter((l) => l.includes(qb)).length === 3,
    'legend names both queries: ' + named.join(', '));
  const periods = await page.$$eval('#timeline-table tbody tr', (l) => l.map((r) => r.dataset.period));
  const want2 = [...new Set([...ta.series, ...tb2.series].map((s) => s.period))].sort();
  check(JSON.stringify(periods) === JSON.stringify(want2), 'table periods are the API\'s: ' + periods.join(' '));
  const cell = await page.$$eval('#timeline-table tbody tr', (l) => l.map((r) => [...r.children].slice(1).map((c) => Number(c.textContent.replace(/,/g, '')))));
  const wantCells = want2.map((p) => [ta, tb2].flatMap((t) => {
    const s = t.series.find((x) => x.period === p);
    return ['articles', 'quotes', 'events'].map((m) => (s ? s[m] : 0));
  }));
  check(JSON.stringify(cell) === JSON.stringify(wantCells), 'counts per period are the API\'s');
  check((await page.textContent('#timeline-undated')).startsWith('Undated'), 'undated counts stated: ' +
    await page.textContent('#timeline-undated'));
  await snap(page, 'timeline');
  await page.selectOption('#timeline-form select[name="bucket"]', 'year');
  await loaded(page, 'timeline', 'bucket=year');
  const years = await page.$$eval('#timeline-table tbody tr', (l) => l.map((r) => r.dataset.period));
  check(years.length > 0 && years.every((y) => /^\d{4}$/.test(y)), 'per year: ' + years.join(' '));

  // --- network ----------------------------------------------------------------
  const net = await getJson('api/network');
  await open(page, base, 'network', '#network', '');
  check(await page.isHidden('#view-network .error'), 'network loads without error');
  const nodes = Number(await page.getAttribute('#view-network', 'data-nodes'));
  const nodeIds = new Set([...net.nodes.map((n) => n.id), ...net.edges.flatMap((e) => [e.source, e.target])]);
  check(nodes === nodeIds.size && nodes > 1, `graph has the API's ${nodes} actors`);
  check(await page.getAttribute('#view-network', 'data-renderer') === 'webgl' &&
    await page.$$eval('#network-graph canvas', (l) => l.length) >= 2, 'sigma draws it (WebGL canvases)');
  const netRows = await page.$$eval('#network-table tbody tr', (l) => l.map((r) => [...r.children].map((c) => c.textContent)));
  const top = [...net.edges].sort((a, b) => b.events - a.events)[0];
  check(netRows.length === net.edges.length && netRows[0][2] === String(top.events),
    `edge table: ${netRows.length} links, heaviest ${netRows[0] && netRows[0].slice(0, 3).join(' ')}`);
  // The graph is drawn: the canvas has coloured pixels, not only white.
  const inked = await page.evaluate(() => {
    const cs = [...document.querySelectorAll('#network-graph canvas')];
    const c = document.createElement('canvas');
    c.width = cs[0].width; c.height = cs[0].height;
    const g = c.getContext('2d');
    for (const x of cs) g.drawImage(x, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200)) n++;
    return n;
  });
  check(inked > 200, `the graph canvas has ${inked} inked pixels`);
  await snap(page, 'network');
  await page.selectOption('#network-form select[name="quad"]', '3');
  await page.click('#network-form button');
  await loaded(page, 'network', 'quad=3');
  const net3 = await getJson('api/network?quad=3&level=country');
  const rows3 = await page.$$eval('#network-table tbody tr', (l) => l.map((r) => r.children[0].textContent + '>' + r.children[1].textContent).sort());
  check(rows3.length === net3.edges.length && rows3.length < net.edges.length &&
    JSON.stringify(rows3) === JSON.stringify(net3.edges.map((e) => e.source + '>' + e.target).sort()),
    `quad class 3 (verbal conflict) filter: ${rows3.length} links: ${rows3.join(' ')}`);
  await page.selectOption('#network-form select[name="level"]', 'actor');
  await page.click('#network-form button');
  await loaded(page, 'network', 'level=actor');
  const netA = await getJson('api/network?quad=3&level=actor');
  check(Number(await page.getAttribute('#view-network', 'data-nodes')) ===
    new Set([...netA.nodes.map((n) => n.id), ...netA.edges.flatMap((e) => [e.source, e.target])]).size,
    'actor level: nodes are full actor codes: ' + netA.nodes.map((n) => n.id).slice(0, 6).join(' '));
  await open(page, base, 'network', '#network', '');
  await page.click('#network-table tbody tr:first-child td:nth-child(3) a');
  await loaded(page, 'events', 'actor=' + top.source);
  check(await page.$$eval('#events-table tbody tr', (l) => l.length) > 0, 'an edge opens its events');

  // --- map ----------------------------------------------------------------------
  const places = await getJson('api/places');
  await open(page, base, 'map', '#map', '');
  check(await page.isHidden('#view-map .error'), 'map loads without error');
  check(await page.$$eval('#map-svg path.country', (l) => l.length) === 177, 'the base map has 177 countries (bundled)');
  const shaded = await page.$$eval('#map-svg path.has-events', (l) => l.map((p) => p.dataset.iso3 + ':' + p.dataset.events).sort());
  const wantShaded = places.countries.filter((c) => c.country && c.country !== 'IGO').map((c) => c.country + ':' + c.events).sort();
  check(JSON.stringify(shaded) === JSON.stringify(wantShaded), 'countries shaded by event count: ' + shaded.join(' '));
  check(await page.$$eval('#map-svg path.has-events', (l) => l.every((p) => /^#[0-9a-f]{6}$/.test(p.getAttribute('fill')))),
    'shaded countries have a fill');
  const located = places.rows.filter((r) => typeof r.lat === 'number').length;
  check(await page.$$eval('#map-svg circle.place', (l) => l.length) === located, `${located} points (rows with coordinates)`);
  check(await page.$$eval('#map-places tbody tr', (l) => l.length) === places.rows.length, 'places table lists every place');
  await snap(page, 'map');
  // Points are drawn where the API gives coordinates (the API geocodes
  // places; the test adds two more with known coordinates).
  const withCoords = JSON.parse(JSON.stringify(places));
  withCoords.rows = [{ name: 'Pyongyang', country: 'PRK', events: 2, lat: 39.03, lon: 125.75 },
    { name: 'Nairobi', country: 'KEN', events: 1, lat: -1.29, lon: 36.82 }, ...places.rows];
  await page.route(base + 'api/places?quad=2', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(withCoords) }));
  await open(page, base, 'map', '#map?quad=2', 'quad=2');
  const pts = await page.$$eval('#map-svg circle.place', (l) => l.map((c) => c.querySelector('title').textContent));
  check(pts.length === 2 + located && pts.some((p) => p.startsWith('Pyongyang')),
    'points drawn where coordinates are given: ' + pts.join('; '));
  const kpos = await page.$eval('#map-svg path[data-iso3="KEN"]', (p) => { const b = p.getBBox(); return [b.x, b.y, b.width, b.height]; });
  const npos = await page.$$eval('#map-svg circle.place', (l) => [Number(l[1].getAttribute('cx')), Number(l[1].getAttribute('cy'))]);
  check(npos[0] >= kpos[0] && npos[0] <= kpos[0] + kpos[2] && npos[1] >= kpos[1] && npos[1] <= kpos[1] + kpos[3],
    'Nairobi\'s point falls inside Kenya');
  await page.unroute(base + 'api/places?quad=2');

  // --- entity page ----------------------------------------------------------------
  const who = haveSeed ? 'Vladimir Putin' : 'Haruka Ishida';
  await open(page, base, 'entities', '#entities?type=PER&name=' + encodeURIComponent(who.split(' ')[1]), 'type=PER');
  await page.click('#entities-table tbody a.entity-link');
  await loaded(page, 'entity', 'name=');
  const ent = await getJson('api/entity?name=' + encodeURIComponent(who) + '&type=PER');
  check(await page.textContent('#entity-head h1') === ent.name, 'entity page for ' + ent.name);
  const counts = await page.$$eval('#entity-counts dd', (l) => Object.fromEntries(l.map((d) => [d.dataset.count, Number(d.textContent.replace(/,/g, ''))])));
  check(counts.articles === ent.articles && counts.mentions === ent.mentions && counts['quotes by it'] === ent.quotes &&
    counts['events as source'] === ent.events_as_source && counts['events as target'] === ent.events_as_target,
    'counts are the API\'s: ' + JSON.stringify(counts));
  const aliases = await page.$$eval('#entity-aliases li', (l) => l.map((x) => x.textContent));
  check(JSON.stringify(aliases) === JSON.stringify(ent.aliases.filter((a) => a !== ent.name)), 'names it goes by: ' + aliases.join(', '));
  const q = await getJson('api/quotes?speaker=' + encodeURIComponent(ent.name) + '&limit=20');
  check(await page.$$eval('#entity-quotes li', (l) => l.length) === q.rows.length, `its ${q.rows.length} quotes listed`);
  const srcN = await page.$$eval('#entity-events-source tbody tr', (l) => l.length);
  const tgtN = await page.$$eval('#entity-events-target tbody tr', (l) => l.length);
  check(srcN === Math.min(20, ent.events_as_source) && tgtN === Math.min(20, ent.events_as_target),
    `events as source (${srcN}) and as target (${tgtN})`);
  check(await page.$$eval('#entity-timeline canvas', (l) => l.length) === 1, 'mentions over time drawn');
  check(await page.$$eval('#entity-articles li', (l) => l.length) >= 1, 'its articles listed');
  await snap(page, 'entity');

  check(pageErrors.length === 0, 'no script errors' + (pageErrors.length ? ': ' + pageErrors.join('; ') : ''));
  check(consoleErrors.length === 0, 'no console errors' + (consoleErrors.length ? ': ' + consoleErrors.join('; ') : ''));
  check(cspViolations.length === 0, 'no CSP violations' + (cspViolations.length ? ': ' + cspViolations.join('; ') : ''));
  check(dialogs.length === 0, 'no dialogs' + (dialogs.length ? ': ' + dialogs.join('; ') : ''));
  check(outside.length === 0, 'no request leaves the server' + (outside.length ? ': ' + outside.join(' ') : ''));
  console.log('screenshots: ' + shots.join(' '));
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
