// Hikeshi's only script: served by the app itself, so the Content-Security-Policy needs no
// 'unsafe-inline'. Pages work without it; it only adds a confirmation to destructive buttons.
document.addEventListener('submit', function (event) {
  var button = event.submitter;
  var question = button && button.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
