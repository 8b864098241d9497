// Hikeshi's script: served by the app itself, so the Content-Security-Policy needs no
// 'unsafe-inline'. Pages work without it; it adds a confirmation to destructive buttons, folds the
// menu behind one button on narrow screens, and restores a form after signing in again.
document.addEventListener('submit', function (event) {
  var button = event.submitter;
  var question = button && button.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

// After signing in again: what was typed into a form before the session ended is put back
// (the page carries it in data-form-draft, escaped, once). Files and passwords are never
// restored, nor hidden fields: the page's current version stays, so a change made meanwhile
// is still reported as a conflict.
(function () {
  var notice = document.getElementById('form-draft-restored');
  if (!notice) {
    return;
  }
  var draft;
  try {
    draft = JSON.parse(notice.getAttribute('data-form-draft'));
  } catch (e) {
    return;
  }
  var skipped = ['file', 'password', 'hidden', 'submit', 'button', 'reset', 'image'];

  function has(name) {
    return Object.prototype.hasOwnProperty.call(draft.fields, name);
  }

  function actionPath(form) {
    try {
      return new URL(form.action, document.baseURI).pathname;
    } catch (e) {
      return null;
    }
  }

  // The form posted to the draft's action; of several, the one that holds the most of its fields.
  function target() {
    var best = null;
    var bestScore = -1;
    Array.prototype.forEach.call(document.forms, function (form) {
      if (actionPath(form) !== draft.action) {
        return;
      }
      var score = 0;
      Array.prototype.forEach.call(form.elements, function (control) {
        if (control.name && has(control.name)) {
          score++;
        }
      });
      if (score > bestScore) {
        best = form;
        bestScore = score;
      }
    });
    return best;
  }

  function restore(form) {
    var used = {};
    var first = null;
    Array.prototype.forEach.call(form.elements, function (control) {
      var name = control.name;
      var type = (control.type || '').toLowerCase();
      if (!name || skipped.indexOf(type) >= 0 || control.disabled) {
        return;
      }
      var values = has(name) ? draft.fields[name] : null;
      if (type === 'checkbox' || type === 'radio') {
        // Unticked boxes are not sent: Spring's "_name" marker tells that the group was on the form.
        if (values || (type === 'checkbox' && has('_' + name))) {
          control.checked = !!values && values.indexOf(control.value) >= 0;
        }
        return;
      }
      if (!values) {
        return;
      }
      if (control.tagName === 'SELECT' && control.multiple) {
        Array.prototype.forEach.call(control.options, function (option) {
          option.selected = values.indexOf(option.value) >= 0;
        });
      } else {
        // Several controls of one name take the values in order.
        var index = used[name] || 0;
        used[name] = index + 1;
        if (index >= values.length) {
          return;
        }
        control.value = values[index];
      }
      first = first || control;
    });
    return first;
  }

  var form = target();
  if (!form) {
    document.getElementById('form-draft-lost').hidden = false;
    return;
  }
  var first = restore(form);
  notice.hidden = false;
  if (first) {
    first.focus();
  }
})();

// The menu button: shown only here, so that without a script the menu simply stays open.
(function () {
  var toggle = document.querySelector('.menu-toggle');
  var menu = document.getElementById('site-menu');
  if (!toggle || !menu) {
    return;
  }
  var header = toggle.closest('.site-header');
  header.classList.add('site-header--collapsible');
  toggle.hidden = false;

  function show(open) {
    menu.classList.toggle('site-menu--open', open);
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
  }

  toggle.addEventListener('click', function () {
    show(toggle.getAttribute('aria-expanded') !== 'true');
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && toggle.getAttribute('aria-expanded') === 'true') {
      show(false);
      toggle.focus();
    }
  });
})();
