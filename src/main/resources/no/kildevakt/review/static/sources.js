// kildevakt sources page: "Hent på nytt" crawls one source again and updates its row in place
// (health, last attempt, outcome and message, item count) from the page as the server now renders
// it, so the row says exactly what a reload would. Plain browser JavaScript, no dependencies.
// Crawled text (error messages) is only ever put into the page with textContent or as nodes the
// server rendered escaped, never as HTML strings.
'use strict';

(() => {
  const body = document.body;
  const main = document.querySelector('main.sources');
  if (!main) return;
  const { format } = window.kildevakt;

  /** The outcome in the page's language: the server gives the words, the API the code. */
  function outcomeWord(code) {
    return main.getAttribute('data-outcome-' + code) || code;
  }

  const post = (url) => window.kildevakt.post(url, {});

  /**
   * Replaces the row's cells (all but the one with the button and its message) and the summary line
   * with the server's current rendering, parsed inertly. The row stays where it is: the editor's
   * place on the page does not jump.
   */
  async function refresh(row) {
    const response = await fetch(location.pathname, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
    if (!response.ok) return;
    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
    const next = fresh.getElementById(row.id);
    if (next) {
      Array.from(row.cells).forEach((cell, i) => {
        if (cell.classList.contains('actions') || !next.cells[i]) return;
        cell.replaceChildren(...Array.from(next.cells[i].childNodes).map((n) => document.adoptNode(n)));
      });
      row.className = next.className;
      row.dataset.standing = next.dataset.standing;
    }
    const summary = document.getElementById('sources-summary');
    const freshSummary = fresh.getElementById('sources-summary');
    if (summary && freshSummary) summary.textContent = freshSummary.textContent;
  }

  document.querySelectorAll('button.recrawl').forEach((button) => {
    button.addEventListener('click', async () => {
      const row = button.closest('tr');
      const result = button.parentElement.querySelector('.recrawl-result');
      button.disabled = true;
      result.classList.remove('error');
      result.textContent = body.dataset.msgRecrawling;
      try {
        const r = await post('/api/sources/' + encodeURIComponent(button.dataset.source) + '/crawl');
        await refresh(row);
        result.textContent = format(body.dataset.msgRecrawlDone, outcomeWord(r.outcome), r.new_items);
        result.classList.toggle('error', r.status === 'failed');
      } catch (e) {
        result.textContent = e.message;
        result.classList.add('error');
      } finally {
        button.disabled = false;
      }
    });
  });
})();
