/*
 * mock-pacer: CM/ECF page script, served at /lib/core.js (the mock's own, not the court's).
 * Fidelity: the real menu bar calls CMECF.MainMenu.showHelpPage() for Help and
 * CMECF.MainMenu.searchPrompt() for Search; both names are kept. Keyboard support for the menu
 * bar is ours. Pages work without this script: every link and form is plain HTML.
 */
(function () {
  'use strict';

  const CMECF = (window.CMECF = window.CMECF || {});

  /* ---- Menu actions --------------------------------------------------------------------------- */
  CMECF.MainMenu = Object.assign(CMECF.MainMenu || {}, {
    /** Help opens the help page in the same window. */
    showHelpPage() {
      window.location.href = '/cgi-bin/Help.pl';
      return false;
    },

    /** Search asks for a case number, then runs the case query for it. */
    searchPrompt() {
      const answer = window.prompt('Enter a case number:', '');
      if (answer === null) return false;
      const caseNumber = answer.trim();
      if (caseNumber === '') return false;
      window.location.href = '/cgi-bin/iquery.pl?case_num=' + encodeURIComponent(caseNumber);
      return false;
    },
  });

  /* ---- Keyboard support for div#topmenu -------------------------------------------------------- */
  const CLOSED = 'cmecf-menu-closed';

  function topItems(bar) {
    return Array.from(bar.querySelectorAll('li.yuimenubaritem'));
  }

  function topLink(item) {
    return item ? item.querySelector(':scope > a.yuimenubaritemlabel') : null;
  }

  function subLinks(item) {
    return item ? Array.from(item.querySelectorAll(':scope > div.yuimenu a.yuimenuitemlabel')) : [];
  }

  function setExpanded(item, open) {
    const link = topLink(item);
    if (!link || !subLinks(item).length) return;
    link.setAttribute('aria-expanded', open ? 'true' : 'false');
    item.classList.toggle(CLOSED, !open);
  }

  function focusTop(items, index) {
    const count = items.length;
    if (!count) return;
    const link = topLink(items[((index % count) + count) % count]);
    if (link) link.focus();
  }

  function onKeyDown(bar, event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target;
    if (!(target instanceof Element)) return;
    const item = target.closest('li.yuimenubaritem');
    if (!item || !bar.contains(item)) return;
    const items = topItems(bar);
    const index = items.indexOf(item);
    const onTop = target === topLink(item);
    const subs = subLinks(item);
    const subIndex = subs.indexOf(target);

    switch (event.key) {
      case 'Escape':
      case 'Esc':
        if (!subs.length) return;
        setExpanded(item, false);
        if (topLink(item)) topLink(item).focus();
        break;
      case 'ArrowDown':
      case 'Down':
        if (!subs.length) return;
        setExpanded(item, true);
        if (onTop) subs[0].focus();
        else subs[(subIndex + 1) % subs.length].focus();
        break;
      case 'ArrowUp':
      case 'Up':
        if (onTop || subIndex < 0) return;
        if (subIndex === 0) topLink(item).focus();
        else subs[subIndex - 1].focus();
        break;
      case 'ArrowRight':
      case 'Right':
        focusTop(items, index + 1);
        break;
      case 'ArrowLeft':
      case 'Left':
        focusTop(items, index - 1);
        break;
      case 'Home':
        if (!onTop) return;
        focusTop(items, 0);
        break;
      case 'End':
        if (!onTop) return;
        focusTop(items, items.length - 1);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  function initMenuBar() {
    const bar = document.getElementById('topmenu');
    if (!bar) return;

    topItems(bar).forEach((item) => {
      if (!subLinks(item).length) return;
      const link = topLink(item);
      if (link) link.setAttribute('aria-expanded', 'false');
      // Pointing at an item reopens a submenu that Escape closed.
      item.addEventListener('mouseenter', () => item.classList.remove(CLOSED));
      // Focus entering the item shows its submenu (CSS :focus-within); keep aria-expanded in step.
      item.addEventListener('focusin', () => {
        if (!item.classList.contains(CLOSED) && link) link.setAttribute('aria-expanded', 'true');
      });
      item.addEventListener('focusout', (event) => {
        if (event.relatedTarget instanceof Node && item.contains(event.relatedTarget)) return;
        item.classList.remove(CLOSED);
        if (link) link.setAttribute('aria-expanded', 'false');
      });
    });

    bar.addEventListener('keydown', (event) => onKeyDown(bar, event));
  }

  function init() {
    try {
      initMenuBar();
    } catch (err) {
      // Enhancements only: the menu still works as plain links.
      if (window.console) console.warn('core.js:', err);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();

/* ==== Query (iquery.pl) ==============================================================================
 * Owned by the Query pages (server/ecf/query-routes.ts, views/ecf/iquery.eta); the rest of this file
 * is the page skeleton's.
 * Fidelity: the real Query form has no submit button: "Run Query" is an input[type=button] whose
 * script submits the form once ("Submission already made..." guard, 5 seconds, as the captured
 * DktRpt form's ProcessForm), and Enter in a field submits it too (CMECF.widget.MakeEnterSubmitForm),
 * except in the case-number box, where Enter starts the case lookup (possible_case_numbers.pl; that
 * lookup comes with a later release, so for now Enter there does nothing). Without JavaScript the
 * page's <noscript> submit button takes over, and Enter submits through it.
 */
(function () {
  'use strict';

  const RESUBMIT_MS = 5000;

  function wireQueryForm(form) {
    const run = form.querySelector('input[type="button"][name="button1"]');
    if (!run) return;
    let sent = false;
    function submit() {
      if (sent) return;
      sent = true;
      window.setTimeout(() => {
        sent = false;
      }, RESUBMIT_MS);
      form.submit();
    }
    run.addEventListener('click', submit);
    form.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const target = event.target;
      if (!(target instanceof HTMLInputElement) || !['text', 'checkbox', 'radio'].includes(target.type)) return;
      event.preventDefault();
      if (target.id === 'case_number_text_area_0') return;
      submit();
    });
    // Back to this page from the browser's history: the form can be sent again at once.
    window.addEventListener('pageshow', () => {
      sent = false;
    });
  }

  function initQuery() {
    try {
      const form = document.getElementById('iquery');
      if (form instanceof HTMLFormElement) wireQueryForm(form);
    } catch (err) {
      if (window.console) console.warn('core.js (Query):', err);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', initQuery);
  } else {
    initQuery();
  }
})();
