/*
 * The desk's import page: while an import runs, asks for its progress every second and
 * shows it; when it ends, reloads the page to show its result. Without this script a
 * reload shows the same.
 */
(function () {
  'use strict';

  function field(job, name) {
    return job.querySelector('[data-field="' + name + '"]');
  }

  function watch(job) {
    var url = job.getAttribute('data-url');

    function poll() {
      fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (state) {
          if (!state) {
            return;
          }
          if (state.state !== 'running') {
            window.location.reload();
            return;
          }
          field(job, 'state').textContent = state.stateText;
          field(job, 'progress').textContent = state.progressText;
          var bar = field(job, 'bar');
          if (bar) {
            bar.value = state.percent;
            bar.textContent = state.percent + '%';
          }
          window.setTimeout(poll, 1000);
        })
        .catch(function () {
          window.setTimeout(poll, 5000);
        });
    }

    window.setTimeout(poll, 1000);
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('[data-import-job="running"]'), watch);
  });
}());
