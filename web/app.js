// dateline's browser UI: plain JS over the JSON API (docs/serve.md). Views
// are chosen by the URL hash (#search?q=..., #article/ID, #events?...), so
// every view can be bookmarked. Text from the archive is always put in the
// page with textContent, never as HTML.
'use strict';

const $ = (sel, root = document) => root.querySelector(sel);

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return e;
}

async function api(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of params || []) if (v !== '' && v !== null && v !== undefined) qs.append(k, v);
  const url = '/api/' + path + (qs.toString() ? '?' + qs : '');
  const res = await fetch(url);
  let body;
  try { body = await res.json(); } catch (e) { body = { error: { message: res.statusText } }; }
  if (!res.ok) throw new Error((body.error && body.error.message) || res.statusText);
  return body;
}

function showError(view, err) {
  const box = $('.error', view);
  if (!err) { box.hidden = true; box.textContent = ''; return; }
  box.hidden = false;
  box.textContent = String(err.message || err);
}

function datePart(iso) { return iso ? String(iso).slice(0, 10) : ''; }

function articleLink(id, text) {
  return el('a', { href: '#article/' + encodeURIComponent(id), text: text || id });
}

// "... the [matched] words ..." -> text with <mark>s.
function snippetNode(s) {
  const p = el('p', { class: 'snippet' });
  const parts = String(s || '').split(/(\[[^\[\]]*\])/);
  for (const part of parts) {
    if (part.startsWith('[') && part.endsWith(']') && part.length > 2) p.append(el('mark', { text: part.slice(1, -1) }));
    else if (part) p.append(part);
  }
  return p;
}

function summary(view, page, what) {
  $('.summary', view).textContent =
      page.count + ' ' + what + (page.more ? ' (first ' + page.limit + '; narrow the filters for the rest)' : '');
}

// Fills a form from the hash's query and returns the params as [name, value].
function formParams(form, query) {
  const given = new URLSearchParams(query || '');
  const counts = {};
  for (const input of form.elements) {
    if (!input.name) continue;
    const all = given.getAll(input.name);
    const i = counts[input.name] = (counts[input.name] || 0) + 1;
    if (query !== undefined) input.value = all[i - 1] || '';
  }
  const out = [];
  for (const input of form.elements) if (input.name && input.value) out.push([input.name, input.value.trim()]);
  return out;
}

function bindForm(form, view) {
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const qs = new URLSearchParams(formParams(form));
    location.hash = view + (qs.toString() ? '?' + qs : '');
  });
}

// --- search -----------------------------------------------------------------

async function showSearch(query) {
  const view = $('#view-search');
  const params = formParams($('#search-form'), query);
  showError(view, null);
  const list = $('#results');
  list.replaceChildren();
  delete view.dataset.loaded;
  try {
    const page = await api('search', params);
    summary(view, page, page.count === 1 ? 'article' : 'articles');
    for (const h of page.rows) {
      list.append(el('li', { class: 'hit' },
          el('a', { class: 'title', href: '#article/' + encodeURIComponent(h.id), text: h.title || '(no title)' }),
          el('div', { class: 'meta', text: [datePart(h.published), h.outlet || h.url || h.source].filter(Boolean).join(' · ') }),
          snippetNode(h.snippet)));
    }
  } catch (e) { showError(view, e); $('.summary', view).textContent = ''; }
  view.dataset.loaded = query || '';  // for tests: this query is shown
}

// --- article ----------------------------------------------------------------

// Splits the text (as code points, which the record's offsets count) at
// every span boundary and wraps each piece in the classes covering it.
function highlight(text, marks) {
  const cps = Array.from(text);
  const n = cps.length;
  const cuts = new Set([0, n]);
  const ok = marks.filter((m) => m.b >= 0 && m.e <= n && m.b < m.e);
  for (const m of ok) { cuts.add(m.b); cuts.add(m.e); }
  const points = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const b = points[i], e = points[i + 1];
    const piece = cps.slice(b, e).join('');
    const on = ok.filter((m) => m.b <= b && m.e >= e);
    if (on.length === 0) { frag.append(piece); continue; }
    const span = el('span', { class: [...new Set(on.map((m) => m.cls))].join(' '), text: piece });
    span.title = on.map((m) => m.title).join('\n');
    const ent = on.find((m) => m.eid);
    if (ent) span.dataset.eid = ent.eid;
    const q = on.find((m) => m.quote !== undefined);
    if (q) span.dataset.quote = q.quote;
    const ev = on.find((m) => m.event !== undefined);
    if (ev) span.dataset.event = ev.event;
    frag.append(span);
  }
  return frag;
}

function focusMarks(attr, value) {
  const box = $('#article-text');
  let first = null;
  for (const s of box.querySelectorAll('.focus')) s.classList.remove('focus');
  for (const s of box.querySelectorAll('[data-' + attr + '="' + CSS.escape(value) + '"]')) {
    s.classList.add('focus');
    first = first || s;
  }
  if (first) first.scrollIntoView({ block: 'center' });
}

function actorText(a) {
  if (!a) return '-';
  if (!a.code) return a.name || '-';
  return a.name ? a.name + ' (' + a.code + ')' : a.code;
}

async function showArticle(id) {
  const view = $('#view-article');
  showError(view, null);
  $('#article').hidden = true;
  delete view.dataset.loaded;
  let r;
  try {
    r = await api('articles/' + encodeURIComponent(id));
  } catch (e) {
    showError(view, e);
    view.dataset.loaded = id;
    return;
  }
  $('#article').hidden = false;
  $('#article-title').textContent = r.title || '(no title)';
  const meta = $('#article-meta');
  meta.replaceChildren(
      [datePart(r.published), r.outlet, (r.authors || []).join(', '), r.language].filter(Boolean).join(' · '));
  if (r.url) meta.append(' · ', el('a', { href: r.url, rel: 'noreferrer', text: r.url }));
  if (r.story && r.story !== r.id) {
    meta.append(' · ', el('a', { href: '#search?story=' + encodeURIComponent(r.story), text: 'other copies' }));
  }
  const marks = [];
  const entities = r.entities || [], quotes = r.quotes || [], events = r.events || [];
  const names = {};
  for (const e of entities) {
    names[e.id] = e.name;
    const info = e.name + ' (' + e.type + (e.country ? ', ' + e.country : '') + ')' +
        ((e.roles || []).length ? ': ' + e.roles.join(', ') : '');
    for (const [b, en] of e.mentions || []) marks.push({ b, e: en, cls: 'ent ent-' + e.type, title: info, eid: e.id });
  }
  quotes.forEach((q, i) => {
    const who = q.speaker_name || names[q.speaker] || '?';
    if (q.span) marks.push({ b: q.span[0], e: q.span[1], cls: 'quote', title: q.kind + ' quote by ' + who, quote: i });
    if (q.cue_span) marks.push({ b: q.cue_span[0], e: q.cue_span[1], cls: 'cue', title: 'cue: ' + q.cue, quote: i });
  });
  events.forEach((ev, i) => {
    const what = 'event ' + ev.code + ': ' + actorText(ev.source) + ' -> ' + actorText(ev.target) +
        (ev.negated ? ' (negated)' : '') + (ev.hypothetical ? ' (hypothetical)' : '');
    if (ev.trigger) marks.push({ b: ev.trigger[0], e: ev.trigger[1], cls: 'trigger', title: what, event: i });
    for (const a of [ev.source, ev.target]) {
      if (a && a.span) marks.push({ b: a.span[0], e: a.span[1], cls: 'actor', title: 'actor of ' + what, event: i });
    }
  });
  $('#article-text').replaceChildren(highlight(r.text || '', marks));

  $('#n-entities').textContent = '(' + entities.length + ')';
  $('#n-quotes').textContent = '(' + quotes.length + ')';
  $('#n-events').textContent = '(' + events.length + ')';
  $('#article-entities').replaceChildren(...entities.map((e) => {
    const li = el('li', {}, el('span', { class: 'ent ent-' + e.type, text: e.name }),
        ' ' + e.type + (e.country ? ' ' + e.country : '') + ' · ' + (e.mentions || []).length + '×');
    li.addEventListener('click', () => focusMarks('eid', e.id));
    return li;
  }));
  $('#article-quotes').replaceChildren(...quotes.map((q, i) => {
    const li = el('li', {}, el('b', { text: (q.speaker_name || names[q.speaker] || '?') + ': ' }),
        el('span', { class: 'quote', text: q.text }));
    li.addEventListener('click', () => focusMarks('quote', String(i)));
    return li;
  }));
  $('#article-events').replaceChildren(...events.map((ev, i) => {
    const li = el('li', {}, el('b', { text: ev.code }), ' ' + actorText(ev.source) + ' → ' + actorText(ev.target) +
        ': ' + (ev.evidence || ''));
    li.addEventListener('click', () => focusMarks('event', String(i)));
    return li;
  }));
  view.dataset.loaded = id;
}

// --- tables -----------------------------------------------------------------

async function showTable(name, query, columns) {
  const view = $('#view-' + name);
  const params = formParams($('#' + name + '-form'), query);
  showError(view, null);
  const body = $('#' + name + '-table tbody');
  body.replaceChildren();
  delete view.dataset.loaded;
  try {
    const page = await api(name, params);
    summary(view, page, name);
    for (const row of page.rows) {
      body.append(el('tr', {}, ...columns(row).map((c) => el('td', {}, c))));
    }
  } catch (e) { showError(view, e); $('.summary', view).textContent = ''; }
  view.dataset.loaded = query || '';
}

const eventColumns = (r) => {
  let code = r.code;
  if (r.negated) code += ' (not)';
  if (r.hypothetical) code += ' (hyp)';
  return [datePart(r.date || r.published), actorText(r.source), code, actorText(r.target), r.evidence || '',
    articleLink(r.article, r.title || r.article)];
};
const quoteColumns = (r) => [datePart(r.published), r.speaker_entity || r.speaker_name || '?', r.text, r.kind,
  articleLink(r.article, r.title || r.article)];
const entityColumns = (r) => {
  const a = el('a', { href: '#quotes?speaker=' + encodeURIComponent(r.name), text: r.name, title: 'quotes by this name' });
  return [a, r.type, r.country || '', String(r.articles), String(r.mentions)];
};

// --- routing ----------------------------------------------------------------

function route() {
  const hash = location.hash.slice(1) || 'search';
  const [head, ...rest] = hash.split('?');
  const query = rest.join('?');
  const name = head.startsWith('article/') ? 'article' : head;
  for (const v of document.querySelectorAll('.view')) v.hidden = v.id !== 'view-' + name;
  for (const a of document.querySelectorAll('nav a')) a.classList.toggle('active', a.dataset.view === name);
  if (name === 'article') return showArticle(decodeURIComponent(head.slice('article/'.length)));
  if (name === 'events') return showTable('events', query, eventColumns);
  if (name === 'quotes') return showTable('quotes', query, quoteColumns);
  if (name === 'entities') return showTable('entities', query, entityColumns);
  if (!$('#view-' + name)) { location.hash = 'search'; return; }
  return showSearch(query);
}

async function showStats() {
  try {
    const s = await api('stats');
    $('#stats').textContent = s.articles + ' articles · ' + s.entities + ' entities · ' + s.quotes + ' quotes · ' +
        s.events + ' events';
  } catch (e) { $('#stats').textContent = String(e.message); }
}

for (const name of ['search', 'events', 'quotes', 'entities']) bindForm($('#' + name + '-form'), name);
window.addEventListener('hashchange', route);
showStats();
route();
