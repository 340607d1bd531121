// greenband dashboard: plain JavaScript and SVG, no third-party code. Reads the aggregator's REST API and
// reloads when the study's server-sent-event stream reports a scored trial.
(function () {
  'use strict';
  const SVG = 'http://www.w3.org/2000/svg';
  const COLOURS = ['#1f8a3b', '#c2571a', '#2f6db3', '#8a3b8f', '#b3a12f', '#2fa3a3'];
  const params = new URLSearchParams(location.search);
  const state = { study: null, source: null, reloadTimer: null };

  const $ = (id) => document.getElementById(id);
  window.addEventListener('error', (e) => report(e.message));
  window.addEventListener('unhandledrejection', (e) => report(String(e.reason)));

  function report(message) {
    const li = document.createElement('li');
    li.textContent = message;
    $('errors').appendChild(li);
    $('status').textContent = 'error: ' + message;
  }

  async function api(path) {
    const r = await fetch('api/' + path, { headers: { Accept: 'application/json' } });
    if (!r.ok) {
      throw new Error(path + ': HTTP ' + r.status);
    }
    return r.json();
  }

  function el(name, attrs, parent, text) {
    const e = document.createElementNS(SVG, name);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    if (text !== undefined) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }

  function clear(svg) {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
  }

  function scale(values, from, to) {
    let lo = Math.min(...values), hi = Math.max(...values);
    if (!isFinite(lo)) { lo = 0; hi = 1; }
    if (hi === lo) { hi = lo + (lo === 0 ? 1 : Math.abs(lo) * 0.1); lo = lo - (hi - lo); }
    const pad = (hi - lo) * 0.05;
    lo -= pad; hi += pad;
    const f = (v) => from + (v - lo) / (hi - lo) * (to - from);
    f.lo = lo; f.hi = hi;
    return f;
  }

  function axes(svg, w, h, m, xs, ys, xLabel, yLabel, xFmt) {
    el('line', { x1: m, y1: h - m, x2: w - 10, y2: h - m, class: 'axis' }, svg);
    el('line', { x1: m, y1: 10, x2: m, y2: h - m, class: 'axis' }, svg);
    for (let i = 0; i <= 4; i++) {
      const xv = xs.lo + (xs.hi - xs.lo) * i / 4, yv = ys.lo + (ys.hi - ys.lo) * i / 4;
      el('text', { x: xs(xv), y: h - m + 14, 'text-anchor': 'middle' }, svg, (xFmt || fmt)(xv));
      el('text', { x: m - 4, y: ys(yv) + 4, 'text-anchor': 'end' }, svg, fmt(yv));
    }
    el('text', { x: (w + m) / 2, y: h - 4, 'text-anchor': 'middle' }, svg, xLabel);
    el('text', { x: 12, y: h / 2, transform: 'rotate(-90 12 ' + h / 2 + ')', 'text-anchor': 'middle' }, svg, yLabel);
  }

  function fmt(v) {
    if (v instanceof Date) return v.toISOString().substring(11, 19);
    const a = Math.abs(v);
    return a !== 0 && (a < 0.01 || a >= 1e5) ? v.toExponential(1) : (+v.toFixed(3)).toString();
  }

  function value(trial, name) {
    const o = trial.objectives.find((x) => x.name === name);
    return o && !o.missing ? o.value : null;
  }

  // y: accuracy (1 - val_error, or val_accuracy when it is an objective), else the first objective.
  function yOf(trial, study) {
    if (study.objectives.includes('val_error')) {
      const e = value(trial, 'val_error');
      return e === null ? null : 1 - e;
    }
    if (study.objectives.includes('val_accuracy')) return value(trial, 'val_accuracy');
    return value(trial, study.objectives[0]);
  }

  function yLabel(study) {
    return study.objectives.includes('val_error') || study.objectives.includes('val_accuracy')
      ? 'accuracy' : study.objectives[0];
  }

  function xOf(trial) {
    return $('xaxis').value === 'energy' ? trial.energyJoules : trial.emissionsGrams;
  }

  function drawScatter(study, trials) {
    const svg = $('scatter'), w = 720, h = 420, m = 56;
    clear(svg);
    const pts = trials.filter((t) => t.status === 'SCORED' && xOf(t) !== null && yOf(t, study) !== null);
    const xs = scale(pts.map(xOf), m, w - 10), ys = scale(pts.map((t) => yOf(t, study)), h - m, 10);
    axes(svg, w, h, m, xs, ys, $('xaxis').selectedOptions[0].textContent, yLabel(study));
    const front = pts.filter((t) => t.onFront).sort((a, b) => xOf(a) - xOf(b));
    if (front.length > 1) {
      let d = 'M' + xs(xOf(front[0])) + ',' + ys(yOf(front[0], study));
      for (let i = 1; i < front.length; i++) {
        d += ' H' + xs(xOf(front[i])) + ' V' + ys(yOf(front[i], study));
      }
      el('path', { d: d, class: 'staircase' }, svg);
    }
    pts.sort((a, b) => Number(a.onFront) - Number(b.onFront)).forEach((t) => {
      const c = el('circle', {
        cx: xs(xOf(t)), cy: ys(yOf(t, study)), r: t.onFront ? 6 : 4.5,
        class: 'trial' + (t.onFront ? ' front' : ''), 'data-trial': t.trialId + '#' + t.attempt,
        'data-front': String(t.onFront)
      }, svg);
      const text = describe(t);
      el('title', {}, c, text);
      c.addEventListener('mouseenter', () => { $('hover').textContent = text; });
    });
    $('front-summary').textContent = pts.length + ' scored, ' + front.length + ' on the front';
  }

  function describe(t) {
    const objectives = t.objectives.map((o) => o.name + '=' + (o.missing ? 'missing' : fmt(o.value))).join('  ');
    return t.trialId + ' #' + t.attempt + '  fidelity ' + t.fidelity + (t.onFront ? '  (front)' : '') + '\n'
      + objectives + '\n' + JSON.stringify(t.config || {});
  }

  function drawLines(svg, series, xLabel, yLabel) {
    const w = 480, h = 240, m = 52;
    clear(svg);
    const all = series.flatMap((s) => s.points);
    if (all.length === 0) {
      el('text', { x: w / 2, y: h / 2, 'text-anchor': 'middle' }, svg, 'no data yet');
      return;
    }
    const xs = scale(all.map((p) => p[0]), m, w - 10), ys = scale(all.map((p) => p[1]), h - m, 10);
    axes(svg, w, h, m, xs, ys, xLabel, yLabel, (v) => fmt(new Date(v)));
    series.forEach((s, i) => {
      const d = s.points.map((p, k) => (k ? 'L' : 'M') + xs(p[0]) + ',' + ys(p[1])).join(' ');
      el('path', { d: d, class: 'series', stroke: COLOURS[i % COLOURS.length] }, svg);
      el('text', { x: w - 12, y: 14 + 13 * i, 'text-anchor': 'end', fill: COLOURS[i % COLOURS.length] }, svg, s.name);
    });
  }

  function drawHypervolume(history) {
    drawLines($('hypervolume'), [{ name: 'top fidelity', points: history.map((h) => [Date.parse(h.at), h.hypervolume]) }],
      'time', 'hypervolume');
    // A fixed reference point makes the line comparable over time; a derived frame moves with the points.
    const last = history[history.length - 1];
    $('hypervolume-frame').textContent = !last || !last.frame ? ''
      : last.frame === 'fixed' ? 'reference point (' + last.reference.map(fmt).join(', ') + ') fixed by the study'
        : 'frame derived from the observed points; values of different frames are not comparable';
  }

  function drawPower(points) {
    const byDevice = new Map();
    points.forEach((p) => {
      const key = p.host + ' ' + p.device.substring(0, 14);
      if (!byDevice.has(key)) byDevice.set(key, []);
      byDevice.get(key).push([Date.parse(p.start), p.watts], [Date.parse(p.end), p.watts]);
    });
    drawLines($('power'), [...byDevice].map(([name, pts]) => ({ name: name, points: pts })), 'time', 'W');
  }

  function drawTable(study, trials) {
    const head = ['trial', 'attempt', 'fidelity', 'status'].concat(study.objectives, ['energy (J)', 'emissions (g)', 'energy basis', 'scored']);
    const thead = $('trials').tHead, tbody = $('trials').tBodies[0];
    thead.innerHTML = '';
    tbody.innerHTML = '';
    const hr = thead.insertRow();
    head.forEach((h) => { const th = document.createElement('th'); th.textContent = h; hr.appendChild(th); });
    trials.forEach((t) => {
      const r = tbody.insertRow();
      r.className = t.onFront ? 'front' : '';
      const cells = [t.trialId, t.attempt, t.fidelity, t.status]
        .concat(study.objectives.map((o) => { const v = value(t, o); return v === null ? '—' : fmt(v); }),
          [t.energyJoules === null ? '—' : fmt(t.energyJoules), t.emissionsGrams === null ? '—' : fmt(t.emissionsGrams),
            t.energyBasis === null || t.energyBasis === undefined ? '—' : t.energyBasis, t.scoredAt]);
      cells.forEach((c) => { r.insertCell().textContent = String(c); });
    });
  }

  async function load() {
    const id = state.study.studyId, enc = encodeURIComponent(id);
    const [page, history, power] = await Promise.all([
      api('studies/' + enc + '/trials?limit=1000&sort=scoredAt'),
      api('studies/' + enc + '/hypervolume'),
      api('studies/' + enc + '/power')
    ]);
    drawScatter(state.study, page.items);
    drawHypervolume(history);
    drawPower(power);
    drawTable(state.study, page.items);
    $('csv').href = 'api/studies/' + enc + '/emissions.csv';
    $('status').textContent = page.total + ' trials · updated ' + new Date().toISOString().substring(11, 19);
    document.body.dataset.loaded = 'true';
  }

  function scheduleReload() {
    clearTimeout(state.reloadTimer);
    state.reloadTimer = setTimeout(() => load().catch((e) => report(e.message)), 300);
  }

  function listen() {
    if (state.source) state.source.close();
    if (params.get('live') === 'false' || !window.EventSource) return;
    state.source = new EventSource('api/studies/' + encodeURIComponent(state.study.studyId) + '/stream');
    state.source.onmessage = scheduleReload;
  }

  async function select(studyId) {
    state.study = await api('studies/' + encodeURIComponent(studyId));
    await load();
    listen();
  }

  async function start() {
    const studies = await api('studies');
    const select$ = $('study');
    studies.forEach((s) => {
      const o = document.createElement('option');
      o.value = s.studyId;
      o.textContent = s.name;
      select$.appendChild(o);
    });
    if (studies.length === 0) {
      $('status').textContent = 'no studies yet';
      document.body.dataset.loaded = 'true';
      return;
    }
    const wanted = params.get('study');
    select$.value = studies.some((s) => s.studyId === wanted) ? wanted : studies[studies.length - 1].studyId;
    select$.addEventListener('change', () => select(select$.value).catch((e) => report(e.message)));
    $('xaxis').addEventListener('change', () => load().catch((e) => report(e.message)));
    await select(select$.value);
  }

  start().catch((e) => report(e.message));
})();
