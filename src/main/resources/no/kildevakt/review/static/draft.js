// kildevakt draft page: arranging one issue (move an entry to any section, order entries with
// Alt+arrows, buttons or drag and drop, write entries by hand, rename or merge groups) and copying
// the draft as rich text. Plain browser JavaScript, no build step. Text from the page is only put
// into it with textContent; every change goes to the server and the page reloads to show the
// draft as the server now builds it (the one rule for order and groups lives there).
'use strict';

(() => {
  const main = document.querySelector('main.draft');
  if (!main) return;
  const body = document.body;
  const issue = main.dataset.issue;
  const { toast } = window.kildevakt;
  // every write names the issue it arranges
  const post = (url, data) => window.kildevakt.post(url, Object.assign({ period: issue }, data || {}));

  /** Saves, then reloads with the same entry focused and the page where it was. */
  async function change(url, data, focusKey) {
    try {
      await post(url, data);
      sessionStorage.setItem('kildevakt-draft-focus', JSON.stringify({ key: focusKey || '', y: window.scrollY }));
      location.reload();
    } catch (e) {
      toast(e.message, true);
    }
  }

  const entryOf = (el) => el && el.closest('article.draft-entry');
  const sectionOf = (el) => el.closest('section.draft-section');
  const keysOf = (section) => Array.from(section.querySelectorAll('article.draft-entry')).map((a) => a.dataset.key);

  /** Moves an entry one place within its group (the server keeps groups together). */
  function step(entry, delta) {
    const group = entry.closest('.draft-group');
    const siblings = Array.from(group.querySelectorAll('article.draft-entry'));
    const i = siblings.indexOf(entry);
    const j = i + delta;
    if (j < 0 || j >= siblings.length) return;
    const keys = keysOf(sectionOf(entry));
    const a = keys.indexOf(entry.dataset.key);
    const b = keys.indexOf(siblings[j].dataset.key);
    [keys[a], keys[b]] = [keys[b], keys[a]];
    change('/api/draft/order', { keys }, entry.dataset.key);
  }

  main.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    const entry = entryOf(button);
    if (!button || !entry) return;
    const action = button.dataset.action;
    if (action === 'up') step(entry, -1);
    if (action === 'down') step(entry, 1);
    if (action === 'move') {
      const section = entry.querySelector('select[data-action=section]').value;
      if (entry.dataset.handwritten === 'true') {
        change('/api/draft/entries/' + entry.dataset.id, { section }, entry.dataset.key);
      } else {
        change('/api/draft/move', { item: Number(entry.dataset.id), section }, entry.dataset.key);
      }
    }
    if (action === 'edit-text') {
      const form = entry.querySelector('.text-form');
      form.hidden = !form.hidden;
      if (!form.hidden) form.querySelector('textarea').focus();
    }
    if (action === 'cancel') {
      entry.querySelector('.text-form').hidden = true;
      entry.focus();
    }
    if (action === 'delete') change('/api/draft/entries/' + entry.dataset.id + '/delete', {}, '');
  });

  main.addEventListener('keydown', (event) => {
    const entry = event.target.matches && event.target.matches('article.draft-entry') ? event.target : null;
    if (!entry || !event.altKey) return;
    if (event.key === 'ArrowUp') { event.preventDefault(); step(entry, -1); }
    if (event.key === 'ArrowDown') { event.preventDefault(); step(entry, 1); }
  });

  main.addEventListener('submit', (event) => {
    const form = event.target;
    event.preventDefault();
    const value = (name) => (form.elements[name] ? form.elements[name].value : undefined);
    if (form.classList.contains('text-form')) {
      const entry = entryOf(form);
      if (entry.dataset.handwritten === 'true') {
        change('/api/draft/entries/' + entry.dataset.id,
          { title: value('title'), text: value('text'), url: value('url'), date: value('date') }, entry.dataset.key);
      } else {
        // an item's text is the editor's summary for the draft; an empty text brings the suggestion back
        change('/api/items/' + entry.dataset.id + '/edit', { title: value('title'), summary: value('text') }, entry.dataset.key);
      }
    } else if (form.classList.contains('entry-form')) {
      change('/api/draft/entries', {
        section: form.dataset.section, title: value('title'), text: value('text'),
        url: value('url'), date: value('date'), group: value('group'),
      }, '');
    } else if (form.classList.contains('group-form')) {
      change('/api/draft/groups', { section: form.dataset.section, name: form.dataset.name, title: value('title') }, '');
    }
  });

  // drag and drop within a group
  let dragged = null;
  main.addEventListener('dragstart', (event) => {
    dragged = entryOf(event.target);
    if (dragged) event.dataTransfer.effectAllowed = 'move';
  });
  main.addEventListener('dragover', (event) => {
    const over = entryOf(event.target);
    if (dragged && over && over !== dragged && over.closest('.draft-group') === dragged.closest('.draft-group')) {
      event.preventDefault();
    }
  });
  main.addEventListener('drop', (event) => {
    const over = entryOf(event.target);
    if (!dragged || !over || over === dragged) return;
    event.preventDefault();
    const keys = keysOf(sectionOf(dragged)).filter((k) => k !== dragged.dataset.key);
    keys.splice(keys.indexOf(over.dataset.key), 0, dragged.dataset.key);
    change('/api/draft/order', { keys }, dragged.dataset.key);
    dragged = null;
  });

  // ------------------------------------------------------------------ rich copy

  /** The draft's text without markup: headings and paragraphs on their own lines. */
  function plainText(doc) {
    const lines = [];
    doc.body.querySelectorAll('h1, h2, h3, h4, h5, p').forEach((el) => {
      if (/^H/.test(el.tagName)) lines.push('');
      lines.push(el.textContent.replace(/\s+/g, ' ').trim());
    });
    return lines.join('\n').trim() + '\n';
  }

  const rich = document.querySelector('button[data-copy-rich]');
  if (rich) {
    rich.addEventListener('click', async () => {
      const html = document.getElementById(rich.dataset.copyRich).value;
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const fragment = doc.body.innerHTML;
      const text = plainText(doc);
      try {
        await navigator.clipboard.write([new ClipboardItem({
          'text/html': new Blob([fragment], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' }),
        })]);
      } catch (e) {
        // no async clipboard (an older browser, or no permission): the copy event carries both forms
        const onCopy = (ev) => {
          ev.clipboardData.setData('text/html', fragment);
          ev.clipboardData.setData('text/plain', text);
          ev.preventDefault();
        };
        document.addEventListener('copy', onCopy, { once: true });
        document.execCommand('copy');
      }
      toast(body.dataset.msgCopiedRich || body.dataset.msgCopied);
    });
  }

  // after a change: the same entry focused, the page where it was
  const saved = sessionStorage.getItem('kildevakt-draft-focus');
  if (saved) {
    sessionStorage.removeItem('kildevakt-draft-focus');
    try {
      const { key, y } = JSON.parse(saved);
      window.scrollTo(0, y || 0);
      const el = key && main.querySelector('article.draft-entry[data-key="' + CSS.escape(key) + '"]');
      if (el) el.focus({ preventScroll: true });
    } catch (e) { /* nothing to restore */ }
  }
})();
