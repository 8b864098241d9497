// The incident page's in-place updates, served by the app (no inline script: the CSP stays strict).
// htmx swaps the checklist item or the notes; htmx itself keeps focus on a control whose id survives
// the swap (the item's button, the note box). This file does the two things htmx does not know.
(function () {
  // 1. After an in-place change the incident has a new version: the summary, swapped out of band,
  //    carries it, and every other form on the page takes it, so its next submit is not refused as stale.
  //    The summary comes only when the page was current: after someone else's change the forms keep
  //    their old version and are still refused, as they should be.
  document.addEventListener('htmx:afterSettle', function () {
    var needs = document.getElementById('incident-needs');
    var version = needs && needs.getAttribute('data-incident-version');
    if (!version) {
      return;
    }
    document.querySelectorAll('.incident form input[name="version"]').forEach(function (input) {
      input.value = version;
    });
  });

  // 2. A link from "what is needed next" to a folded section (a move that takes a reason, the record
  //    form) opens it, so the field it names is there to fill in.
  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) {
      return;
    }
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === 'DETAILS') {
        node.open = true;
      }
    }
  }
  window.addEventListener('hashchange', openTarget);
  document.addEventListener('DOMContentLoaded', openTarget);
})();
