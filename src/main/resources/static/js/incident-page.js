// The incident page's in-place updates, served by the app (no inline script: the CSP stays strict).
// htmx swaps the checklist item or the notes; htmx itself keeps focus on a control whose id survives
// the swap (the item's button, the note box). This file adds what htmx cannot know about this page.
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

  // 2. What htmx cannot place: an answer that was redirected elsewhere (the session ended: the sign-in
  //    page) is opened as a page; a failure (server error, no network) falls back to the plain form,
  //    whose full page then says what happened.
  document.addEventListener('htmx:beforeSwap', function (event) {
    var xhr = event.detail.xhr;
    var asked = event.detail.requestConfig && event.detail.requestConfig.path;
    if (xhr && xhr.responseURL && asked && new URL(xhr.responseURL).pathname !== new URL(asked, window.location.href).pathname) {
      event.detail.shouldSwap = false;
      window.location.assign(xhr.responseURL);
    }
  });
  function plainSubmit(event) {
    var form = event.detail.elt && event.detail.elt.closest('form');
    if (form) {
      form.removeAttribute('hx-post');
      HTMLFormElement.prototype.submit.call(form);
    }
  }
  document.addEventListener('htmx:responseError', plainSubmit);
  document.addEventListener('htmx:sendError', plainSubmit);

  // 3. A checklist item's reason is needed only for "not applicable": the box shows when that is chosen,
  //    or when it holds a reason or an error. Without this script it is always there.
  function reasonFor(select) {
    var form = select.closest('form');
    var field = form && form.querySelector('.checklist-field--reason');
    if (!field) {
      return;
    }
    var input = field.querySelector('input');
    field.hidden = select.value !== 'NOT_APPLICABLE' && !(input && input.value) && !field.classList.contains('field--error');
  }
  function reasonsIn(root) {
    root.querySelectorAll('.checklist-form select[name="status"]').forEach(reasonFor);
  }
  document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('.checklist-form select[name="status"]')) {
      reasonFor(event.target);
    }
  });
  document.addEventListener('htmx:load', function (event) {
    reasonsIn(event.detail.elt.parentElement || document);
  });
  document.addEventListener('DOMContentLoaded', function () {
    reasonsIn(document);
  });

  // 4. A link from "what is needed next" to a folded section (a move that takes a reason, the record
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
