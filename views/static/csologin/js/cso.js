/*
 * mock-pacer: small enhancements for the PACER login pages (/csologin/resources/js/cso.js).
 * Every form on these pages is a plain POST and works without this script. It does what the real
 * page's PrimeFaces script does where clients watch for it, and helps keyboard and screen-reader
 * users when a modal dialog (e.g. the Redaction Agreement) is open:
 * - PrimeFaces checkboxes: a click on the drawn box (.ui-chkbox-box) ticks the real input;
 * - the Redaction Agreement's tick is sent as PrimeFaces sends it (an AJAX valueChange of
 *   regmsg:chkRedact), and Continue (regmsg:bpmConfirm) takes the state of the button it answers;
 * - focus moves into an open dialog, Tab stays inside it, and the page behind is made inert.
 */
(function () {
  'use strict';

  // The stylesheet draws PrimeFaces' checkbox box and dims disabled buttons only when this runs.
  document.documentElement.classList.add('cso-js');

  const REDACT_INPUT = 'regmsg:chkRedact_input';
  const CONFIRM = 'regmsg:bpmConfirm';
  const VIEW_STATE_UPDATE = 'j_id1:javax.faces.ViewState:0';

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

  /** PrimeFaces' selectBooleanCheckbox: the drawn box follows the real input, and ticks it on a click. */
  function enhanceCheckbox(chkbox) {
    const input = chkbox.querySelector('input[type="checkbox"]');
    const box = chkbox.querySelector('.ui-chkbox-box');
    if (!input || !box) return;
    const icon = box.querySelector('.ui-chkbox-icon');
    const paint = () => {
      box.classList.toggle('ui-state-active', input.checked);
      if (icon) {
        icon.classList.toggle('ui-icon-check', input.checked);
        icon.classList.toggle('ui-icon-blank', !input.checked);
      }
    };
    box.addEventListener('click', () => {
      input.checked = !input.checked;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      input.focus();
    });
    input.addEventListener('change', paint);
    paint();
  }

  /** Continue's disabled state, as PrimeFaces draws it: a class and aria-disabled. */
  function setEnabled(button, enabled) {
    button.classList.toggle('ui-state-disabled', !enabled);
    if (enabled) button.removeAttribute('aria-disabled');
    else button.setAttribute('aria-disabled', 'true');
  }

  /**
   * Applies a partial-response's updates of Continue and the ViewState. The button is updated in
   * place (its class and aria-disabled taken from the answer) so that the focus stays where it is.
   */
  function applyPartialResponse(xml, button) {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    for (const update of Array.from(doc.getElementsByTagName('update'))) {
      const id = update.getAttribute('id');
      if (id === CONFIRM) {
        const template = document.createElement('template');
        template.innerHTML = update.textContent || '';
        const fresh = template.content.getElementById(CONFIRM);
        if (fresh) setEnabled(button, !fresh.classList.contains('ui-state-disabled'));
      } else if (id === VIEW_STATE_UPDATE) {
        document.querySelectorAll('input[name="javax.faces.ViewState"]').forEach((el) => {
          el.value = update.textContent || '';
        });
      }
    }
  }

  /**
   * The Redaction Agreement: the tick goes to the server as PrimeFaces' AJAX valueChange, and the
   * answer re-renders Continue. Continue is set from the box at once too, so a slow answer never
   * holds a person back; the server checks the tick again when Continue is posted.
   */
  function enhanceRedaction() {
    const input = document.getElementById(REDACT_INPUT);
    const button = document.getElementById(CONFIRM);
    const form = input && input.form;
    if (!input || !button || !form || form.closest('[hidden]')) return;
    input.addEventListener('change', () => {
      setEnabled(button, input.checked);
      const viewState = form.querySelector('input[name="javax.faces.ViewState"]');
      const body = new URLSearchParams({
        'javax.faces.partial.ajax': 'true',
        'javax.faces.source': 'regmsg:chkRedact',
        'javax.faces.partial.execute': 'regmsg:chkRedact',
        'javax.faces.partial.render': CONFIRM,
        'javax.faces.behavior.event': 'valueChange',
        'javax.faces.partial.event': 'change',
        regmsg: 'regmsg',
        'javax.faces.ViewState': viewState ? viewState.value : '',
      });
      if (input.checked) body.set(REDACT_INPUT, 'on');
      fetch(form.action, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Faces-Request': 'partial/ajax', 'X-Requested-With': 'XMLHttpRequest' },
        body,
      })
        .then((r) => (r.ok ? r.text() : ''))
        .then((xml) => {
          // A late answer for a tick the person has since taken back is not applied.
          if (xml && input.checked === (body.get(REDACT_INPUT) === 'on')) applyPartialResponse(xml, button);
        })
        .catch(() => {
          // Enhancement only: Continue already follows the box.
        });
    });
  }

  function init() {
    try {
      document.querySelectorAll('.ui-chkbox').forEach(enhanceCheckbox);
      enhanceRedaction();
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
