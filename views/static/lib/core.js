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
 * except in the case-number box, where Enter starts the case lookup (possible_case_numbers.pl; the
 * case-number widget's block at the end of this file runs it). Without JavaScript the
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

/* ==== The case-number widget and the report pages ======================================================
 * Owned by the Reports pages (server/ecf/reports/); used by every form with the widget's markup (the
 * Docket Report, History/Documents and Written Opinions forms, Query, and later the filing screens).
 * Fidelity (captured dockets/not_dockets/alsb_103785005735335.html; filing-and-reports.md A.3): typing in
 * #case_number_text_area_0 shows "Find This Case"; Find (or Enter in the box) asks
 * /cgi-bin/possible_case_numbers.pl?<number>;number=<random> ("This random number causes the browser to
 * never cache case number results"), then shows the message (" Cannot find case ...") or "Select a case:"
 * with one div#case_line_0_<caseid> per case (input[type=checkbox][name=checkbox_0]#checkbox_0_<caseid>,
 * valued with the number; a criminal case's defendants indented, valued "<number>-<n>|<caseid>|<n>|"),
 * and fills input#all_case_ids with the ticked cases' ids (one case found: ticked and filled at once).
 * CMECF.CaseNumberSelect.AddCaseNumberLine('cookie') fills an empty widget from the CASE_NUM cookie a
 * case page set ("1:26-cv-20001(642110)"). The pick area's look, the defendant lines' ids
 * (#case_line_0_<caseid>_<n>, #checkbox_0_<caseid>_<n>) and the View Selected helpers below are ours.
 */
(function () {
  'use strict';

  const CMECF = (window.CMECF = window.CMECF || {});
  const byId = (id) => document.getElementById(id);

  function parts() {
    const text = byId('case_number_text_area_0');
    const ids = byId('all_case_ids');
    if (!(text instanceof HTMLInputElement) || !(ids instanceof HTMLInputElement)) return null;
    return {
      text,
      ids,
      find: byId('case_number_find_button_0'),
      show: byId('case_number_show_button_0'),
      hide: byId('case_number_hide_button_0'),
      message: byId('case_number_message_area_0'),
      pick: byId('case_number_pick_area_0'),
    };
  }

  const display = (el, on) => {
    if (el) el.style.display = on ? '' : 'none';
  };

  function setMessage(w, text) {
    if (!w.message) return;
    w.message.textContent = text ? ` ${text}` : '';
    w.message.setAttribute('role', 'status');
  }

  /** all_case_ids: the ticked cases' ids, each once. */
  function fillIds(w) {
    const ids = [];
    for (const box of w.pick ? w.pick.querySelectorAll('input[name="checkbox_0"]') : []) {
      const id = box.getAttribute('data-case-id');
      if (box.checked && id && !ids.includes(id)) ids.push(id);
    }
    w.ids.value = ids.join(',');
  }

  function caseLine(w, node, defendant) {
    const id = node.getAttribute('id') || '';
    const number = node.getAttribute('number') || '';
    const suffix = defendant ? `_${defendant}` : '';
    const line = document.createElement('div');
    line.id = `case_line_0_${id}${suffix}`;
    if (defendant) line.style.marginLeft = '2em';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = 'checkbox_0';
    box.id = `checkbox_0_${id}${suffix}`;
    box.value = defendant ? `${number}|${id}|${defendant}|` : number;
    box.setAttribute('data-case-id', id);
    box.addEventListener('change', () => fillIds(w));
    const label = document.createElement('label');
    label.htmlFor = box.id;
    const link = document.createElement('a');
    link.href = `/cgi-bin/iquery.pl?${encodeURIComponent(number)}`;
    link.textContent = node.getAttribute('title') || number;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      box.checked = !box.checked;
      fillIds(w);
    });
    label.appendChild(link);
    line.append(box, ' ', label);
    return line;
  }

  function showCases(w, nodes) {
    if (!w.pick) return;
    w.pick.textContent = '';
    w.pick.appendChild(document.createElement('br'));
    w.pick.appendChild(document.createTextNode('Select a case:'));
    for (const node of nodes) {
      const defendant = node.getAttribute('defendant');
      w.pick.appendChild(caseLine(w, node, defendant && defendant !== '0' ? defendant : ''));
    }
    const boxes = w.pick.querySelectorAll('input[name="checkbox_0"]');
    // One case: picked at once (its defendants' lines stay for the user to tick).
    if (nodes.filter((n) => (n.getAttribute('defendant') || '0') === '0').length === 1 && boxes[0]) boxes[0].checked = true;
    fillIds(w);
    display(w.pick, true);
    display(w.hide, true);
    display(w.show, false);
  }

  function find(w) {
    const typed = w.text.value.trim();
    if (!typed) return;
    display(w.find, false);
    setMessage(w, '');
    const url = `/cgi-bin/possible_case_numbers.pl?${encodeURIComponent(typed.toLowerCase())};number=${Math.random()}`;
    fetch(url, { credentials: 'same-origin' })
      .then((res) => res.text())
      .then((body) => {
        const doc = new DOMParser().parseFromString(body, 'text/xml');
        const nodes = Array.from(doc.getElementsByTagName('case'));
        if (nodes.length) return showCases(w, nodes);
        const message = doc.getElementsByTagName('message')[0];
        w.ids.value = '';
        display(w.pick, false);
        setMessage(w, message ? message.getAttribute('text') || '' : `Cannot find case ${typed}`);
      })
      .catch(() => setMessage(w, `Cannot find case ${typed}`));
  }

  function wire(w) {
    w.text.addEventListener('keyup', (event) => {
      if (event.key === 'Enter') return;
      // A changed number names no case until it is found again.
      w.ids.value = '';
      display(w.find, w.text.value.trim() !== '');
      display(w.pick, false);
      display(w.hide, false);
      display(w.show, false);
      setMessage(w, '');
    });
    w.text.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      find(w);
    });
    if (w.find) w.find.addEventListener('click', () => find(w));
    if (w.hide)
      w.hide.addEventListener('click', () => {
        display(w.pick, false);
        display(w.hide, false);
        display(w.show, true);
      });
    if (w.show)
      w.show.addEventListener('click', () => {
        display(w.pick, true);
        display(w.show, false);
        display(w.hide, true);
      });
  }

  CMECF.CaseNumberSelect = Object.assign(CMECF.CaseNumberSelect || {}, {
    /** Fills an empty widget from the CASE_NUM cookie ("1:26-cv-20001(642110)") the last case page set. */
    AddCaseNumberLine(source) {
      const w = parts();
      if (!w || source !== 'cookie' || w.text.value.trim() !== '') return;
      const m = /(?:^|;\s*)CASE_NUM=([^;(]+)\((\d+)\)/.exec(document.cookie);
      if (!m) return;
      w.text.value = decodeURIComponent(m[1]);
      if (!w.ids.value || w.ids.value === '0') w.ids.value = m[2];
    },
  });

  /* View multiple documents (a docket report with view_multi_docs): the real page's helper names. */
  function multiDocsForm() {
    const form = document.forms.namedItem('view_multi_docs');
    return form instanceof HTMLFormElement ? form : null;
  }
  window.update_sizes = function () {
    const form = multiDocsForm();
    if (!form) return;
    let bytes = 0;
    for (const box of form.querySelectorAll('input[type="checkbox"][name^="document_"]')) {
      if (box.checked) bytes += Number((box.value.split('-')[1] || '0')) || 0;
    }
    const shown = byId('total_size_display');
    if (shown) shown.value = (bytes / 1024 / 1024).toFixed(1);
    const any = bytes > 0 || form.querySelector('input[name="all_documents"]:checked') !== null;
    for (const id of ['view_button', 'download_button']) {
      const b = byId(id);
      if (b) b.disabled = !any;
    }
  };
  window.select_all_attachments = function (box) {
    const form = multiDocsForm();
    if (!form || !box) return;
    for (const doc of form.querySelectorAll(`input[name^="document_${box.value}_"]`)) doc.checked = box.checked;
    window.update_sizes();
  };
  window.select_all_documents = function (on) {
    const form = multiDocsForm();
    if (!form) return false;
    for (const box of form.querySelectorAll('input[type="checkbox"]')) box.checked = Boolean(on);
    window.update_sizes();
    return false;
  };
  window.submit_form = function (download) {
    const form = multiDocsForm();
    if (!form) return;
    const field = form.querySelector('input[name="download_documents"]');
    if (field) field.value = download ? '1' : '';
    form.submit();
  };

  function initWidget() {
    try {
      const w = parts();
      if (w) wire(w);
    } catch (err) {
      if (window.console) console.warn('core.js (case number):', err);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', initWidget);
  } else {
    initWidget();
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
