// Passkeys (WebAuthn) with Spring Security's endpoints, after its spring-security-webauthn.js:
// signing in from the sign-in page (#passkey-sign-in) and adding one on /account/passkeys
// (#passkey-register). The CSRF header and token come from the element's data attributes; every
// message shown comes from the page (translated there).
(function () {
  'use strict';

  function encode(buffer) {
    var bytes = new Uint8Array(buffer);
    var text = '';
    for (var i = 0; i < bytes.length; i++) {
      text += String.fromCharCode(bytes[i]);
    }
    return window.btoa(text).replace(/=/g, '').replace(/\+/g, '-').replace(/\//g, '_');
  }

  function decode(base64url) {
    var text = window.atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) {
      bytes[i] = text.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function post(holder, url, body) {
    var headers = { 'Content-Type': 'application/json' };
    headers[holder.getAttribute('data-csrf-header')] = holder.getAttribute('data-csrf-token');
    return fetch(url, {
      method: 'POST',
      headers: headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  }

  function supported() {
    return !!(window.PublicKeyCredential && navigator.credentials);
  }

  // --- signing in -------------------------------------------------------------------------
  async function signIn(holder) {
    var failed = '/login?passkeyFailed';
    try {
      var optionsResponse = await post(holder, '/webauthn/authenticate/options');
      if (!optionsResponse.ok) {
        window.location.href = failed;
        return;
      }
      var options = await optionsResponse.json();
      options.challenge = decode(options.challenge);
      options.allowCredentials = (options.allowCredentials || []).map(function (c) {
        return Object.assign({}, c, { id: decode(c.id) });
      });
      var credential = await navigator.credentials.get({ publicKey: options });
      var response = credential.response;
      var answer = await post(holder, '/login/webauthn', {
        id: credential.id,
        rawId: encode(credential.rawId),
        response: {
          authenticatorData: encode(response.authenticatorData),
          clientDataJSON: encode(response.clientDataJSON),
          signature: encode(response.signature),
          userHandle: response.userHandle ? encode(response.userHandle) : undefined
        },
        credType: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment
      });
      if (answer.status === 429) {
        window.location.href = '/login?throttled';
        return;
      }
      var result = answer.ok ? await answer.json() : null;
      window.location.href = (result && result.authenticated && result.redirectUrl) ? result.redirectUrl : failed;
    } catch (e) {
      // the person closed the dialogue, or no passkey of this site is on the device
      window.location.href = failed;
    }
  }

  var signInHolder = document.getElementById('passkey-sign-in');
  if (signInHolder && supported()) {
    var button = document.getElementById('passkey-sign-in-button');
    button.hidden = false;
    document.getElementById('passkey-sign-in-or').hidden = false;
    button.addEventListener('click', function () {
      button.disabled = true;
      signIn(signInHolder);
    });
  }

  // --- adding a passkey -------------------------------------------------------------------
  var form = document.getElementById('passkey-register');
  if (!form) {
    return;
  }
  // the CSRF header and token are on the page's section
  var page = document.getElementById('passkeys');
  var labelField = document.getElementById('label-field');
  var labelInput = document.getElementById('label');
  var labelError = document.getElementById('label-error');
  var formError = document.getElementById('passkey-register-error');

  function showLabelError(message) {
    labelError.textContent = message;
    labelError.hidden = false;
    labelField.classList.add('field--error');
    labelInput.setAttribute('aria-invalid', 'true');
    labelInput.setAttribute('aria-describedby', 'label-error');
    labelInput.focus();
  }

  function showFormError(message) {
    formError.textContent = message;
    formError.hidden = false;
  }

  function clearErrors() {
    labelError.hidden = true;
    labelField.classList.remove('field--error');
    labelInput.removeAttribute('aria-invalid');
    labelInput.setAttribute('aria-describedby', 'label-hint');
    formError.hidden = true;
  }

  function refusal(code) {
    if (code === 'labelBlank') {
      showLabelError(form.getAttribute('data-label-blank'));
    } else if (code === 'labelTooLong') {
      showLabelError(form.getAttribute('data-label-too-long'));
    } else if (code === 'signInAgain' || code === 'signIn') {
      showFormError(form.getAttribute('data-sign-in-again'));
    } else {
      showFormError(form.getAttribute('data-refused'));
    }
  }

  async function codeOf(response) {
    try {
      var body = await response.json();
      return body && body.error;
    } catch (e) {
      return null;
    }
  }

  async function register(label) {
    var optionsResponse = await post(page, '/webauthn/register/options');
    if (!optionsResponse.ok) {
      refusal(await codeOf(optionsResponse));
      return;
    }
    var options = await optionsResponse.json();
    options.challenge = decode(options.challenge);
    options.user = Object.assign({}, options.user, { id: decode(options.user.id) });
    options.excludeCredentials = (options.excludeCredentials || []).map(function (c) {
      return Object.assign({}, c, { id: decode(c.id) });
    });
    var created;
    try {
      created = await navigator.credentials.create({ publicKey: options });
    } catch (e) {
      showFormError(form.getAttribute('data-cancelled'));
      return;
    }
    var response = created.response;
    var answer = await post(page, '/webauthn/register', {
      publicKey: {
        label: label,
        credential: {
          id: created.id,
          rawId: encode(created.rawId),
          response: {
            attestationObject: encode(response.attestationObject),
            clientDataJSON: encode(response.clientDataJSON),
            transports: response.getTransports ? response.getTransports() : []
          },
          type: created.type,
          clientExtensionResults: created.getClientExtensionResults(),
          authenticatorAttachment: created.authenticatorAttachment
        }
      }
    });
    if (!answer.ok) {
      refusal(await codeOf(answer));
      return;
    }
    window.location.href = '/account/passkeys?registered';
  }

  if (!supported()) {
    document.getElementById('passkey-unsupported').hidden = false;
    form.querySelector('button[type=submit]').disabled = true;
    return;
  }
  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    clearErrors();
    var label = labelInput.value.trim();
    var max = parseInt(form.getAttribute('data-max-label'), 10);
    // the same rules as the server's (account.PasskeyRegistrationGuard), before the device is asked
    if (!label) {
      showLabelError(form.getAttribute('data-label-blank'));
      return;
    }
    if (label.length > max) {
      showLabelError(form.getAttribute('data-label-too-long'));
      return;
    }
    var submit = form.querySelector('button[type=submit]');
    submit.disabled = true;
    try {
      await register(label);
    } catch (e) {
      showFormError(form.getAttribute('data-refused'));
    } finally {
      submit.disabled = false;
    }
  });
})();
