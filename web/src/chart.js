// Time series with uPlot: counts per day, month or year.
import uPlot from 'uplot';

// Seconds since the epoch (UTC) at the start of a period "YYYY", "YYYY-MM"
// or "YYYY-MM-DD"; NaN for anything else.
export function periodStart(p) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(String(p || ''));
  if (!m) return NaN;
  return Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1) / 1000;
}

function nextPeriod(t, bucket) {
  const d = new Date(t * 1000);
  if (bucket === 'day') d.setUTCDate(d.getUTCDate() + 1);
  else if (bucket === 'year') d.setUTCFullYear(d.getUTCFullYear() + 1);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  return d.getTime() / 1000;
}

function prevPeriod(t, bucket) {
  const d = new Date(t * 1000);
  if (bucket === 'day') d.setUTCDate(d.getUTCDate() - 1);
  else if (bucket === 'year') d.setUTCFullYear(d.getUTCFullYear() - 1);
  else d.setUTCMonth(d.getUTCMonth() - 1);
  return d.getTime() / 1000;
}

// The x values: every period from the first to the last one given (so a
// period without items is a 0, not a gap), unless that would be over `cap`.
export function periodAxis(periods, bucket, cap = 4000) {
  const ts = [...new Set(periods.map(periodStart).filter((t) => !Number.isNaN(t)))].sort((a, b) => a - b);
  if (ts.length === 0) return ts;
  // One period alone is drawn between its neighbours (at 0), so it reads as
  // a peak, not as a lone dot at the edge of an arbitrary axis.
  if (ts.length === 1) return [prevPeriod(ts[0], bucket), ts[0], nextPeriod(ts[0], bucket)];
  const all = [];
  for (let t = ts[0]; t <= ts[ts.length - 1] && all.length <= cap; t = nextPeriod(t, bucket)) all.push(t);
  return all.length > cap ? ts : all;
}

export const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf'];

// Draws `series` ([{label, values: Map(t -> n), color, dash}]) over `xs` into
// `box` (replacing what was there); returns the uPlot instance.
export function drawTimeChart(box, xs, series, { bucket = 'month', height = 300 } = {}) {
  if (box._plot) { box._plot.destroy(); box._plot = null; }
  box.replaceChildren();
  const width = Math.max(320, box.clientWidth || 800);
  const data = [xs, ...series.map((s) => xs.map((t) => s.values.get(t) ?? 0))];
  const fmtDate = (t) => {
    const iso = new Date(t * 1000).toISOString();
    return bucket === 'day' ? iso.slice(0, 10) : bucket === 'year' ? iso.slice(0, 4) : iso.slice(0, 7);
  };
  const opts = {
    width,
    height,
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max * 1.1)] } },
    axes: [{}, { label: 'count', size: 50 }],
    legend: { live: false },
    series: [
      { label: bucket, value: (u, v) => (v === null || v === undefined ? '' : fmtDate(v)) },
      ...series.map((s) => ({
        label: s.label,
        stroke: s.color,
        width: 2,
        dash: s.dash || undefined,
        points: { show: xs.length < 60, size: 6 },
        value: (u, v) => (v === null || v === undefined ? '' : String(v)),
      })),
    ],
  };
  const plot = new uPlot(opts, data, box);
  box._plot = plot;
  return plot;
}
