// Small helpers only: filter bars submit on change, tables sort on header click, and the behaviours pages ask for with
// data attributes (the Content-Security-Policy allows no inline script or event-handler attributes).
(function () {
  document.querySelectorAll('[data-submit-on-change]').forEach(function (input) {
    input.addEventListener('change', function () { input.form.requestSubmit(); });
  });
  document.querySelectorAll('[data-select-on-focus]').forEach(function (input) {
    input.addEventListener('focus', function () { input.select(); });
  });
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.getAttribute('data-confirm'))) e.preventDefault();
    });
  });

  document.querySelectorAll('form[data-autosubmit]').forEach(function (form) {
    // A preset sends no dates: the address stays short and shareable, and the preset follows today.
    form.addEventListener('submit', function () {
      var period = form.querySelector('select[name=period]');
      var custom = form.querySelector('[data-custom-dates]');
      if (!period || !custom) return;
      custom.querySelectorAll('input').forEach(function (input) { input.disabled = period.value !== 'custom'; });
    });
    form.querySelectorAll('select').forEach(function (select) {
      select.addEventListener('change', function () {
        var custom = form.querySelector('[data-custom-dates]');
        if (select.name === 'period' && custom) {
          custom.hidden = select.value !== 'custom';
          if (select.value === 'custom') return; // wait for the dates
        }
        form.requestSubmit();
      });
    });
  });

  function cellValue(row, index) {
    var cell = row.children[index];
    if (!cell) return '';
    var raw = cell.getAttribute('data-value');
    if (raw !== null) return raw === '' ? Number.NEGATIVE_INFINITY : parseFloat(raw);
    return cell.textContent.trim().toLowerCase();
  }

  document.querySelectorAll('table[data-sortable]').forEach(function (table) {
    var headers = table.querySelectorAll('th[data-sort]');
    headers.forEach(function (th) {
      th.tabIndex = 0;
      function sort() {
        var index = Array.prototype.indexOf.call(th.parentNode.children, th);
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        headers.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows).filter(function (r) { return !r.classList.contains('total-row'); });
        var totals = Array.prototype.slice.call(body.rows).filter(function (r) { return r.classList.contains('total-row'); });
        rows.sort(function (a, b) {
          var x = cellValue(a, index), y = cellValue(b, index);
          return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
        });
        rows.concat(totals).forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
    });
  });
})();
