// Moves the progress bar of a batch by polling its status; reloads the page (summary and download) when it ends.
// Without JavaScript the page refreshes itself instead (<noscript> meta refresh in the layout).
(function () {
  'use strict';
  var box = document.getElementById('batch-progress');
  if (!box) return;
  var url = box.getAttribute('data-status-url');
  var bar = document.getElementById('batch-progress-bar');
  var text = document.getElementById('batch-progress-text');
  var label = box.querySelector('label');

  function poll() {
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (res) {
        return res.ok ? res.json() : null;
      })
      .then(function (status) {
        if (!status || status.state === 'done' || status.state === 'failed') {
          window.location.reload();
          return;
        }
        var percent = status.rows ? Math.floor((status.processed / status.rows) * 100) : 0;
        bar.value = percent;
        text.textContent = percent + '%';
        if (label) label.textContent = label.textContent.replace(/\d+(\D+)\d+/, status.processed + '$1' + status.rows);
        setTimeout(poll, 1000);
      })
      .catch(function () {
        setTimeout(poll, 3000);
      });
  }
  setTimeout(poll, 1000);
})();
