// greenband trial table: sortable by any column (click its header), filtered by text, status and front rank.
// Shared by the dashboard and report.html; cells are set as text, never as HTML.
(function (root) {
  'use strict';
  const C = root.GreenbandCharts;

  function columns(study) {
    return [
      { name: 'trial', get: (t) => t.trialId },
      { name: 'attempt', get: (t) => t.attempt },
      { name: 'fidelity', get: (t) => t.fidelity },
      { name: 'status', get: (t) => t.status },
      { name: 'rank', get: (t, r) => (r.has(C.key(t)) ? r.get(C.key(t)) : null) }
    ].concat(study.objectives.map((n, i) => ({ name: C.label(study, i), get: (t) => C.value(t, n) })), [
      { name: 'energy (J)', get: (t) => t.energyJoules },
      { name: 'emissions (g CO₂eq)', get: (t) => t.emissionsGrams },
      { name: 'energy basis', get: (t) => t.energyBasis },
      { name: 'scored (UTC)', get: (t) => (t.scoredAt ? t.scoredAt.substring(0, 19).replace('T', ' ') : null) },
      { name: 'configuration', get: (t) => Object.entries(t.config || {}).map(([k, v]) => k + '=' + v).join(' ') }
    ]);
  }

  function text(v) {
    return v === null || v === undefined ? '—' : typeof v === 'number' ? C.fmt(v) : String(v);
  }

  /**
   * A table over {@code table} driven by the controls {@code filter} (text), {@code status} (select) and
   * {@code front} (checkbox); {@code update(study, trials)} redraws it keeping the sort and the filters.
   */
  C.table = function (table, controls) {
    const state = { sort: 0, desc: false, study: null, trials: [], ranks: new Map() };
    function draw() {
      const cols = columns(state.study), q = (controls.filter.value || '').trim().toLowerCase();
      const head = table.tHead || table.createTHead(), body = table.tBodies[0] || table.createTBody();
      head.textContent = '';
      body.textContent = '';
      const hr = head.insertRow();
      cols.forEach((c, i) => {
        const th = document.createElement('th');
        th.textContent = c.name + (i === state.sort ? (state.desc ? ' ▼' : ' ▲') : '');
        th.dataset.column = String(i);
        th.addEventListener('click', () => {
          state.desc = state.sort === i ? !state.desc : false;
          state.sort = i;
          draw();
        });
        hr.appendChild(th);
      });
      const rows = state.trials.map((t) => ({ t: t, cells: cols.map((c) => c.get(t, state.ranks)) }))
        .filter((r) => !controls.status || !controls.status.value || r.t.status === controls.status.value)
        .filter((r) => !controls.front || !controls.front.checked || r.cells[4] === 0)
        .filter((r) => !q || r.cells.some((c) => text(c).toLowerCase().includes(q)));
      rows.sort((a, b) => {
        const x = a.cells[state.sort], y = b.cells[state.sort];
        if (x === null || x === undefined) return 1;
        if (y === null || y === undefined) return -1;
        const d = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
        return state.desc ? -d : d;
      });
      rows.forEach((r) => {
        const tr = body.insertRow();
        if (r.cells[4] === 0) tr.className = 'front';
        r.cells.forEach((c) => { tr.insertCell().textContent = text(c); });
      });
      table.dataset.rows = String(rows.length);
    }
    [controls.filter, controls.status, controls.front].filter(Boolean).forEach((c) =>
      c.addEventListener('input', draw));
    return {
      update: function (study, trials) {
        state.study = study;
        state.trials = trials;
        state.ranks = C.ranks(study, trials);
        draw();
      }
    };
  };
})(typeof window !== 'undefined' ? window : this);
