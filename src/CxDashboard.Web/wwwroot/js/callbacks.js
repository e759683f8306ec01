// Copy-to-clipboard for follow-up survey links; the field stays selectable where the clipboard is not available.
(function () {
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    button.addEventListener('click', function () {
      var text = button.getAttribute('data-copy');
      var done = function () { button.textContent = 'Copied'; setTimeout(function () { button.textContent = 'Copy'; }, 2000); };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done);
      } else {
        var field = button.parentNode.querySelector('input');
        field.select();
        try { document.execCommand('copy'); done(); } catch (e) { /* the text is selected for a manual copy */ }
      }
    });
  });
})();
