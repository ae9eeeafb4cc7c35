/*
 * mock-pacer: small enhancements for the PACER login pages (/csologin/resources/js/cso.js).
 * Every form on these pages is a plain POST and works without this script; it only helps
 * keyboard and screen-reader users when a modal dialog (e.g. the Redaction Agreement) is open:
 * focus moves into the dialog, Tab stays inside it, and the page behind is made inert.
 */
(function () {
  'use strict';

  const FOCUSABLE =
    'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), ' +
    'select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

  function isShown(el) {
    return !!el && el.getClientRects().length > 0;
  }

  function focusables(root) {
    return Array.from(root.querySelectorAll(FOCUSABLE)).filter(isShown);
  }

  function openDialog() {
    const dialogs = document.querySelectorAll('.ui-dialog');
    for (let i = 0; i < dialogs.length; i++) {
      if (isShown(dialogs[i])) return dialogs[i];
    }
    return null;
  }

  function enhanceDialog(dialog) {
    // The login form behind the dialog may carry autofocus too; the dialog must win.
    if (!dialog.contains(document.activeElement)) {
      let first = dialog.querySelector('[autofocus]');
      if (!isShown(first)) first = focusables(dialog)[0];
      if (first) first.focus();
    }

    // Make the page behind the overlay unreachable for Tab and screen readers.
    const behind = document.querySelectorAll('body > header, body > main > :not(.ui-dialog):not(.ui-widget-overlay), body > footer');
    behind.forEach((el) => {
      if (!el.contains(dialog)) {
        el.setAttribute('inert', '');
        el.setAttribute('aria-hidden', 'true');
      }
    });

    // Keep Tab inside the dialog (for browsers without `inert`).
    dialog.addEventListener('keydown', (event) => {
      if (event.key !== 'Tab') return;
      const items = focusables(dialog);
      if (!items.length) return;
      const firstItem = items[0];
      const lastItem = items[items.length - 1];
      if (event.shiftKey && document.activeElement === firstItem) {
        event.preventDefault();
        lastItem.focus();
      } else if (!event.shiftKey && document.activeElement === lastItem) {
        event.preventDefault();
        firstItem.focus();
      }
    });
  }

  function init() {
    try {
      const dialog = openDialog();
      if (dialog) enhanceDialog(dialog);
    } catch (err) {
      // Enhancements only: never let a script problem get in the way of logging in.
      if (window.console) console.warn('cso.js:', err);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
