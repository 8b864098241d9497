// The wall card's print button: shown only when this script runs (a page without scripts
// prints from the browser's menu). No inline handler, so the Content-Security-Policy stays strict.
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function () {
    window.print();
  });
});
