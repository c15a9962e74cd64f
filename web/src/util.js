// Helpers shared by the views: building elements (text only, never HTML
// strings), calling the JSON API, forms bound to the URL hash, paging,
// downloads. Every value from the archive goes into the page through
// textContent or an attribute set here; links to the outside only when the
// URL is http: or https: (safeHref).

export const $ = (sel, root = document) => root.querySelector(sel);
export const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];

// Creates <tag> with attributes (`class`, `text` for textContent, others by
// setAttribute; never `style` nor `on*`) and children (nodes or strings, which
// become text nodes).
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = String(v);
    else if (k === 'style' || k.startsWith('on')) throw new Error('el: refused attribute ' + k);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return e;
}

// An error from the API: `code` is the API's error code ("bad_request",
// "not_found", "timeout", ...) when it gives one, `status` the HTTP status.
export class ApiError extends Error {
  constructor(message, status, code) {
    super(message);
    this.status = status;
    this.code = code || '';
  }
}

// Builds /api/PATH?params from [name, value] pairs (empty values dropped).
export function apiUrl(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of params || []) if (v !== '' && v !== null && v !== undefined) qs.append(k, String(v));
  const s = qs.toString();
  return '/api/' + path + (s ? '?' + s : '');
}

// GETs /api/PATH and returns the parsed JSON; throws ApiError on a non-2xx
// answer with the API's message (or the status text when the body is not JSON).
export async function api(path, params) {
  const res = await fetch(apiUrl(path, params), { headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    const err = (body && body.error) || {};
    let msg = err.message || res.statusText || ('HTTP ' + res.status);
    if (err.code === 'timeout' || (res.status === 503 && /time/i.test(msg))) {
      msg = 'The query took too long and was stopped: ' + msg + ' (narrow it: fewer words, a shorter date range)';
    }
    throw new ApiError(msg, res.status, err.code);
  }
  return body;
}

// True when the API answered that the endpoint does not exist (a server
// older than this UI).
export function missingEndpoint(err) {
  return err instanceof ApiError && err.status === 404 && /no such endpoint|no such page/i.test(err.message);
}

export function showError(view, err) {
  const box = $('.error', view);
  if (!box) return;
  if (!err) { box.hidden = true; box.textContent = ''; return; }
  box.hidden = false;
  box.textContent = String(err.message || err);
}

export function datePart(iso) { return iso ? String(iso).slice(0, 10) : ''; }
export function dateTime(iso) { return iso ? String(iso).replace('T', ' ').slice(0, 16) : ''; }

// Returns the URL when it is an absolute http: or https: URL, else null: a
// stored URL may be anything the page said (`javascript:alert(1)`).
export function safeHref(url) {
  if (typeof url !== 'string' || !url) return null;
  let u;
  try { u = new URL(url); } catch (e) { return null; }
  return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
}

// A link to an outside page when the URL is http(s); otherwise the URL as
// inert text (class "inert-url", with a title saying why).
export function externalLink(url, text) {
  const href = safeHref(url);
  if (href) return el('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank', class: 'ext', text: text || url });
  return el('span', { class: 'inert-url', title: 'not an http(s) link: shown as text', text: text || String(url || '') });
}

export function articleLink(id, text) {
  return el('a', { href: '#article/' + encodeURIComponent(id), text: text || id });
}

export function entityHref(name, type) {
  const qs = new URLSearchParams([['name', name]]);
  if (type) qs.append('type', type);
  return '#entity?' + qs;
}

export function entityLink(name, type, text) {
  return el('a', { href: entityHref(name, type), class: 'entity-link', text: text || name });
}

export function fmt(n) {
  return typeof n === 'number' ? n.toLocaleString('en-US') : (n === null || n === undefined ? '' : String(n));
}

// Fills `form` from the hash query (when `query` is given) and returns its
// non-empty fields as [name, value] pairs; a field given twice (two inputs
// with one name) takes the values in order. Checkboxes give "1" when checked.
export function formParams(form, query) {
  const given = new URLSearchParams(query || '');
  const counts = {};
  for (const input of form.elements) {
    if (!input.name) continue;
    const all = given.getAll(input.name);
    const i = counts[input.name] = (counts[input.name] || 0) + 1;
    if (query === undefined) continue;
    if (input.type === 'checkbox') input.checked = all[i - 1] === '1';
    else input.value = all[i - 1] || (input.tagName === 'SELECT' && input.dataset.default) || '';
  }
  const out = [];
  for (const input of form.elements) {
    if (!input.name) continue;
    if (input.type === 'checkbox') { if (input.checked) out.push([input.name, '1']); continue; }
    if (input.value.trim()) out.push([input.name, input.value.trim()]);
  }
  return out;
}

// The hash for `view` with these params.
export function hashFor(view, params) {
  const qs = new URLSearchParams(params.filter(([, v]) => v !== '' && v !== null && v !== undefined)).toString();
  return '#' + view + (qs ? '?' + qs : '');
}

// Submitting `form` sets the hash to `view?fields` (paging starts over).
export function bindForm(form, view, extra) {
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const params = formParams(form).concat(extra ? extra() : []);
    location.hash = hashFor(view, params);
  });
}

// The query's params without `names`, then `add` appended.
export function withParams(query, names, add) {
  const p = [...new URLSearchParams(query || '')].filter(([k]) => !names.includes(k));
  return p.concat(add.filter(([, v]) => v !== '' && v !== null && v !== undefined));
}

function singular(what) {
  return what.endsWith('ies') ? what.slice(0, -3) + 'y' : what.replace(/s$/, '');
}

// Paging: "rows A–B of TOTAL" with previous / next links that change
// `offset` in the hash. Works with a server that gives only `more` (no total).
export function pager(view, name, query, page, what) {
  const box = $('.pager', view);
  const sum = $('.summary', view);
  const offset = page.offset || 0;
  const limit = page.limit || page.count || 0;
  const count = page.count ?? (page.rows || []).length;
  let text;
  if (count === 0) text = 'no ' + what;
  else if (typeof page.total === 'number' && offset === 0 && count === page.total) {
    text = count === 1 ? 'one ' + singular(what) : 'all ' + fmt(count) + ' ' + what;
  } else if (typeof page.total === 'number') {
    text = what + ' ' + fmt(offset + 1) + '–' + fmt(offset + count) + ' of ' + fmt(page.total);
  } else {
    text = fmt(count) + ' ' + what + (page.more ? ' (more exist)' : '');
  }
  if (typeof page.total === 'number' && count === 0 && page.total > 0) text += ' (' + fmt(page.total) + ' in all)';
  if (typeof page.undated === 'number' && page.undated > 0) {
    text += ' · ' + fmt(page.undated) + ' undated ' + (page.undated === 1 ? 'item' : 'items') + ' match';
  }
  sum.textContent = text;
  if (!box) return;
  box.replaceChildren();
  const more = typeof page.total === 'number' ? offset + count < page.total : !!page.more;
  const link = (label, off, rel) => el('a', {
    href: hashFor(name, withParams(query, ['offset'], off > 0 ? [['offset', off]] : [])), rel, class: 'page-' + rel,
    text: label,
  });
  if (offset > 0) box.append(link('← previous ' + limit, Math.max(0, offset - limit), 'prev'));
  if (more) box.append(link('next ' + limit + ' →', offset + limit, 'next'));
}

// Download links for the current view: the same API query with format=...
export function downloads(view, path, params, formats) {
  const box = $('.downloads', view);
  if (!box) return;
  box.replaceChildren('Download this view: ');
  const names = { csv: 'CSV', jsonl: 'JSON Lines', gdelt: 'GDELT TSV' };
  formats.forEach((f, i) => {
    if (i) box.append(' · ');
    const p = params.filter(([k]) => k !== 'format').concat([['format', f]]);
    box.append(el('a', { href: apiUrl(path, p), download: '', class: 'download download-' + f, text: names[f] || f }));
  });
}

// Sortable table headers: a click on a column with a server-side sort sets
// `sort` in the hash; any other column sorts the rows shown (this page).
export function sortableTable(table, { serverSort = {}, current = '', onServerSort }) {
  const heads = $$('thead th', table);
  heads.forEach((th, col) => {
    const key = th.dataset.key || '';
    th.classList.add('sortable');
    th.tabIndex = 0;
    th.removeAttribute('aria-sort');
    if (serverSort[key]) {
      if (current === serverSort[key]) th.setAttribute('aria-sort', 'ascending');
      if (current === '-' + serverSort[key]) th.setAttribute('aria-sort', 'descending');
    }
    const go = () => {
      if (serverSort[key] && onServerSort) {
        const asc = current === serverSort[key];
        onServerSort(asc ? '-' + serverSort[key] : serverSort[key]);
        return;
      }
      const dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      for (const h of heads) h.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
      const body = $('tbody', table);
      const rows = $$('tr', body);
      const val = (tr) => {
        const td = tr.children[col];
        return td ? (td.dataset.sort ?? td.textContent) : '';
      };
      rows.sort((a, b) => {
        const x = val(a), y = val(b);
        const nx = Number(x), ny = Number(y);
        const c = x !== '' && y !== '' && !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : x.localeCompare(y);
        return c * dir;
      });
      body.append(...rows);
    };
    th.onclick = go;
    th.onkeydown = (e) => { if (e.key === 'Enter') go(); };
  });
}

// A <td> whose sort key differs from its text (numbers, dates).
export function td(content, sortKey, cls) {
  const c = el('td', { class: cls }, content);
  if (sortKey !== undefined && sortKey !== null) c.dataset.sort = String(sortKey);
  return c;
}

// Colour for a Goldstein score (-10 conflict .. +10 cooperation).
export function goldsteinColor(g) {
  if (typeof g !== 'number' || Number.isNaN(g)) return '#999999';
  const t = Math.max(-1, Math.min(1, g / 10));
  // red (#c62828) at -10, grey (#9e9e9e) at 0, blue-green (#00897b) at +10
  const mix = (a, b, f) => Math.round(a + (b - a) * f);
  const [r0, g0, b0] = [0x9e, 0x9e, 0x9e];
  const [r1, g1, b1] = t < 0 ? [0xc6, 0x28, 0x28] : [0x00, 0x89, 0x7b];
  const f = Math.abs(t);
  const hex = (v) => v.toString(16).padStart(2, '0');
  return '#' + hex(mix(r0, r1, f)) + hex(mix(g0, g1, f)) + hex(mix(b0, b1, f));
}

export const QUAD_NAMES = { 1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict' };

// Marks the view as showing `key` (the tests wait for it).
export function loaded(view, key) { view.dataset.loaded = key || ''; }
export function unloaded(view) { delete view.dataset.loaded; }
