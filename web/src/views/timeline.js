// #timeline?q=...&q2=...&bucket=month: attention over time, articles,
// quotes and events per period for one query or two side by side
// (/api/timeline). The table under the chart has the same numbers.
import { $, el, api, showError, formParams, hashFor, withParams, fmt, loaded, unloaded } from '../util.js';
import { drawTimeChart, periodAxis, periodStart, PALETTE } from '../chart.js';

const MEASURES = ['articles', 'quotes', 'events'];

export async function showTimeline(query) {
  const view = $('#view-timeline');
  const form = $('#timeline-form');
  formParams(form, query);
  const given = new URLSearchParams(query || '');
  const bucket = given.get('bucket') || 'month';
  const measure = given.get('measure') || 'all';
  const common = ['bucket', 'since', 'until', 'advanced'].map((k) => [k, k === 'bucket' ? bucket : given.get(k) || '']);
  const queries = [given.get('q') || ''];
  if (given.get('q2')) queries.push(given.get('q2'));
  showError(view, null);
  unloaded(view);
  const chart = $('#timeline-chart');
  const table = $('#timeline-table');
  table.replaceChildren();
  $('#timeline-undated').textContent = '';
  try {
    const answers = await Promise.all(queries.map((q) => api('timeline', [['q', q], ...common])));
    const shown = measure === 'all' ? MEASURES : [measure];
    const periods = answers.flatMap((a) => (a.series || []).map((s) => s.period));
    const xs = periodAxis(periods, bucket);
    const series = [];
    answers.forEach((a, qi) => {
      const name = queries[qi] ? '“' + queries[qi] + '”' : 'whole archive';
      shown.forEach((m, mi) => {
        const values = new Map();
        for (const s of a.series || []) values.set(periodStart(s.period), s[m] ?? 0);
        series.push({ label: m + ' · ' + name, values, color: PALETTE[(qi * 3 + mi) % PALETTE.length], dash: qi ? [6, 4] : null });
      });
    });
    $('#timeline-caption').textContent = queries.map((q) => (q ? '“' + q + '”' : 'the whole archive')).join(' vs ') +
      ', per ' + bucket;
    chart.hidden = xs.length === 0;
    if (xs.length) drawTimeChart(chart, xs, series, { bucket });
    else chart.replaceChildren();

    // The numbers, one row per period that has any.
    const head = el('tr', {}, el('th', { text: bucket }),
      ...answers.flatMap((a, qi) => MEASURES.map((m) => el('th', { class: 'num', text: m + (answers.length > 1 ? ' (' + (qi + 1) + ')' : '') }))));
    const rows = new Map();
    answers.forEach((a, qi) => {
      for (const s of a.series || []) {
        if (!rows.has(s.period)) rows.set(s.period, answers.map(() => null));
        rows.get(s.period)[qi] = s;
      }
    });
    const body = el('tbody');
    for (const p of [...rows.keys()].sort()) {
      const link = el('a', { href: hashFor('search', [['q', queries[0]], ['since', p], ['until', p]]), text: p });
      body.append(el('tr', { 'data-period': p }, el('td', {}, link),
        ...rows.get(p).flatMap((s) => MEASURES.map((m) => el('td', { class: 'num', text: s ? fmt(s[m] ?? 0) : '0' })))));
    }
    const totals = answers.map((a) => Object.fromEntries(MEASURES.map((m) => [m, (a.series || []).reduce((n, s) => n + (s[m] || 0), 0)])));
    const foot = el('tfoot', {}, el('tr', {}, el('th', { text: 'total (dated)' }),
      ...totals.flatMap((t) => MEASURES.map((m) => el('th', { class: 'num', text: fmt(t[m]) })))));
    table.append(el('thead', {}, head), body, foot);

    const undated = answers.map((a, qi) => {
      const u = a.undated || {};
      const n = MEASURES.map((m) => fmt(u[m] || 0) + ' ' + m).join(', ');
      return (answers.length > 1 ? '(' + (qi + 1) + ') ' : '') + n;
    });
    $('#timeline-undated').textContent = 'Undated, not on the chart: ' + undated.join('; ');
    if (!periods.length) $('#timeline-caption').textContent += ': nothing dated matches';
  } catch (e) {
    showError(view, e);
    chart.replaceChildren();
  }
  loaded(view, query);
}

export function bindTimeline() {
  const form = $('#timeline-form');
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = hashFor('timeline', formParams(form));
  });
  // Changing the bucket or the measure redraws at once.
  for (const name of ['bucket', 'measure']) {
    form.elements[name].addEventListener('change', () => form.requestSubmit());
  }
}

// For other views: the hash of a timeline for `q`.
export function timelineHash(q, extra = []) { return hashFor('timeline', withParams('', [], [['q', q], ...extra])); }
