// kildevakt pages' shared pieces: the toast, the one way to POST to the API (with the page's write
// token, errors in the page's language), and {0}-style message formatting. Loaded before every page's
// own script, which takes them from window.kildevakt. Plain browser JavaScript, no dependencies.
'use strict';

window.kildevakt = (() => {
  const body = document.body;
  const token = (document.querySelector('meta[name="kildevakt-token"]') || {}).content || '';
  const toastEl = document.getElementById('toast');
  let toastTimer = null;

  function toast(message, isError) {
    if (!toastEl) return;
    toastEl.textContent = message;
    toastEl.classList.toggle('error', !!isError);
    toastEl.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { toastEl.hidden = true; }, isError ? 6000 : 1800);
  }

  /** POSTs JSON with the page's token; throws an Error whose message an editor can read. */
  async function post(url, data) {
    let response;
    try {
      response = await fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-Kildevakt-Token': token },
        body: JSON.stringify(data || {}),
      });
    } catch (e) {
      throw new Error(body.dataset.msgOffline); // the server is gone, not the item
    }
    let json = null;
    try { json = await response.json(); } catch (e) { /* not JSON: the status says enough */ }
    if (!response.ok) {
      // the failures an editor can act on, in the page's language; the server's own words otherwise
      const known = { 403: body.dataset.msgForbidden, 409: body.dataset.msgLocked };
      throw new Error(known[response.status] || (json && json.error ? json.error : response.status + ' ' + response.statusText));
    }
    return json;
  }

  function format(template, ...args) {
    return template.replace(/\{(\d+)\}/g, (m, i) => String(args[Number(i)]));
  }

  return Object.freeze({ toast, post, format });
})();
