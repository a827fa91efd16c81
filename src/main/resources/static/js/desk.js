/*
 * The editors' desk, enhanced: a "select all" box for the bulk form, and a
 * confirmation before a permanent delete. Without this script everything still
 * works: a delete then goes through its confirmation page.
 */
(function () {
  'use strict';

  function rowBoxes(form) {
    return Array.prototype.slice.call(form.querySelectorAll('[data-row-select]'));
  }

  function markRow(box) {
    var item = box.closest('.queue-item');
    if (item) {
      item.classList.toggle('is-selected', box.checked);
    }
  }

  function setUpSelectAll(form) {
    var wrapper = form.querySelector('[data-select-all-wrapper]');
    var all = form.querySelector('[data-select-all]');
    if (!wrapper || !all) {
      return;
    }
    wrapper.hidden = false;

    function sync() {
      var boxes = rowBoxes(form);
      var checked = boxes.filter(function (box) { return box.checked; }).length;
      all.checked = boxes.length > 0 && checked === boxes.length;
      all.indeterminate = checked > 0 && checked < boxes.length;
    }

    all.addEventListener('change', function () {
      rowBoxes(form).forEach(function (box) {
        box.checked = all.checked;
        markRow(box);
      });
    });
    form.addEventListener('change', function (event) {
      if (event.target.hasAttribute('data-row-select')) {
        markRow(event.target);
        sync();
      }
    });
    rowBoxes(form).forEach(markRow);
    sync();
  }

  /* A permanent delete asks first; confirmed here, it skips the confirmation page. */
  function confirmDeletes(event) {
    var form = event.target;
    var submitter = event.submitter;
    if (!submitter) {
      return;
    }
    var question = submitter.getAttribute('data-confirm');
    if (!question && submitter.hasAttribute('data-bulk-apply')) {
      var select = form.querySelector('[data-bulk-action]');
      if (select && select.value === 'delete') {
        question = submitter.getAttribute('data-confirm-delete');
      }
    }
    if (!question) {
      return;
    }
    if (!window.confirm(question)) {
      event.preventDefault();
      return;
    }
    var confirmed = form.querySelector('input[name="confirmed"]');
    if (!confirmed) {
      confirmed = document.createElement('input');
      confirmed.type = 'hidden';
      confirmed.name = 'confirmed';
      form.appendChild(confirmed);
    }
    confirmed.value = 'true';
  }

  function start() {
    var bulk = document.getElementById('bulk');
    if (bulk) {
      setUpSelectAll(bulk);
      bulk.addEventListener('submit', confirmDeletes);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  }
  else {
    start();
  }
}());
