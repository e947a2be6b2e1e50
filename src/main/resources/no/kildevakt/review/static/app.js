// kildevakt review page: decisions, notes and edits without reloading, keyboard shortcuts,
// copying the draft (the sources page's re-crawl is sources.js). Plain browser JavaScript, no build step, no
// dependencies. Crawled text is only ever put into the page with textContent, never as HTML.
'use strict';

(() => {
  const body = document.body;
  const { toast, post, format } = window.kildevakt;

  // ------------------------------------------------------------------ review page

  const statusLabel = (status) => body.dataset['status' + status.charAt(0).toUpperCase() + status.slice(1)] || status;
  const items = () => Array.from(document.querySelectorAll('article.item'));
  const reviewMain = document.querySelector('main.review') || body;
  let current = null;

  /**
   * Makes a card the current one. scroll false: do not scroll it into view; focus false: leave the
   * keyboard where it is (on a button inside the card, which the editor is using).
   */
  function select(el, scroll, focus) {
    if (current) current.classList.remove('current');
    current = el;
    if (!el) return;
    el.classList.add('current');
    if (focus !== false) el.focus({ preventScroll: true });
    if (scroll !== false) el.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }

  function move(delta) {
    const list = items();
    if (!list.length) return;
    let i = list.indexOf(current);
    i = i < 0 ? 0 : Math.max(0, Math.min(list.length - 1, i + delta));
    select(list[i]);
  }

  function setText(el, selector, text) {
    const target = el.querySelector(selector);
    if (target) target.textContent = text;
  }

  /** Shows an item as the server now has it. */
  function apply(el, item) {
    const before = el.dataset.status;
    el.dataset.status = item.status;
    setText(el, '.status-badge', statusLabel(item.status));
    const note = el.querySelector('.note-text');
    note.hidden = !item.note;
    setText(note, '.value', item.note || '');
    el.querySelector('.note-form textarea').value = item.note || '';

    setText(el, '.title .open', item.draft_title || '');
    const edited = !!item.edited_title;
    let marker = el.querySelector('.title .edited');
    let original = el.querySelector('.original');
    if (edited && !marker) {
      marker = document.createElement('span');
      marker.className = 'edited';
      el.querySelector('.title').append(' ', marker);
      original = document.createElement('p');
      original.className = 'original';
      el.querySelector('.title').after(original);
    }
    if (marker) { marker.hidden = !edited; marker.textContent = '(' + (body.dataset.msgEdited || '✎') + ')'; }
    if (original) { original.hidden = !edited; original.textContent = (body.dataset.msgOriginal || '') + ': ' + item.title; }
    setText(el, '.summary', item.draft_summary || '');
    // the buttons are named with the item for screen readers ("Ta med: <title>"), and follow an edit
    el.querySelectorAll('.actions button[data-label]').forEach((b) => {
      b.setAttribute('aria-label', b.dataset.label + ': ' + (item.draft_title || ''));
    });
    // "tatt med i 2024-Q3": the issues the item was accepted in before; no field, no hint
    const earlier = el.querySelector('.earlier');
    if (earlier && 'earlier_issues' in item) {
      const issues = Array.isArray(item.earlier_issues) ? item.earlier_issues.map(String) : [];
      earlier.hidden = issues.length === 0;
      earlier.textContent = issues.length ? format(reviewMain.dataset.msgEarlier || '{0}', issues.join(', ')) : '';
    }
    el.querySelector('.edit-form [name=title]').value = item.draft_title || '';
    el.querySelector('.edit-form [name=summary]').value = item.draft_summary || '';
    recount(el.closest('section.section'), before, item.status);
  }

  /**
   * Moves one item from one status count to another, in its section and in the total. The counts
   * come from the server and cover the cards not loaded yet ("show more"), so they are adjusted,
   * never recounted from the page.
   */
  function recount(section, before, after) {
    if (before === after || !section) return;
    const places = Array.from(document.querySelectorAll('[data-section-counts="' + CSS.escape(section.dataset.section) + '"]'));
    const toc = document.querySelector('.toc .total');
    if (toc) places.push(toc);
    places.forEach((place) => {
      [[before, -1], [after, 1]].forEach(([status, delta]) => {
        if (status !== 'new' && status !== 'accepted' && status !== 'rejected') return;
        place.querySelectorAll('[data-count="' + status + '"]').forEach((n) => { n.textContent = Number(n.textContent) + delta; });
      });
    });
  }

  /**
   * "Show more": the next page of cards, rendered by the server as the same page with a cursor (the
   * link works without script too), parsed inertly and moved into this page: cards into their section,
   * sections not shown yet after the last one, and the link replaced by the next page's, or gone.
   */
  async function showMore(link) {
    if (link.classList.contains('busy')) return;
    link.classList.add('busy');
    try {
      const response = await fetch(link.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
      if (!response.ok) throw new Error(response.status + ' ' + response.statusText);
      const next = new DOMParser().parseFromString(await response.text(), 'text/html');
      const holder = link.closest('.more');
      next.querySelectorAll('.sections section.section').forEach((incoming) => {
        const here = document.getElementById(incoming.id);
        if (here) {
          incoming.querySelectorAll('article.item').forEach((a) => here.append(document.adoptNode(a)));
        } else {
          holder.before(document.adoptNode(incoming));
        }
      });
      const nextLink = next.querySelector('.sections .more');
      if (nextLink) holder.replaceWith(document.adoptNode(nextLink)); else holder.remove();
    } catch (e) {
      toast(body.dataset.msgFailed + ': ' + e.message, true);
      link.classList.remove('busy');
    }
  }

  async function decide(el, decision, note) {
    el.classList.add('busy');
    try {
      // decisions belong to an issue: the period as the server wrote it back (2024-Q4), not as typed
      const data = note === undefined ? { decision } : { decision, note };
      if (reviewMain.dataset.period) data.period = reviewMain.dataset.period;
      apply(el, await post('/api/items/' + el.dataset.id + '/decision', data));
      return true;
    } catch (e) {
      toast(body.dataset.msgFailed + ': ' + e.message, true);
      return false;
    } finally {
      el.classList.remove('busy');
    }
  }

  function openForm(el, name) {
    el.querySelectorAll('form').forEach((f) => { f.hidden = !f.classList.contains(name); });
    const form = el.querySelector('form.' + name);
    const field = form.querySelector('input, textarea');
    field.focus();
    if (field.select) field.select();
  }

  function closeForms(el) {
    el.querySelectorAll('form').forEach((f) => { f.hidden = true; });
    select(el, false);
  }

  /**
   * One command on one card. fromButton: the editor is on a button of that card (clicked it, or typed
   * a key while it had focus): the keyboard stays on the button and the page stays where it is; from
   * the card itself (j/k and a key) a decision moves on to the next card.
   */
  async function act(el, action, fromButton) {
    select(el, false, !fromButton);
    switch (action) {
      case 'accepted':
      case 'rejected':
        if (await decide(el, action) && !fromButton) move(1);
        break;
      case 'new':
        await decide(el, 'new');
        break;
      case 'note':
        openForm(el, 'note-form');
        break;
      case 'edit':
        openForm(el, 'edit-form');
        break;
      case 'cancel':
        closeForms(el);
        break;
      case 'open': {
        const link = el.querySelector('a.open');
        if (link) window.open(link.href, '_blank', 'noopener,noreferrer');
        break;
      }
      default:
    }
  }

  document.addEventListener('click', (event) => {
    const more = event.target.closest('a[data-more]');
    if (more) {
      event.preventDefault();
      showMore(more);
      return;
    }
    const button = event.target.closest('button[data-action]');
    const el = event.target.closest('article.item');
    if (button && el) {
      event.preventDefault();
      act(el, button.dataset.action, true);
    } else if (el && !event.target.closest('a, input, textarea, select, button')) {
      select(el, false);
    }
  });

  document.addEventListener('submit', async (event) => {
    const form = event.target;
    const el = form.closest('article.item');
    if (!el) return; // the filter form submits as usual
    event.preventDefault();
    if (form.classList.contains('note-form')) {
      if (await decide(el, el.dataset.status, form.note.value)) { closeForms(el); toast(body.dataset.msgSaved); }
    } else if (form.classList.contains('edit-form')) {
      el.classList.add('busy');
      try {
        const edit = { title: form.title.value, summary: form.summary.value };
        if (reviewMain.dataset.period) edit.period = reviewMain.dataset.period; // the text is this issue's
        apply(el, await post('/api/items/' + el.dataset.id + '/edit', edit));
        closeForms(el);
        toast(body.dataset.msgSaved);
      } catch (e) {
        toast(body.dataset.msgFailed + ': ' + e.message, true);
      } finally {
        el.classList.remove('busy');
      }
    }
  });

  const keys = { j: 'next', k: 'previous', a: 'accepted', r: 'rejected', u: 'new', o: 'open', n: 'note', e: 'edit' };

  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      // Ctrl/Cmd+Enter saves the note or edit being typed
      if (event.key === 'Enter' && event.target.form && event.target.closest('article.item')) {
        event.preventDefault();
        event.target.form.requestSubmit();
      }
      return;
    }
    const typing = event.target.closest && event.target.closest('input, textarea, select');
    if (event.key === 'Escape') {
      const el = event.target.closest && event.target.closest('article.item');
      if (el) closeForms(el);
      return;
    }
    if (typing || body.dataset.page !== 'review') return;
    if (event.key === '/') {
      event.preventDefault();
      const search = document.querySelector('input[name=q]');
      if (search) search.focus();
      return;
    }
    const command = keys[event.key];
    if (!command) return;
    // a key typed on a button or link inside a card is for that card, whichever was current before
    const card = event.target.closest && event.target.closest('article.item');
    const onControl = card && event.target !== card;
    event.preventDefault();
    if (onControl && card !== current) select(card, false, false);
    if (command === 'next') { move(1); return; }
    if (command === 'previous') { move(-1); return; }
    if (onControl) { act(card, command, true); return; }
    if (!current) { move(0); if (!current) return; }
    act(current, command);
  });

  // The filters apply on Enter or "Vis", not on every change: arrowing through a dropdown would
  // otherwise reload the page at each step. After the reload the keyboard is where it was.
  const filters = document.querySelector('form.filters');
  const FOCUS_KEY = 'kildevakt.filterFocus';
  if (filters) {
    filters.addEventListener('change', () => filters.classList.add('changed'));
    filters.addEventListener('keydown', (event) => {
      const t = event.target;
      if (event.key === 'Enter' && (t.tagName === 'SELECT' || t.type === 'checkbox')) {
        event.preventDefault();
        filters.requestSubmit();
      }
    });
    filters.addEventListener('submit', () => {
      const active = document.activeElement;
      const name = active && active.form === filters ? (active.name || (active.type === 'submit' ? 'submit' : '')) : '';
      try { sessionStorage.setItem(FOCUS_KEY, name); } catch (e) { /* storage off: focus is only a comfort */ }
    });
    let back = null;
    try { back = sessionStorage.getItem(FOCUS_KEY); sessionStorage.removeItem(FOCUS_KEY); } catch (e) { /* as above */ }
    if (back) {
      const target = back === 'submit' ? filters.querySelector('button[type=submit]') : filters.elements[back];
      if (target && target.focus) target.focus({ preventScroll: true });
    }
  }

  // Compact view: one line a card, for going through a long quarter; remembered in this browser.
  const COMPACT_KEY = 'kildevakt.compact';
  const compactToggle = document.getElementById('compact-toggle');
  if (compactToggle) {
    let compact = false;
    try { compact = localStorage.getItem(COMPACT_KEY) === '1'; } catch (e) { /* storage off: not remembered */ }
    compactToggle.checked = compact;
    reviewMain.classList.toggle('compact', compact);
    compactToggle.addEventListener('change', () => {
      reviewMain.classList.toggle('compact', compactToggle.checked);
      try { localStorage.setItem(COMPACT_KEY, compactToggle.checked ? '1' : '0'); } catch (e) { /* as above */ }
    });
  }

  if (body.dataset.page === 'review') {
    const fromHash = location.hash.startsWith('#item-') && document.getElementById(location.hash.slice(1));
    if (fromHash) select(fromHash);
  }

  // ------------------------------------------------------------------ draft page

  document.querySelectorAll('button[data-copy]').forEach((button) => {
    button.addEventListener('click', async () => {
      const source = document.getElementById(button.dataset.copy);
      const text = source.value;
      try {
        await navigator.clipboard.writeText(text);
      } catch (e) {
        // no clipboard API (plain http on another host): copy through a selection instead
        const wasHidden = source.hidden;
        source.hidden = false;
        source.select();
        document.execCommand('copy');
        source.hidden = wasHidden;
      }
      toast(body.dataset.msgCopied);
    });
  });
})();
