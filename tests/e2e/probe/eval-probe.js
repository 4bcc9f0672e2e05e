/* global document */
// Served by the e2e server from the app's own origin, so the page's CSP applies to it like to the app's code.
try {
  eval('1 + 1');
  document.body.dataset.evalProbe = 'allowed';
} catch (e) {
  document.body.dataset.evalProbe = e && e.name ? e.name : 'blocked';
}
