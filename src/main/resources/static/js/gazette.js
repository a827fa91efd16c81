/*
 * Gazette's small enhancements. The pages work without this script:
 *  - "Reply" moves the form under the comment instead of reloading the page;
 *  - remembered name, email and website are filled in from the reader's own cookie;
 *  - a form with errors brings its error summary into view.
 */
(function () {
  'use strict';

  var COOKIE = 'gazette_commenter';

  function readRemembered() {
    var match = document.cookie.match(new RegExp('(?:^|;\\s*)' + COOKIE + '=([^;]*)'));
    if (!match || !match[1]) {
      return null;
    }
    try {
      var base64 = match[1].replace(/-/g, '+').replace(/_/g, '/');
      while (base64.length % 4) {
        base64 += '=';
      }
      var binary = atob(base64);
      var bytes = new Uint8Array(binary.length);
      for (var i = 0; i < binary.length; i++) {
        bytes[i] = binary.charCodeAt(i);
      }
      var parts = new TextDecoder('utf-8').decode(bytes).split('\n');
      return { author: parts[0] || '', email: parts[1] || '', url: parts[2] || '' };
    } catch (e) {
      return null;
    }
  }

  function fillRemembered(form) {
    var remembered = readRemembered();
    if (!remembered) {
      return;
    }
    ['author', 'email', 'url'].forEach(function (name) {
      var field = form.elements[name];
      if (field && !field.value) {
        field.value = remembered[name];
      }
    });
    if (form.elements.remember) {
      form.elements.remember.checked = true;
    }
  }

  function setUpReplies(respond, form) {
    var home = document.getElementById('respond-home');
    var heading = respond.querySelector('.reply-title-text');
    var cancel = document.getElementById('cancel-reply');
    var replyTo = form.elements.replyTo;
    var defaultHeading = respond.getAttribute('data-default-heading');
    var movedHere = false;

    function moveBack(event) {
      if (event) {
        event.preventDefault();
      }
      home.parentNode.insertBefore(respond, home.nextSibling);
      replyTo.value = '';
      heading.textContent = defaultHeading;
      cancel.hidden = true;
      if (event) {
        form.elements.comment.focus();
      }
    }

    document.addEventListener('click', function (event) {
      var link = event.target.closest && event.target.closest('.comment-reply-link');
      if (!link) {
        return;
      }
      event.preventDefault();
      var comment = document.getElementById('comment-' + link.getAttribute('data-comment-id'));
      var body = comment && comment.querySelector('.comment-body');
      if (!body) {
        return;
      }
      body.parentNode.insertBefore(respond, body.nextSibling);
      replyTo.value = link.getAttribute('data-comment-id');
      heading.textContent = link.getAttribute('data-reply-heading');
      cancel.hidden = false;
      movedHere = true;
      form.elements.comment.focus();
    });

    // A reply opened by the server (?replyto=) cancels by following the link;
    // one opened here cancels in place.
    cancel.addEventListener('click', function (event) {
      if (movedHere) {
        movedHere = false;
        moveBack(event);
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var respond = document.getElementById('respond');
    var form = document.getElementById('commentform');
    if (!respond || !form) {
      return;
    }
    var summary = form.querySelector('.error-summary');
    // A form that came back with errors holds exactly what the reader sent, emptied
    // fields included: the remembered details must not fill those in again.
    if (!summary) {
      fillRemembered(form);
    }
    setUpReplies(respond, form);
    if (summary) {
      summary.focus();
    }
  });
})();
