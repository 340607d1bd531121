// greenband dashboard: reads the aggregator's REST API into a study model and draws it with charts.js (Apache
// ECharts, served from this origin); re-reads the views when the study's server-sent-event stream reports a score.
(function () {
  'use strict';
  const C = window.GreenbandCharts;
  const params = new URLSearchParams(location.search);
  const state = { study: null, source: null, reloadTimer: null, model: null, table: null, updates: 0 };
  const $ = (id) => document.getElementById(id);
  window.addEventListener('error', (e) => report(e.message));
  window.addEventListener('unhandledrejection', (e) => report(String(e.reason)));

  function report(message) {
    const li = document.createElement('li');
    li.textContent = message;
    $('errors').appendChild(li);
    $('errors').hidden = false;
    $('status').textContent = 'error: ' + message;
  }

  async function api(path) {
    const r = await fetch('api/' + path, { headers: { Accept: 'application/json' } });
    if (!r.ok) throw new Error(path + ': HTTP ' + r.status);
    return r.json();
  }

  function curveMetric() {
    const select = $('curve-metric'), names = C.metrics(state.model), chosen = select.value;
    select.textContent = '';
    names.forEach((n) => { const o = document.createElement('option'); o.value = o.textContent = n; select.appendChild(o); });
    select.hidden = names.length === 0;
    select.value = names.includes(chosen) ? chosen : names[0] || '';
    return select.value;
  }

  async function load() {
    const enc = encodeURIComponent(state.study.studyId), s = 'studies/' + enc;
    const [page, history, power, energy, progress, importances] = await Promise.all([
      api(s + '/trials?limit=1000&sort=scoredAt'), api(s + '/hypervolume'), api(s + '/power'), api(s + '/energy-parts'),
      api(s + '/progress'), api(s + '/importances')]);
    state.model = { study: state.study, trials: page.items, hypervolume: history, power: power, energy: energy,
      progress: progress, importances: importances };
    C.drawAll(document, state.model, curveMetric());
    const ranks = C.ranks(state.study, page.items);
    $('front-summary').textContent = [...ranks.values()].length + ' scored with every objective, '
      + [...ranks.values()].filter((r) => r === 0).length + ' on a front';
    state.table.update(state.study, page.items);
    $('csv').href = 'api/' + s + '/emissions.csv';
    $('status').textContent = page.total + ' trials · updated ' + new Date().toISOString().substring(11, 19) + ' UTC';
    document.body.dataset.trials = String(page.total);
    document.body.dataset.loaded = 'true';
  }

  function scheduleReload() {
    state.updates++;
    document.body.dataset.updates = String(state.updates);
    clearTimeout(state.reloadTimer);
    state.reloadTimer = setTimeout(() => load().catch((e) => report(e.message)), 300);
  }

  function listen() {
    if (state.source) state.source.close();
    if (params.get('live') === 'false' || !window.EventSource) return;
    state.source = new EventSource('api/studies/' + encodeURIComponent(state.study.studyId) + '/stream');
    state.source.onmessage = scheduleReload;
    state.source.onopen = () => { document.body.dataset.live = 'open'; };
  }

  async function select(studyId) {
    state.study = await api('studies/' + encodeURIComponent(studyId));
    await load();
    listen();
  }

  async function start() {
    state.table = C.table($('trials'), { filter: $('trial-filter'), status: $('trial-status'), front: $('trial-front') });
    $('curve-metric').addEventListener('change', () => C.drawAll(document, state.model, $('curve-metric').value));
    window.addEventListener('resize', () => Object.values(C.instances).forEach((c) => c.resize()));
    const studies = await api('studies');
    const picker = $('study');
    studies.forEach((s) => {
      const o = document.createElement('option');
      o.value = s.studyId;
      o.textContent = s.name;
      picker.appendChild(o);
    });
    if (studies.length === 0) {
      $('status').textContent = 'no studies yet';
      document.body.dataset.loaded = 'true';
      return;
    }
    const wanted = params.get('study');
    picker.value = studies.some((s) => s.studyId === wanted) ? wanted : studies[studies.length - 1].studyId;
    picker.addEventListener('change', () => select(picker.value).catch((e) => report(e.message)));
    await select(picker.value);
  }

  start().catch((e) => report(e.message));
})();
