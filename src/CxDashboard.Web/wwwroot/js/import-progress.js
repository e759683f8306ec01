// The import progress bar: polls the run's progress once a second and reloads the page when the run has ended. Its
// words are the page's (data-words-…, "{0} rows of {1}"), in the reader's language.
(function () {
  var box = document.querySelector('[data-progress-url]');
  if (!box) return;
  var bar = box.querySelector('[data-progress-bar]');
  var text = box.querySelector('[data-progress-text]');
  var format = new Intl.NumberFormat(document.documentElement.lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 0 });

  function words(name, values) {
    return box.getAttribute('data-words-' + name).replace(/\{(\d)\}/g, function (_, i) { return values[+i]; });
  }

  function poll() {
    fetch(box.getAttribute('data-progress-url'), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (p) {
        if (p.done) { window.location.reload(); return; }
        var percent = Math.round(p.percent);
        bar.setAttribute('aria-valuenow', percent);
        bar.firstElementChild.style.width = percent + '%';
        text.textContent = (p.rowsTotal ? words('rows-of', [format.format(p.rowsDone), format.format(p.rowsTotal)]) : words('rows', [format.format(p.rowsDone)])) +
          ' · ' + words('rate', [format.format(p.rowsPerSecond)]) + ' · ' + words('errors', [format.format(p.errors)]);
        setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 1000);
})();
