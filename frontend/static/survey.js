// The satisfaction survey the server renders at /survei/{code} (crates/api/src/pages/survey.rs):
// marks what is left open, sends the answers to POST /api/v1/public/surveys, thanks the citizen,
// and runs a counter kiosk. Plain script, no library: it must run at once on a cheap phone.
//
// A kiosk link (?kiosk=TOKEN) keeps its token on the device (per unit) and takes it out of the
// address, so that it is neither bookmarked nor read over a citizen's shoulder; every survey then
// carries it in X-Kiosk-Token, and the form starts again a few seconds after the thank-you.
(function () {
  'use strict';

  var form = document.getElementById('survey');
  if (!form) return;
  var RESET_MS = 6000;
  var KIOSK_KEY = 'kinerja.kiosk.' + form.getAttribute('data-code');
  var LANG_KEY = 'kinerja.lang';
  var QUESTIONS = 9;

  var $ = function (id) { return document.getElementById(id); };
  // Storage may be refused (private mode, full): the page still works, it only forgets.
  var stored = {
    get: function (key) { try { return window.localStorage.getItem(key); } catch (e) { return null; } },
    set: function (key, value) { try { window.localStorage.setItem(key, value); } catch (e) { /* forgotten */ } },
    drop: function (key) { try { window.localStorage.removeItem(key); } catch (e) { /* forgotten */ } },
  };

  // The language: one chosen here is the app's too; one chosen in the app is asked of the server.
  var params = new URLSearchParams(window.location.search);
  var pageLang = document.documentElement.lang;
  var appLang = stored.get(LANG_KEY);
  if (params.has('lang')) {
    stored.set(LANG_KEY, pageLang);
  } else if ((appLang === 'en' || appLang === 'id') && appLang !== pageLang && !params.has('kiosk')) {
    window.location.replace(window.location.pathname + '?lang=' + appLang);
    return;
  }

  var kiosk = null;
  var fromAddress = (params.get('kiosk') || '').trim();
  if (fromAddress) {
    stored.set(KIOSK_KEY, fromAddress);
    kiosk = fromAddress;
  } else {
    kiosk = (stored.get(KIOSK_KEY) || '').trim() || null;
  }
  if (params.has('kiosk') || params.has('lang')) {
    window.history.replaceState(null, '', window.location.pathname);
  }

  var thanks = $('survey-thanks');
  var openNote = $('survey-open');
  var errorBox = $('survey-error');
  var comment = $('survey-comment');
  var commentHint = $('survey-comment-hint');
  var commentError = $('survey-comment-error');
  var button = form.querySelector('button[type=submit]');
  var sendLabel = button.textContent;
  var published = $('public-ikm');
  var triedOnce = false;
  var sending = false;
  var resetTimer = null;

  function showKiosk() {
    $('kiosk-mark').hidden = !kiosk;
    $('kiosk-end').hidden = !kiosk;
    // A kiosk at the counter stays on the survey; on a phone the citizen also sees the result.
    if (published) published.hidden = !!kiosk;
  }

  function picked(n) {
    var input = form.querySelector('input[name="u' + n + '"]:checked');
    return input ? Number(input.value) : null;
  }

  function openQuestions() {
    var open = [];
    for (var n = 1; n <= QUESTIONS; n++) if (picked(n) === null) open.push(n);
    return open;
  }

  // After a send was tried, every open question is marked and counted.
  function markOpen() {
    var open = openQuestions();
    for (var n = 1; n <= QUESTIONS; n++) {
      var missing = triedOnce && open.indexOf(n) >= 0;
      var fieldset = $('unsur-' + n);
      fieldset.classList.toggle('unsur-missing', missing);
      fieldset.querySelector('.field-error').hidden = !missing;
    }
    openNote.hidden = !(triedOnce && open.length);
    openNote.textContent = openNote.getAttribute('data-template').replace('{n}', String(open.length));
    return open;
  }

  function countComment() {
    commentHint.textContent = commentHint.getAttribute('data-template')
      .replace('{n}', String(comment.value.length))
      .replace('{max}', commentHint.getAttribute('data-max'));
  }

  function showError(text, commentText) {
    errorBox.hidden = !text;
    errorBox.querySelector('p').textContent = text || '';
    commentError.hidden = !commentText;
    commentError.textContent = commentText || '';
    comment.setAttribute('aria-invalid', commentText ? 'true' : 'false');
    $('comment-field').classList.toggle('field-invalid', !!commentText);
  }

  function setSending(on) {
    sending = on;
    button.disabled = on;
    if (on) button.setAttribute('aria-busy', 'true'); else button.removeAttribute('aria-busy');
    button.textContent = on ? form.getAttribute('data-sending') : sendLabel;
  }

  // A choice drawn as chosen: on a change, and at the start for whatever the browser restored.
  function drawChoices() {
    var labels = form.querySelectorAll('label.choice');
    for (var i = 0; i < labels.length; i++) {
      labels[i].classList.toggle('choice-on', labels[i].querySelector('input').checked);
    }
  }

  function firstAnswerOf(n) {
    return $('unsur-' + n).querySelector('input');
  }

  function showThanks() {
    form.hidden = true;
    thanks.hidden = false;
    $('thanks-kiosk').hidden = !kiosk;
    $('thanks-citizen').hidden = !!kiosk;
    window.scrollTo(0, 0);
    thanks.focus();
    if (kiosk) resetTimer = window.setTimeout(startAgain, RESET_MS);
  }

  // The next citizen's form: empty, at the top.
  function startAgain() {
    window.clearTimeout(resetTimer);
    form.reset();
    triedOnce = false;
    drawChoices();
    markOpen();
    showError(null, null);
    countComment();
    thanks.hidden = true;
    form.hidden = false;
    window.scrollTo(0, 0);
    firstAnswerOf(1).focus({ preventScroll: true });
  }

  function optional(value) {
    var trimmed = value.trim();
    return trimmed ? trimmed : null;
  }

  // The words of a refusal: on an Indonesian page the server's own (they are Indonesian, and say
  // how long to wait), else the page's for the status; the comment's error beside the comment.
  function refused(status, problem) {
    var errors = (problem && problem.errors) || [];
    var indonesian = pageLang === 'id';
    for (var i = 0; i < errors.length; i++) {
      if (errors[i].field === 'comment') {
        showError(null, (indonesian && errors[i].message) || form.getAttribute('data-error-422'));
        comment.focus();
        return;
      }
    }
    var own = form.getAttribute('data-error-' + status) || form.getAttribute('data-error-other');
    showError((indonesian && problem && problem.detail) || own, null);
  }

  function send(body) {
    var headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (kiosk) headers['X-Kiosk-Token'] = kiosk;
    setSending(true);
    showError(null, null);
    fetch('/api/v1/public/surveys', { method: 'POST', headers: headers, body: JSON.stringify(body) })
      .then(function (response) {
        if (response.ok) {
          showThanks();
          return null;
        }
        var status = response.status;
        return response.json().then(
          function (problem) { refused(status, problem); },
          function () { refused(status, null); },
        );
      })
      .catch(function () { showError(form.getAttribute('data-error-network'), null); })
      .then(function () { setSending(false); });
  }

  form.addEventListener('change', function (event) {
    if (event.target.type !== 'radio') return;
    drawChoices();
    markOpen();
  });

  comment.addEventListener('input', countComment);

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (sending) return;
    triedOnce = true;
    var open = markOpen();
    if (open.length) {
      $('unsur-' + open[0]).scrollIntoView();
      firstAnswerOf(open[0]).focus({ preventScroll: true });
      return;
    }
    var answers = [];
    for (var n = 1; n <= QUESTIONS; n++) answers.push(picked(n));
    var field = function (name) { return optional(form.elements[name].value); };
    send({
      unit_id: Number(form.getAttribute('data-unit')),
      answers: answers,
      comment: field('comment'),
      age_band: field('age_band'),
      sex: field('sex'),
      education: field('education'),
      occupation: field('occupation'),
      website: form.elements.website.value,
    });
  });

  $('survey-next').addEventListener('click', startAgain);
  $('kiosk-end-ask').addEventListener('click', function () {
    $('kiosk-end-confirm').hidden = false;
    $('kiosk-end-ask').hidden = true;
    $('kiosk-end-yes').focus();
  });
  $('kiosk-end-no').addEventListener('click', function () {
    $('kiosk-end-confirm').hidden = true;
    $('kiosk-end-ask').hidden = false;
    $('kiosk-end-ask').focus();
  });
  $('kiosk-end-yes').addEventListener('click', function () {
    stored.drop(KIOSK_KEY);
    kiosk = null;
    $('kiosk-end-confirm').hidden = true;
    $('kiosk-end-ask').hidden = false;
    showKiosk();
    $('survey-title').focus();
  });

  // The app may have handed this address over (see ServerPage): it arrived.
  try { window.sessionStorage.removeItem('kinerja.server-page'); } catch (e) { /* nothing kept */ }
  showKiosk();
  drawChoices();
  countComment();
  button.disabled = false;
  form.setAttribute('data-ready', '');
})();
