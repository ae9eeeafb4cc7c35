/*
 * mock-pacer: CM/ECF page script, served at /lib/core.js (the mock's own, not the court's).
 *
 * Fidelity: real pages load /lib/core.js in the head, then /cgi-bin/menu.pl, and call
 * CMECF.MainMenu.createMenu() right after the menu bar (through window.setTimeout, or
 * CMECF.util.Event.addListener on old IE); Help calls CMECF.MainMenu.showHelpPage() and Search
 * CMECF.MainMenu.searchPrompt(). Those names are kept; what they do here is ours.
 *
 * The served markup is the captured skeleton; everything this script adds happens at run time,
 * as the real YUI menu does: the drop-downs (from CMECF.menuData, set by menu.pl), YUI's classes
 * on the bar, and our keyboard and screen-reader support (a focusable Help, arrow keys, Escape,
 * aria-expanded, a "Skip to main content" link and the main landmark). Pages work without this
 * script: every bar item is a plain link to its page (DisplayMenu.pl for the menus).
 */
(function () {
  'use strict';

  const CMECF = (window.CMECF = window.CMECF || {});

  /* ---- CMECF.util.Event: the one helper real pages call inline -------------------------------- */
  CMECF.util = CMECF.util || {};
  CMECF.util.Event = CMECF.util.Event || {
    addListener(target, type, handler) {
      if (target && target.addEventListener) target.addEventListener(type, handler);
    },
  };

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

    /** Builds the drop-downs and the keyboard support into div#topmenu; safe to call twice. */
    createMenu() {
      try {
        const bar = document.getElementById('topmenu');
        if (!bar || bar.getAttribute('data-cmecf-menu') === 'ready') return;
        bar.setAttribute('data-cmecf-menu', 'ready');
        buildMenuBar(bar);
      } catch (err) {
        // Enhancements only: the bar still works as plain links.
        if (window.console) console.warn('core.js:', err);
      }
    },
  });

  /* ---- The menu bar ---------------------------------------------------------------------------- */
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

  /** div.yuimenu > div.bd > ul > li.yuimenuitem > a.yuimenuitemlabel, as YUI renders a submenu. */
  function buildSubmenu(links) {
    const menu = document.createElement('div');
    menu.className = 'yuimenu';
    const bd = document.createElement('div');
    bd.className = 'bd';
    const ul = document.createElement('ul');
    for (const { text, href } of links) {
      const li = document.createElement('li');
      li.className = 'yuimenuitem';
      const a = document.createElement('a');
      a.className = 'yuimenuitemlabel';
      a.href = href;
      a.textContent = text;
      li.appendChild(a);
      ul.appendChild(li);
    }
    bd.appendChild(ul);
    menu.appendChild(bd);
    return menu;
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
      case 'Enter':
      case ' ':
        // Help is an <a> without href (as captured): Enter and Space run its onClick.
        if (!onTop || target.hasAttribute('href')) return;
        target.click();
        break;
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

  function buildMenuBar(bar) {
    const data = CMECF.menuData || {};
    bar.classList.add('yuimenubarnav');
    bar.setAttribute('role', 'navigation');
    bar.setAttribute('aria-label', 'CM/ECF menu');

    topItems(bar).forEach((item, i) => {
      if (i === 0) item.classList.add('first-of-type');
      const link = topLink(item);
      if (!link) return;
      // Help has no href: make it reachable with Tab and announced as a link.
      if (!link.hasAttribute('href')) {
        link.setAttribute('tabindex', '0');
        link.setAttribute('role', 'link');
      }
      const links = data[link.getAttribute('href') || ''];
      if (!Array.isArray(links) || !links.length) return;

      item.classList.add('yuimenubaritem-hassubmenu');
      link.classList.add('yuimenubaritemlabel-hassubmenu');
      link.setAttribute('aria-haspopup', 'true');
      link.setAttribute('aria-expanded', 'false');
      item.appendChild(buildSubmenu(links));
      // Pointing at an item reopens a submenu that Escape closed.
      item.addEventListener('mouseenter', () => item.classList.remove(CLOSED));
      // Focus entering the item shows its submenu (CSS :focus-within); keep aria-expanded in step.
      item.addEventListener('focusin', () => {
        if (!item.classList.contains(CLOSED)) link.setAttribute('aria-expanded', 'true');
      });
      item.addEventListener('focusout', (event) => {
        if (event.relatedTarget instanceof Node && item.contains(event.relatedTarget)) return;
        item.classList.remove(CLOSED);
        link.setAttribute('aria-expanded', 'false');
      });
    });

    bar.addEventListener('keydown', (event) => onKeyDown(bar, event));
  }

  /* ---- The page: main landmark and a skip link over the menu bar ------------------------------ */
  function enhancePage() {
    const main = document.getElementById('cmecfMainContent');
    if (main) {
      main.setAttribute('role', 'main');
      main.setAttribute('tabindex', '-1');
    }
    if (!main || !document.getElementById('topmenu') || document.querySelector('a.cmecf-skip-link')) return;
    const skip = document.createElement('a');
    skip.className = 'cmecf-skip-link';
    skip.href = '#cmecfMainContent';
    skip.textContent = 'Skip to main content';
    document.body.insertBefore(skip, document.body.firstChild);
  }

  function init() {
    try {
      enhancePage();
      // Pages call createMenu themselves; this covers a page whose inline call did not run.
      CMECF.MainMenu.createMenu();
    } catch (err) {
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

/* ==== Documents (goDLS) ==============================================================================
 * Owned by the document pages (server/ecf/documents/); docket links call it too.
 * Fidelity: CM/ECF's document links and the download confirmation's form call
 * goDLS(path, caseid, de_seq_num, got_receipt, pdf_header, pdf_toggle_possible, magic_num, hdr)
 * and return false (juriscraper utils.reverse_goDLS_function names the arguments). What it does
 * here is ours: it posts those fields to the doc1 path, as a form would, so the server answers the
 * menu, the confirmation or (got_receipt 1) the document. Without this script a link's href still
 * opens its page by GET; the confirmation's "View Document" needs it, as on the real courts.
 */
window.goDLS = function (path, caseid, seq, gotReceipt, pdfHeader, pdfToggle, magic, hdr) {
  'use strict';
  const form = document.createElement('form');
  form.method = 'post';
  form.action = path;
  form.hidden = true;
  const fields = { caseid, de_seq_num: seq, got_receipt: gotReceipt, pdf_header: pdfHeader, pdf_toggle_possible: pdfToggle, magic_num: magic, hdr };
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || value === null || value === '') continue;
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = String(value);
    form.appendChild(input);
  }
  document.body.appendChild(form);
  form.submit();
  return false;
};
