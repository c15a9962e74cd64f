// #article/ID: the clean text with entity mentions, quotes and event
// triggers highlighted from the record's spans (code points of `text`), and
// side lists where a click marks the spans.
import { $, el, api, showError, datePart, externalLink, entityLink, loaded, unloaded } from '../util.js';
import { cameoLabel } from '../cameo.js';

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

export function actorText(a) {
  if (!a) return '-';
  if (!a.code) return a.name || '-';
  return a.name ? a.name + ' (' + a.code + ')' : a.code;
}

export async function showArticle(id) {
  const view = $('#view-article');
  showError(view, null);
  $('#article').hidden = true;
  unloaded(view);
  let r;
  try {
    r = await api('articles/' + encodeURIComponent(id));
  } catch (e) {
    showError(view, e);
    loaded(view, id);
    return;
  }
  $('#article').hidden = false;
  $('#article-title').textContent = r.title || '(no title)';
  const meta = $('#article-meta');
  meta.replaceChildren([datePart(r.published) || 'undated', r.outlet, (r.authors || []).join(', '), r.language]
    .filter(Boolean).join(' · '));
  if (r.url) meta.append(' · ', externalLink(r.url));
  if (r.story) meta.append(' · ', el('a', { href: '#story/' + encodeURIComponent(r.story), class: 'story-link', text: 'story and copies' }));
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
    const what = 'event ' + ev.code + ' ' + (ev.label || cameoLabel(ev.code)) + ': ' + actorText(ev.source) + ' -> ' +
        actorText(ev.target) + (ev.negated ? ' (negated)' : '') + (ev.hypothetical ? ' (hypothetical)' : '');
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
      ' ' + e.type + (e.country ? ' ' + e.country : '') + ' · ' + (e.mentions || []).length + '× ',
      entityLink(e.name, e.type, 'page'));
    li.addEventListener('click', (ev) => { if (ev.target.tagName !== 'A') focusMarks('eid', e.id); });
    return li;
  }));
  $('#article-quotes').replaceChildren(...quotes.map((q, i) => {
    const li = el('li', {}, el('b', { text: (q.speaker_name || names[q.speaker] || '?') + ': ' }),
      el('span', { class: 'quote', text: q.text }));
    li.addEventListener('click', () => focusMarks('quote', String(i)));
    return li;
  }));
  $('#article-events').replaceChildren(...events.map((ev, i) => {
    const li = el('li', {}, el('b', { text: ev.code }), ' ' + (ev.label || cameoLabel(ev.code)) + ': ' +
      actorText(ev.source) + ' → ' + actorText(ev.target) + ': ' + (ev.evidence || ''));
    li.addEventListener('click', () => focusMarks('event', String(i)));
    return li;
  }));
  loaded(view, id);
}
