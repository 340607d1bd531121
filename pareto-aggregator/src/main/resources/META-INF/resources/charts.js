// greenband charts: Apache ECharts options built from a study model in the aggregator's API shapes. Shared by
// the dashboard (served by the aggregator) and the CLI's report.html (inlined there). No HTML is generated from
// data: tooltips render as text inside the canvas, so the dashboard's self-only policy needs no inline styles.
(function (root) {
  'use strict';
  const PALETTE = ['#2e7d32', '#c2571a', '#2f6db3', '#8a3b8f', '#b3a12f', '#2fa3a3', '#7a5c3e', '#d64c7f'];
  const C = { instances: {}, palette: PALETTE };

  /** An objective's axis label: its name and, when the study gives one, its unit. */
  C.label = function (study, i) {
    const unit = study.units && study.units[i] ? study.units[i] : '';
    return study.objectives[i] + (unit ? ' (' + unit + ')' : '');
  };

  /** Tick labels without float noise; exponents only for very large or small magnitudes. */
  C.fmt = function (v) {
    if (typeof v !== 'number' || !isFinite(v)) return String(v);
    const a = Math.abs(v);
    if (a !== 0 && (a < 1e-3 || a >= 1e6)) return v.toExponential(2).replace(/\.?0+e/, 'e');
    return String(+v.toPrecision(6));
  };

  function value(trial, name) {
    const o = trial.objectives.find((x) => x.name === name);
    return o && !o.missing && o.value !== null && o.value !== undefined ? o.value : null;
  }

  C.value = value;
  C.key = (t) => t.trialId + '#' + t.attempt;

  function vector(t, study) {
    const v = study.objectives.map((n) => value(t, n));
    return v.every((x) => x !== null) ? v : null;
  }

  function dominates(a, b, dirs) {
    let strictly = false;
    for (let i = 0; i < a.length; i++) {
      const x = dirs[i] === 'maximize' ? -a[i] : a[i], y = dirs[i] === 'maximize' ? -b[i] : b[i];
      if (x > y) return false;
      if (x < y) strictly = true;
    }
    return strictly;
  }

  /** Non-dominated sorting rank (0 = front) of each scored trial with a full vector, within its fidelity. */
  C.ranks = function (study, trials) {
    const out = new Map(), byFidelity = new Map();
    trials.forEach((t) => {
      const v = t.status === 'SCORED' ? vector(t, study) : null;
      if (!v) return;
      if (!byFidelity.has(t.fidelity)) byFidelity.set(t.fidelity, []);
      byFidelity.get(t.fidelity).push({ t: t, v: v });
    });
    byFidelity.forEach((pts) => {
      let left = pts, rank = 0;
      while (left.length > 0) {
        const layer = left.filter((p) => !left.some((q) => q !== p && dominates(q.v, p.v, study.directions)));
        layer.forEach((p) => out.set(C.key(p.t), rank));
        left = left.filter((p) => !layer.includes(p));
        rank++;
      }
    });
    return out;
  };

  function valueAxis(name, values, extra) {
    const pos = values.filter((v) => v > 0);
    const log = pos.length === values.length && pos.length > 1 && Math.max(...pos) / Math.min(...pos) >= 1000;
    return Object.assign({
      type: log ? 'log' : 'value', name: name, nameLocation: 'middle', nameGap: 48, scale: true,
      axisLabel: { formatter: C.fmt, hideOverlap: true }, splitLine: { lineStyle: { color: '#eee' } }
    }, extra || {});
  }

  /** A time axis; one point (or one instant) gets a minute either side instead of an empty span. */
  function timeAxis(times) {
    const lo = Math.min(...times), hi = Math.max(...times);
    const axis = { type: 'time', name: 'time (UTC)', nameLocation: 'middle', nameGap: 28,
      axisLabel: { hideOverlap: true }, splitLine: { show: false } };
    if (!(hi > lo)) { axis.min = lo - 60000; axis.max = hi + 60000; }
    return axis;
  }

  function base(extra) {
    return Object.assign({
      animation: false, color: PALETTE, textStyle: { fontFamily: 'system-ui, sans-serif' },
      tooltip: { renderMode: 'richText', confine: true }, grid: { left: 72, right: 24, top: 40, bottom: 56 }
    }, extra);
  }

  function describe(t, study) {
    return C.key(t) + '  fidelity ' + C.fmt(t.fidelity) + '\n' + study.objectives.map((n, i) =>
      C.label(study, i) + ' = ' + (value(t, n) === null ? 'missing' : C.fmt(value(t, n)))).join('\n');
  }

  /** The Pareto front of each fidelity: front points, dominated points and (two objectives) the staircase. */
  C.front = function (m) {
    const s = m.study;
    if (s.objectives.length < 2) return { note: 'The front needs two objectives; see the history below.' };
    const ranks = C.ranks(s, m.trials), fids = [...new Set(m.trials.map((t) => t.fidelity))].sort((a, b) => a - b);
    const series = [], xs = [], ys = [];
    fids.forEach((f, k) => {
      const pts = m.trials.filter((t) => t.fidelity === f && ranks.has(C.key(t)));
      if (pts.length === 0) return;
      const colour = PALETTE[k % PALETTE.length];
      const item = (t) => ({ value: [value(t, s.objectives[0]), value(t, s.objectives[1])], name: C.key(t),
        text: describe(t, s) });
      const front = pts.filter((t) => ranks.get(C.key(t)) === 0).map(item);
      const dominated = pts.filter((t) => ranks.get(C.key(t)) > 0).map(item);
      pts.forEach((t) => { xs.push(value(t, s.objectives[0])); ys.push(value(t, s.objectives[1])); });
      series.push({ type: 'scatter', name: 'fidelity ' + C.fmt(f) + ' front', data: front, symbolSize: 11,
        itemStyle: { color: colour, borderColor: '#222', borderWidth: 1 }, z: 3 });
      series.push({ type: 'scatter', name: 'fidelity ' + C.fmt(f) + ' dominated', data: dominated, symbolSize: 7,
        itemStyle: { color: colour, opacity: 0.45 }, z: 2 });
      if (s.objectives.length === 2) {
        series.push({ type: 'line', name: 'fidelity ' + C.fmt(f) + ' staircase', data: staircase(front, s.directions),
          showSymbol: false, lineStyle: { color: colour, width: 1.5 }, itemStyle: { color: colour },
          tooltip: { show: false }, z: 1 });
      }
    });
    if (series.length === 0) return { note: 'No scored trial has every objective yet.' };
    return {
      option: base({
        legend: { top: 0, type: 'scroll' },
        tooltip: { renderMode: 'richText', confine: true, formatter: (p) => p.data && p.data.text ? p.data.text : '' },
        // A margin around the points so none sits on the frame; the extent is then rounded to nice ticks.
        xAxis: valueAxis(C.label(s, 0), xs, { nameGap: 30, boundaryGap: ['8%', '8%'] }),
        yAxis: valueAxis(C.label(s, 1), ys, { nameGap: 56, boundaryGap: ['8%', '8%'] }),
        grid: { left: 80, right: 24, top: 48, bottom: 56 }, series: series
      }),
      note: s.objectives.length > 2 ? 'First two of ' + s.objectives.length + ' objectives; front and rank use all.' : ''
    };
  };

  // The attainment boundary: from each front point across to the next point's x, then to its y.
  function staircase(front, dirs) {
    const sign = dirs[0] === 'maximize' ? -1 : 1;
    const pts = front.map((p) => p.value).sort((a, b) => sign * (a[0] - b[0]));
    const out = [];
    pts.forEach((p, i) => {
      out.push(p);
      if (i + 1 < pts.length) out.push([pts[i + 1][0], p[1]]);
    });
    return out;
  }

  /** Hypervolume after each front change, with the frame it was measured in and why it is 0 when it is. */
  C.hypervolume = function (m) {
    const h = m.hypervolume || [];
    if (h.length === 0) return { note: 'No front yet: the hypervolume appears with the first scored trial.' };
    const timed = h.every((e) => e.at);
    const data = h.map((e, i) => [timed ? Date.parse(e.at) : i + 1, e.hypervolume]);
    const last = h[h.length - 1], s = m.study;
    let note = last.frame === 'fixed'
      ? 'Against the study\'s reference point (' + (last.reference || []).map((r, i) => C.fmt(r) + (s.units && s.units[i]
        ? ' ' + s.units[i] : '')).join(', ') + '): comparable over time.'
      : 'In a frame derived from the points observed so far (min-max normalized, reference 1.1): it moves as points '
        + 'arrive, so values of different frames are not comparable. Give every objective a reference for a fixed frame.';
    if (last.hypervolume === 0) {
      note += ' The hypervolume is 0: ' + (last.zeroReason || (last.frame === 'fixed'
        ? 'no front point beats the reference point in every objective' : 'the front is empty')) + '.';
    }
    return {
      note: note,
      option: base({
        xAxis: timed ? timeAxis(data.map((d) => d[0])) : valueAxis('scored trials', data.map((d) => d[0]),
          { nameGap: 28, minInterval: 1 }),
        yAxis: valueAxis('hypervolume', data.map((d) => d[1]), { nameGap: 56 }),
        series: [{ type: 'line', name: 'hypervolume', step: 'end', data: data, symbolSize: 6,
          areaStyle: { opacity: 0.08 } }],
        tooltip: { renderMode: 'richText', trigger: 'axis', valueFormatter: C.fmt }
      })
    };
  };

  /** Each objective over the scored trials in scoring order, with the best value so far. */
  C.history = function (m) {
    const s = m.study, scored = m.trials.filter((t) => t.status === 'SCORED');
    if (scored.length === 0) return { note: 'No scored trial yet.' };
    const n = s.objectives.length, grids = [], xAxes = [], yAxes = [], series = [];
    const height = 100 / n;
    s.objectives.forEach((name, i) => {
      const pts = [];
      scored.forEach((t, k) => { if (value(t, name) !== null) pts.push([k + 1, value(t, name)]); });
      const best = [];
      let b = null;
      pts.forEach((p) => {
        b = b === null ? p[1] : (s.directions[i] === 'maximize' ? Math.max(b, p[1]) : Math.min(b, p[1]));
        best.push([p[0], b]);
      });
      grids.push({ left: 80, right: 24, top: (i * height + 6) + '%', height: (height - 16) + '%' });
      xAxes.push(valueAxis(i === n - 1 ? 'scored trials (in order)' : '', pts.map((p) => p[0]),
        { gridIndex: i, nameGap: 26, minInterval: 1, scale: false, min: 1 }));
      yAxes.push(valueAxis(C.label(s, i), pts.map((p) => p[1]), { gridIndex: i, nameGap: 56 }));
      series.push({ type: 'scatter', name: name, xAxisIndex: i, yAxisIndex: i, data: pts, symbolSize: 7,
        itemStyle: { color: PALETTE[i % PALETTE.length] } });
      series.push({ type: 'line', name: name + ' best so far', xAxisIndex: i, yAxisIndex: i, data: best, step: 'end',
        showSymbol: false, lineStyle: { color: '#222', width: 1.2 } });
    });
    return { height: 180 * n + 20, option: base({ grid: grids, xAxis: xAxes, yAxis: yAxes, series: series,
      tooltip: { renderMode: 'richText', valueFormatter: C.fmt } }) };
  };

  /** Energy per trial, stacked by component and attribution basis. */
  C.energy = function (m) {
    const e = (m.energy || []).filter((x) => x.parts && x.parts.length > 0);
    if (e.length === 0) return { note: 'No trial has final energy yet (it is final a grace period after the trial).' };
    const keys = [];
    e.forEach((x) => x.parts.forEach((p) => {
      const k = p.component + ' · ' + (p.basis || 'unknown basis');
      if (!keys.includes(k)) keys.push(k);
    }));
    const cats = e.map((x) => x.trialId + (x.attempt > 1 ? '#' + x.attempt : ''));
    const series = keys.map((k) => ({ type: 'bar', name: k, stack: 'energy', barMaxWidth: 36,
      data: e.map((x) => x.parts.filter((p) => p.component + ' · ' + (p.basis || 'unknown basis') === k)
        .reduce((a, p) => a + p.joules, 0)) }));
    const other = e.some((x) => x.otherJoules > 0);
    if (other) {
      series.push({ type: 'scatter', name: 'host other energy (not charged)', data: e.map((x) => x.otherJoules),
        symbol: 'diamond', symbolSize: 9, itemStyle: { color: '#777' } });
    }
    return {
      note: e.some((x) => x.partial) ? 'Some trials are partial: part of their window went unmeasured.' : '',
      option: base({
        legend: { top: 0, type: 'scroll' }, grid: { left: 80, right: 24, top: 48, bottom: 72 },
        xAxis: { type: 'category', data: cats, name: 'trial', nameLocation: 'middle', nameGap: 52,
          axisLabel: { rotate: cats.length > 8 ? 40 : 0, hideOverlap: true } },
        yAxis: valueAxis('energy (J)', [0], { nameGap: 56, scale: false }), series: series,
        tooltip: { renderMode: 'richText', trigger: 'axis', valueFormatter: (v) => C.fmt(v) + ' J' }
      })
    };
  };

  /** Average power of each sample window, one line per host device. */
  C.power = function (m) {
    const byDevice = new Map();
    (m.power || []).forEach((p) => {
      const k = p.host + ' ' + p.component + ' ' + (p.device.length > 16 ? p.device.substring(0, 16) + '…' : p.device);
      if (!byDevice.has(k)) byDevice.set(k, []);
      byDevice.get(k).push([Date.parse(p.start), p.watts], [Date.parse(p.end), p.watts]);
    });
    if (byDevice.size === 0) return { note: 'No power samples for this study\'s hosts.' };
    const times = [], watts = [];
    byDevice.forEach((pts) => pts.forEach((p) => { times.push(p[0]); watts.push(p[1]); }));
    return {
      option: base({
        legend: { top: 0, type: 'scroll' }, xAxis: timeAxis(times),
        yAxis: valueAxis('power (W)', watts.concat([0]), { nameGap: 56, scale: false }),
        series: [...byDevice].map(([k, pts]) => ({ type: 'line', name: k, data: pts, showSymbol: false,
          sampling: 'lttb', lineStyle: { width: 1.5 } })),
        tooltip: { renderMode: 'richText', trigger: 'axis', valueFormatter: (v) => C.fmt(v) + ' W' }
      })
    };
  };

  /** Configurations as parallel coordinates (hyperparameters, then objectives), coloured by front rank. */
  C.parallel = function (m) {
    const s = m.study, ranks = C.ranks(s, m.trials);
    const rows = m.trials.filter((t) => ranks.has(C.key(t)));
    if (rows.length === 0) return { note: 'No scored trial with every objective yet.' };
    const params = [];
    rows.forEach((t) => Object.keys(t.config || {}).forEach((k) => { if (!params.includes(k)) params.push(k); }));
    const shown = params.slice(0, 12);
    const dims = shown.map((k) => ({ name: k, get: (t) => (t.config || {})[k] }))
      .concat(s.objectives.map((n, i) => ({ name: C.label(s, i), get: (t) => value(t, n) })));
    const axes = dims.map((d, i) => {
      const vals = rows.map(d.get).filter((v) => v !== undefined && v !== null);
      if (vals.every((v) => typeof v === 'number')) {
        return valueAxis(d.name, vals, { dim: i, nameLocation: 'end', nameGap: 12, nameRotate: 0 });
      }
      return { dim: i, name: d.name, type: 'category', data: [...new Set(vals.map(String))].sort() };
    });
    const maxRank = Math.max(...rows.map((t) => ranks.get(C.key(t))));
    axes.push({ dim: dims.length, name: 'rank', type: 'value', min: 0, max: Math.max(1, maxRank), minInterval: 1,
      inverse: true });
    const data = rows.map((t) => ({ name: C.key(t), value: dims.map((d) => {
      const v = d.get(t);
      return typeof v === 'number' ? v : v === undefined || v === null ? '-' : String(v);
    }).concat([ranks.get(C.key(t))]) }));
    return {
      note: 'Rank by non-dominated sorting within each trial\'s fidelity (0 = its front).'
        + (params.length > shown.length ? ' First ' + shown.length + ' of ' + params.length + ' hyperparameters.' : ''),
      option: base({
        parallelAxis: axes, parallel: { left: 60, right: 80, top: 60, bottom: 40,
          parallelAxisDefault: { nameTextStyle: { fontSize: 11 }, axisLabel: { formatter: null } } },
        visualMap: { type: 'continuous', dimension: dims.length, min: 0, max: Math.max(1, maxRank), calculable: false,
          inRange: { color: ['#1b7a34', '#f2c14e', '#b0b0b0'] }, orient: 'horizontal', left: 'center', top: 0,
          text: ['rank ' + Math.max(1, maxRank), 'rank 0 (front)'], itemHeight: 120 },
        series: [{ type: 'parallel', name: 'configurations', data: data, lineStyle: { width: 1.6, opacity: 0.8 },
          smooth: false }],
        tooltip: { show: false }
      })
    };
  };

  /** The suggester's forest's parameter importances, largest first. */
  C.importances = function (m) {
    const imp = m.importances;
    if (!imp || !imp.importances || imp.importances.length === 0) {
      return { note: (imp && imp.note) || 'No parameter importances: the suggester publishes them once its forest is fitted.' };
    }
    const items = imp.importances.slice().sort((a, b) => a.importance - b.importance);
    return {
      note: (imp.method || '') + (imp.trainingRows ? ', forest fitted on ' + imp.trainingRows + ' trials' : '')
        + (imp.computedAt ? ', ' + imp.computedAt.substring(0, 19).replace('T', ' ') + ' UTC' : ''),
      height: Math.max(200, 28 * items.length + 80),
      option: base({
        grid: { left: 140, right: 40, top: 20, bottom: 48 },
        xAxis: valueAxis('share of the explained variance', [0, 1], { scale: false, nameGap: 30, max: (v) => Math.min(1, v.max) }),
        yAxis: { type: 'category', data: items.map((x) => x.name) },
        series: [{ type: 'bar', name: 'importance', data: items.map((x) => x.importance), barMaxWidth: 22,
          label: { show: true, position: 'right', formatter: (p) => C.fmt(+(p.value * 100).toFixed(1)) + ' %' } }]
      })
    };
  };

  /** The metrics reported during training, one line per trial attempt. */
  C.metrics = function (m) {
    const names = [];
    (m.progress || []).forEach((c) => c.points.forEach((p) => Object.keys(p.metrics).forEach((k) => {
      if (!names.includes(k)) names.push(k);
    })));
    const order = ['val_error', 'val_loss', 'val_accuracy', 'train_loss'];
    return names.sort((a, b) => (order.includes(a) ? order.indexOf(a) : 99) - (order.includes(b) ? order.indexOf(b) : 99)
      || a.localeCompare(b));
  };

  /** Learning curves of {@code metric} over epochs. */
  C.curves = function (m, metric) {
    const curves = (m.progress || []).map((c) => ({ name: c.trialId + (c.attempt > 1 ? '#' + c.attempt : ''),
      data: c.points.filter((p) => p.metrics[metric] !== undefined).map((p) => [p.epoch, p.metrics[metric]]) }))
      .filter((c) => c.data.length > 0);
    if (curves.length === 0) return { note: 'No learning curves: trainers report them in trial-progress each epoch.' };
    const vals = curves.flatMap((c) => c.data.map((d) => d[1]));
    return {
      option: base({
        legend: { top: 0, type: 'scroll', show: curves.length <= 24 },
        xAxis: valueAxis('epoch', [1], { nameGap: 28, minInterval: 1, scale: false, min: 0 }),
        yAxis: valueAxis(metric, vals, { nameGap: 56 }), grid: { left: 80, right: 24, top: 48, bottom: 56 },
        series: curves.map((c) => ({ type: 'line', name: c.name, data: c.data, symbolSize: 5, lineStyle: { width: 1.5 } })),
        tooltip: { renderMode: 'richText', trigger: 'item', valueFormatter: C.fmt }
      })
    };
  };

  /** Draws one chart into {@code element} (re-using its instance), or shows the note alone. */
  C.draw = function (name, element, noteElement, result) {
    if (!element) return;
    let chart = C.instances[name];
    if (noteElement) noteElement.textContent = result.note || '';
    if (!result.option) {
      if (chart) { chart.dispose(); delete C.instances[name]; }
      element.hidden = true;
      return;
    }
    element.hidden = false;
    if (result.height) element.style.height = result.height + 'px';
    if (!chart) chart = C.instances[name] = root.echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption(result.option, true);
    chart.resize();
  };

  /** Every chart of the model into the elements {@code chart-NAME} and {@code note-NAME} of {@code doc}. */
  C.drawAll = function (doc, m, metric) {
    const all = { front: C.front(m), hypervolume: C.hypervolume(m), history: C.history(m), energy: C.energy(m),
      power: C.power(m), parallel: C.parallel(m), importances: C.importances(m),
      curves: C.curves(m, metric || C.metrics(m)[0]) };
    Object.keys(all).forEach((k) => C.draw(k, doc.getElementById('chart-' + k), doc.getElementById('note-' + k), all[k]));
    return all;
  };

  root.GreenbandCharts = C;
})(typeof window !== 'undefined' ? window : this);
