// The Eddy dashboard: plain JS, no build step. Data from /api/model, /api/score and the
// server-sent events of /api/events; charts by uPlot, the scatter on a plain canvas.
'use strict';

const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf',
  '#bcbd22', '#7f7f7f', '#393b79', '#637939', '#8c6d31', '#843c39', '#7b4173'];
const NOISE = '#b0b0b0';
const state = { model: null, charts: {}, live: null, lastPoint: null };

function $(id) { return document.getElementById(id); }
function color(slot) { return slot < 0 ? NOISE : PALETTE[slot % PALETTE.length]; }
function fmt(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e6 || a < 1e-3)) return v.toExponential(3);
  return Number(v.toPrecision(5)).toLocaleString('en-US', { maximumFractionDigits: 4 });
}
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'style') e.style.cssText = v; else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}
function slotOf(label) {
  const segs = state.model.segments;
  for (let i = 0; i < segs.length; i++) if (segs[i].label === label) return i;
  return -1;
}

// ---- tabs ------------------------------------------------------------------------------------
function showTab(name) {
  for (const b of document.querySelectorAll('#tabs button')) b.classList.toggle('active', b.dataset.tab === name);
  for (const s of document.querySelectorAll('.tab')) s.classList.toggle('active', s.id === name);
  if (name === 'analytics') drawAnalytics();
  if (name === 'live') drawLive();
  if (name === 'predict') drawPredictScatter();
  if (name === 'overview') drawScatter($('scatter'), null);
}
for (const b of document.querySelectorAll('#tabs button')) b.addEventListener('click', () => showTab(b.dataset.tab));

// ---- the model -------------------------------------------------------------------------------
async function loadModel() {
  const r = await fetch('/api/model');
  const m = await r.json();
  state.model = m;
  document.title = m.title;
  $('title').textContent = m.title;
  $('status').textContent = (m.live ? 'learning · ' + fmt(m.seen) + ' points seen' : 'saved model')
    + (m.ready ? ' · ' + m.segments.length + ' segments' : ' · no clustering yet');
  return m;
}

function drawCards() {
  const m = state.model, box = $('cards');
  box.replaceChildren(el('h2', {}, 'Segment cards'));
  if (!m.ready) { box.append(el('p', { class: 'note' }, 'No clustering yet.')); return; }
  m.segments.forEach((s, i) => {
    const t = el('table');
    m.features.forEach((f, j) => t.append(el('tr', {}, el('td', {}, f), el('td', {}, fmt(s.profile[j])),
      el('td', { class: 'note' }, 'all ' + fmt(m.populationMean[j])))));
    box.append(el('div', { class: 'card', style: 'border-left-color:' + color(i), 'data-label': s.label },
      el('div', { class: 'name' }, s.name),
      el('div', { class: 'meta' }, 'label ' + s.label + ' · size ' + fmt(s.size) + ' · ' + pct(s.share)), t));
  });
}

// Round tick values (1, 2 or 5 times a power of ten) covering [lo, hi].
function niceTicks(lo, hi, count) {
  const raw = (hi - lo) / count, p = Math.pow(10, Math.floor(Math.log10(raw))), f = raw / p;
  const step = (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * p;
  const out = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return out;
}
function pct(v) { return Number.isFinite(v) ? (100 * v).toFixed(1) + '%' : '–'; }

// A scatter of the recent sample coloured by segment, the centres as outlined discs with their
// label, and optionally one predicted point as a star. Plain canvas: a few thousand points.
function drawScatter(canvas, point) {
  const m = state.model;
  if (!m || !m.ready || !canvas.offsetParent) return;
  const dpr = window.devicePixelRatio || 1;
  const w = canvas.clientWidth || 640, h = Math.round(w * 0.66);
  canvas.width = w * dpr; canvas.height = h * dpr; canvas.style.height = h + 'px';
  const g = canvas.getContext('2d');
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.clearRect(0, 0, w, h);
  const xs = [...m.sample.x, ...m.segments.map(s => s.xy[0])], ys = [...m.sample.y, ...m.segments.map(s => s.xy[1])];
  if (point) { xs.push(point[0]); ys.push(point[1]); }
  let [x0, x1] = [Math.min(...xs), Math.max(...xs)], [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  if (x1 - x0 < 1e-12) { x0 -= 1; x1 += 1; }
  if (y1 - y0 < 1e-12) { y0 -= 1; y1 += 1; }
  const padX = (x1 - x0) * 0.05, padY = (y1 - y0) * 0.05;
  x0 -= padX; x1 += padX; y0 -= padY; y1 += padY;
  const L = 60, R = 12, T = 12, B = 44;
  const px = x => L + (x - x0) / (x1 - x0) * (w - L - R), py = y => h - B - (y - y0) / (y1 - y0) * (h - T - B);
  g.strokeStyle = '#d9dee6'; g.fillStyle = '#5d6878'; g.font = '11px sans-serif'; g.lineWidth = 1;
  for (const gx of niceTicks(x0, x1, 6)) {
    g.beginPath(); g.moveTo(px(gx), T); g.lineTo(px(gx), h - B); g.stroke();
    g.textAlign = 'center'; g.fillText(fmt(gx), px(gx), h - B + 14);
  }
  for (const gy of niceTicks(y0, y1, 5)) {
    g.beginPath(); g.moveTo(L, py(gy)); g.lineTo(w - R, py(gy)); g.stroke();
    g.textAlign = 'right'; g.fillText(fmt(gy), L - 4, py(gy) + 4);
  }
  g.strokeStyle = '#9aa4b2'; g.strokeRect(L, T, w - L - R, h - T - B);
  g.textAlign = 'center'; g.font = '12px sans-serif';
  g.fillText(m.axes[0], L + (w - L - R) / 2, h - 8);
  g.save(); g.translate(14, T + (h - T - B) / 2); g.rotate(-Math.PI / 2); g.fillText(m.axes[1], 0, 0); g.restore();
  g.globalAlpha = 0.55;
  for (let i = 0; i < m.sample.x.length; i++) {
    g.fillStyle = color(slotOf(m.sample.labels[i]));
    g.beginPath(); g.arc(px(m.sample.x[i]), py(m.sample.y[i]), 2.5, 0, 2 * Math.PI); g.fill();
  }
  g.globalAlpha = 1;
  m.segments.forEach((s, i) => {
    const cx = px(s.xy[0]), cy = py(s.xy[1]);
    g.fillStyle = color(i); g.strokeStyle = '#000'; g.lineWidth = 2;
    g.beginPath(); g.arc(cx, cy, 8, 0, 2 * Math.PI); g.fill(); g.stroke();
    g.font = 'bold 12px sans-serif';
    // Names near the right edge go to the left of their centre, so that none is cut off.
    const right = cx + 11 + g.measureText(s.name).width < w - R;
    const tx = right ? cx + 11 : cx - 11;
    g.textAlign = right ? 'left' : 'right';
    g.strokeStyle = 'rgba(255,255,255,0.9)'; g.lineWidth = 4; g.lineJoin = 'round';
    g.strokeText(s.name, tx, cy - 8);
    g.fillStyle = '#000'; g.fillText(s.name, tx, cy - 8);
  });
  if (point) {
    const cx = px(point[0]), cy = py(point[1]);
    g.fillStyle = '#ffd400'; g.strokeStyle = '#000'; g.lineWidth = 1.5;
    g.beginPath();
    for (let k = 0; k < 10; k++) {
      const r = k % 2 ? 6 : 14, a = -Math.PI / 2 + k * Math.PI / 5;
      g.lineTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
    }
    g.closePath(); g.fill(); g.stroke();
    canvas.dataset.point = point.join(',');
  }
  canvas.dataset.drawn = String(m.sample.x.length);
  $('scatter-note').textContent = m.sample.x.length + ' recent points and ' + m.segments.length
    + ' centres; axes: ' + m.axes.join(' × ') + '.';
}

// ---- predict ---------------------------------------------------------------------------------
function buildForm() {
  const m = state.model, box = $('predict-fields');
  box.replaceChildren();
  m.features.forEach((f, j) => {
    const v = m.populationMean && Number.isFinite(m.populationMean[j]) ? Number(m.populationMean[j].toPrecision(4)) : 0;
    box.append(el('label', {}, f, el('input', { type: 'number', step: 'any', required: '', name: f, id: 'f-' + j, value: v })));
  });
  $('predict-confidence-label').textContent = m.density ? 'outlier score' : 'confidence';
}
function drawPredictScatter() { drawScatter($('predict-scatter'), state.lastPoint); }
$('predict-form').addEventListener('submit', async e => {
  e.preventDefault();
  const point = state.model.features.map((f, j) => Number($('f-' + j).value));
  const r = await fetch('/api/score', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ point }) });
  if (!r.ok) {
    $('predict-error').textContent = await r.text(); $('predict-error').hidden = false; $('predict-result').hidden = true;
    return;
  }
  const s = await r.json();
  $('predict-error').hidden = true; $('predict-result').hidden = false;
  $('predict-segment').textContent = s.segment < 0 ? 'noise' : String(s.segment);
  $('predict-name').textContent = s.name;
  $('predict-distance').textContent = fmt(s.distance);
  $('predict-confidence').textContent = fmt(state.model.density ? s.outlierScore : s.confidence);
  state.lastPoint = s.xy;
  drawPredictScatter();
});

// ---- batch -----------------------------------------------------------------------------------
function parseCsv(text) {
  // RFC 4180: quoted cells may hold commas, quotes ("") and line breaks.
  const rows = []; let row = [], cell = '', q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"') { if (text[i + 1] === '"') { cell += '"'; i++; } else q = false; } else cell += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}
$('batch-submit').addEventListener('click', async () => {
  const file = $('batch-file').files[0];
  $('batch-error').hidden = true;
  if (!file) { $('batch-error').textContent = 'Choose a CSV file first.'; $('batch-error').hidden = false; return; }
  const r = await fetch('/api/score', { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: file });
  const text = await r.text();
  if (!r.ok) { $('batch-error').textContent = 'HTTP ' + r.status + ': ' + text; $('batch-error').hidden = false; return; }
  const rows = parseCsv(text), header = rows[0], body = rows.slice(1);
  const shown = body.slice(0, 500);
  const t = $('batch-table');
  t.replaceChildren(el('tr', {}, ...header.map(h => el('th', {}, h))));
  const segCol = header.length - 4;
  for (const r2 of shown) {
    const slot = r2[segCol] === 'noise' ? -1 : slotOf(Number(r2[segCol]));
    const tr = el('tr', {}, ...r2.map(c => el('td', {}, c)));
    tr.firstChild.prepend(el('span', { class: 'swatch', style: 'background:' + color(slot) }));
    t.append(tr);
  }
  const dropped = r.headers.get('X-Eddy-Dropped') || '0';
  $('batch-summary').textContent = body.length + ' rows scored' + (dropped !== '0' ? ', ' + dropped
    + ' dropped for missing values' : '') + (body.length > shown.length ? '; the first ' + shown.length + ' shown' : '') + '.';
  const a = $('batch-download');
  if (a.href) URL.revokeObjectURL(a.href);
  a.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  a.download = file.name.replace(/\.csv$/i, '') + '-scored.csv';
  a.hidden = false;
  const counts = state.model.segments.map(() => 0); let noise = 0;
  for (const r2 of body) { const s = r2[segCol] === 'noise' ? -1 : slotOf(Number(r2[segCol])); if (s < 0) noise++; else counts[s]++; }
  const names = state.model.segments.map(s => s.name);
  const colours = names.map((_, i) => color(i));
  if (noise) { names.push('noise'); counts.push(noise); colours.push(NOISE); }
  barChart('batch-chart', names, counts, 'rows', colours);
});

// ---- charts ----------------------------------------------------------------------------------
function width(id) { return Math.max(280, $(id).clientWidth || 400); }
function barChart(id, names, values, unit, colours) {
  const box = $(id);
  if (state.charts[id]) state.charts[id].destroy();
  box.replaceChildren();
  const xs = names.map((_, i) => i);
  state.charts[id] = new uPlot({
    width: width(id), height: 260, legend: { show: false }, cursor: { show: false },
    scales: { x: { time: false, range: [-0.6, names.length - 0.4] }, y: { range: (u, lo, hi) => [0, hi * 1.1 || 1] } },
    axes: [{ values: (u, ticks) => ticks.map(t => Number.isInteger(t) && names[t] !== undefined ? names[t].slice(0, 22) : ''),
      splits: () => xs, rotate: 0, size: 50 }, { label: unit, size: 60 }],
    series: [{}, { label: unit, fill: '#1f6feb', stroke: '#1f6feb', points: { show: false },
      paths: uPlot.paths.bars({ size: [0.7, 80], disp: { fill: { unit: 3, values: () => colours },
        stroke: { unit: 3, values: () => colours } } }) }],
  }, [xs, values], box);
  box.dataset.values = values.join(',');
}
function drawAnalytics() {
  const m = state.model;
  if (!m || !m.ready) return;
  const q = m.quality, t = $('quality');
  t.replaceChildren();
  const rows = [['segments', m.segments.length], ['sample points', q.points],
    ['silhouette', fmt(q.silhouette) + (q.silhouetteSe > 0 ? ' ± ' + q.silhouetteSe.toPrecision(2) + ' (sampled)' : '')],
    ['Davies–Bouldin', fmt(q.daviesBouldin)], ['Calinski–Harabasz', fmt(q.calinskiHarabasz)]];
  for (const [k, v] of rows) t.append(el('tr', {}, el('td', {}, k), el('td', { id: 'q-' + k.split(/[ –]/)[0].toLowerCase() }, v)));
  barChart('sizes-chart', m.segments.map(s => s.name), m.segments.map(s => s.size), 'size', m.segments.map((s, i) => color(i)));
  const p = $('profiles');
  p.replaceChildren(el('tr', {}, el('th', {}, 'segment'), el('th', {}, 'size'), el('th', {}, 'share'),
    ...m.features.map(f => el('th', {}, f))));
  m.segments.forEach((s, i) => p.append(el('tr', {}, el('td', {}, el('span', { class: 'swatch', style: 'background:' + color(i) }), s.name),
    el('td', {}, fmt(s.size)), el('td', {}, pct(s.share)), ...s.profile.map(v => el('td', {}, fmt(v))))));
  p.append(el('tr', {}, el('td', {}, 'all (sample)'), el('td', {}, ''), el('td', {}, '100%'),
    ...m.populationMean.map(v => el('td', {}, fmt(v)))));
}

// ---- live ------------------------------------------------------------------------------------
const EVENT_COLOURS = { birth: '#2ca02c', vanish: '#d62728', merge: '#9467bd', split: '#ff7f0e' };
const live = { t: [], count: [], births: [], gone: [], rate: [], sil: [], drift: new Map(), ticks: 0 };
function lineChart(id, title, series, data) {
  if (!$(id).offsetParent) return;
  const key = id + ':' + series.map(s => s.label).join('|');
  let c = state.charts[id];
  if (!c || c._key !== key || Math.abs(c.width - width(id)) > 4) {
    if (c) c.destroy();
    $(id).replaceChildren();
    // A static legend: names and colours only, no value cells that read "--" off the chart.
    c = new uPlot({ width: width(id), height: 220, scales: { x: { time: false } }, legend: { live: false },
      axes: [{ label: 'seconds', size: 40 }, { size: 60 }],
      series: [{ label: 's' }, ...series] }, data, $(id));
    c._key = key;
    state.charts[id] = c;
  } else c.setData(data);
}
function drawLive() {
  const L = live;
  $('live-ticks').textContent = L.ticks;
  lineChart('chart-segments', 'segments', [{ label: 'segments', stroke: '#1f6feb', width: 2 },
    { label: 'births (total)', stroke: '#2ca02c', width: 1, dash: [4, 3] },
    { label: 'vanishings + merges (total)', stroke: '#d62728', width: 1, dash: [4, 3] }], [L.t, L.count, L.births, L.gone]);
  lineChart('chart-rate', 'rate', [{ label: 'points/s', stroke: '#2ca02c', width: 2 }], [L.t, L.rate]);
  lineChart('chart-quality', 'quality', [{ label: 'silhouette', stroke: '#d62728', width: 2 }], [L.t, L.sil]);
  const labels = [...L.drift.keys()].sort((a, b) => a - b).slice(0, 15);
  lineChart('chart-drift', 'drift', labels.map(l => ({ label: 'segment ' + l, stroke: PALETTE[l % PALETTE.length], width: 1.5, spanGaps: false })),
    [L.t, ...labels.map(l => L.drift.get(l))]);
}
function onTick(d) {
  const L = live;
  L.ticks++;
  L.t.push(d.t); L.count.push(d.ready ? d.segments : null); L.rate.push(L.ticks > 1 ? d.rate : null);
  // Totals restart with the lineage: earlier points of the curves would not compare.
  if (d.restart) { L.births.fill(null); L.gone.fill(null); }
  L.births.push(d.totals.births); L.gone.push(d.totals.vanishings + d.totals.merges);
  L.sil.push(d.ready && d.quality.silhouette !== null ? d.quality.silhouette : null);
  for (const arr of L.drift.values()) arr.push(null);
  if (d.ready) d.labels.forEach((l, i) => {
    if (!L.drift.has(l)) L.drift.set(l, new Array(L.t.length).fill(null));
    L.drift.get(l)[L.t.length - 1] = d.drift[i];
  });
  if (L.t.length > 600) {
    for (const a of [L.t, L.count, L.births, L.gone, L.rate, L.sil, ...L.drift.values()]) a.shift();
  }
  $('live-seen').textContent = fmt(d.seen);
  $('live-rate').textContent = fmt(d.rate);
  $('live-segments').textContent = d.ready ? d.segments : 0;
  $('live-births').textContent = d.totals.births;
  $('live-vanishings').textContent = d.totals.vanishings;
  $('live-merges').textContent = d.totals.merges;
  // Comparing snapshots cannot see a split: no count rather than a zero.
  $('live-splits').textContent = d.lineage ? d.totals.splits : '–';
  const list = $('live-events');
  // The first tick with the clusterer's own lineage replaces what comparing snapshots guessed.
  if (d.restart) list.replaceChildren();
  $('live-events-source').textContent = d.lineage
    ? 'Recorded by the clusterer at each reclustering (its lineage), with the labels of its segments.'
    : 'Guessed by comparing successive snapshots: a label that appears is a birth, one that disappears a merge '
      + 'into the nearest segment if that segment gained its weight, else a vanishing; splits are not seen.';
  for (const e of d.events) {
    const text = e.type === 'birth' ? 'segment ' + e.to[0] + ' born'
      : e.type === 'vanish' ? 'segment ' + e.from[0] + ' vanished'
      : e.type === 'merge' ? 'segments ' + e.from.join(' + ') + ' merged into ' + e.to[0]
      : 'segment ' + e.from[0] + ' split into ' + e.to.join(' + ');
    const li = el('li', { 'data-type': e.type }, 't=' + fmt(d.t) + ' s, ' + fmt(d.seen) + ' points: ' + text);
    li.prepend(el('span', { class: 'swatch', style: 'background:' + EVENT_COLOURS[e.type] }));
    list.prepend(li);
  }
  while (list.children.length > 200) list.lastChild.remove();
  $('status').textContent = 'learning · ' + fmt(d.seen) + ' points seen · ' + (d.ready ? d.segments + ' segments' : 'no clustering yet');
  if ($('live').classList.contains('active')) drawLive(); else $('live-ticks').textContent = L.ticks;
}
function connect() {
  const es = new EventSource('/api/events');
  es.addEventListener('tick', e => onTick(JSON.parse(e.data)));
  es.addEventListener('static', () => { $('live-static').hidden = false; es.close(); });
}

// ---- start -----------------------------------------------------------------------------------
let refreshing = false;
async function refresh() {
  if (refreshing) return;
  refreshing = true;
  try {
    await loadModel();
    drawCards();
    if ($('overview').classList.contains('active')) drawScatter($('scatter'), null);
    if ($('analytics').classList.contains('active')) drawAnalytics();
  } finally { refreshing = false; }
}
(async () => {
  const m = await loadModel();
  $('batch-features').textContent = m.features.join(', ');
  $('batch-limit').textContent = fmt(m.uploadLimit / 1048576) + ' MiB';
  buildForm();
  drawCards();
  drawScatter($('scatter'), null);
  connect();
  // A learning model moves: the overview follows it every few seconds (the live page every tick).
  if (m.live) setInterval(refresh, 3000);
  document.body.dataset.ready = 'true';
})();
