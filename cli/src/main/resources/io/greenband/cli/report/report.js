// report.html start-up: draws the inlined study model with the dashboard's charts; works from disk, offline.
(function () {
  'use strict';
  const C = window.GreenbandCharts, $ = (id) => document.getElementById(id);
  function report(message) {
    const li = document.createElement('li');
    li.textContent = message;
    $('errors').appendChild(li);
    $('errors').hidden = false;
  }
  window.addEventListener('error', (e) => report(e.message));
  try {
    const model = JSON.parse($('model').textContent);
    const select = $('curve-metric'), names = C.metrics(model);
    names.forEach((n) => { const o = document.createElement('option'); o.value = o.textContent = n; select.appendChild(o); });
    select.hidden = names.length === 0;
    C.drawAll(document, model, names[0]);
    select.addEventListener('change', () => C.drawAll(document, model, select.value));
    C.table($('trials'), { filter: $('trial-filter'), status: $('trial-status'), front: $('trial-front') })
      .update(model.study, model.trials);
    window.addEventListener('resize', () => Object.values(C.instances).forEach((c) => c.resize()));
    document.body.dataset.loaded = 'true';
  } catch (e) {
    report(e.message);
  }
})();
