// Evidence upload with progress: the form is sent by XMLHttpRequest so that the page can show how
// much has gone and keep the button from being pressed twice; the answer (the page after the
// redirect, or the form again with its messages) then replaces this document as a normal
// submission would. Without this script the plain form posts as usual.
(function () {
  var form = document.querySelector('form[data-upload]');
  if (!form || !window.FormData || !window.XMLHttpRequest) {
    return;
  }
  var progress = form.querySelector('.upload-progress');
  var bar = progress.querySelector('progress');
  var percent = progress.querySelector('.upload-percent');
  var problem = form.querySelector('.upload-problem');
  var button = form.querySelector('button[type=submit]');
  var file = form.querySelector('input[type=file]');
  var maxBytes = Number(form.getAttribute('data-max-bytes'));

  function refuse(message) {
    problem.textContent = message;
    problem.hidden = false;
    progress.hidden = true;
    button.disabled = false;
    file.focus();
  }

  function replaceDocument(xhr) {
    var html = xhr.responseText;
    if (xhr.responseURL) {
      window.history.replaceState(null, '', xhr.responseURL);
    }
    document.open();
    document.write(html);
    document.close();
  }

  form.addEventListener('submit', function (event) {
    var chosen = file.files && file.files[0];
    if (chosen && maxBytes && chosen.size > maxBytes) {
      // refused before sending: nothing to wait for
      event.preventDefault();
      refuse(form.getAttribute('data-too-big'));
      return;
    }
    if (!chosen || !form.checkValidity()) {
      return;
    }
    event.preventDefault();
    problem.hidden = true;
    button.disabled = true;
    progress.hidden = false;
    bar.value = 0;
    percent.textContent = '0 %';
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    // the token as a header too: then a body over the container's limit still reaches Hikeshi's
    // own answer (the evidence page with the limit) instead of failing on its unreadable fields
    var token = form.querySelector('input[name=_csrf]');
    if (token) {
      xhr.setRequestHeader('X-CSRF-TOKEN', token.value);
    }
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        var done = Math.floor((e.loaded / e.total) * 100);
        bar.value = done;
        percent.textContent = done + ' %';
      }
    });
    xhr.addEventListener('load', function () {
      var type = xhr.getResponseHeader('Content-Type') || '';
      if (type.indexOf('text/html') === 0) {
        replaceDocument(xhr);
      } else {
        refuse(form.getAttribute('data-failed'));
      }
    });
    xhr.addEventListener('error', function () {
      refuse(form.getAttribute('data-failed'));
    });
    xhr.send(new FormData(form));
  });
})();
