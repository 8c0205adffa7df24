/*
 * The conference countdown ticking, for components/home/Countdown.tsx, which renders the first
 * value and every label on the server. Reading pages carry no framework (lib/server/reading-html.ts):
 * this is all the JavaScript the home page runs. It also picks up a countdown that appears later
 * (a page rendered by the client router), and stops at zero.
 */
(function () {
  'use strict';
  var seen = new WeakMap();
  function pad(n) {
    return n < 10 ? '0' + n : String(n);
  }
  function tick() {
    var now = performance.now();
    var timers = document.querySelectorAll('[data-countdown]');
    for (var i = 0; i < timers.length; i++) {
      var el = timers[i];
      if (!seen.has(el)) {
        var labels = {};
        try {
          labels = JSON.parse(el.getAttribute('data-labels') || '{}');
        } catch {
          /* the server's labels stay */
        }
        seen.set(el, { start: now, remaining: Number(el.getAttribute('data-countdown')) || 0, labels: labels, rules: new Intl.PluralRules(el.getAttribute('data-locale') || undefined) });
      }
      var t = seen.get(el);
      var s = Math.max(0, Math.floor((t.remaining - (now - t.start)) / 1000));
      var values = {
        days: Math.floor(s / 86400),
        hours: Math.floor((s % 86400) / 3600),
        minutes: Math.floor((s % 3600) / 60),
        seconds: s % 60,
      };
      for (var unit in values) {
        var value = el.querySelector('[data-unit="' + unit + '"]');
        var label = el.querySelector('[data-unit-label="' + unit + '"]');
        if (value && value.textContent !== pad(values[unit])) value.textContent = pad(values[unit]);
        var forms = t.labels[unit];
        var text = forms && (forms[t.rules.select(values[unit])] || forms.other);
        if (label && text && label.textContent !== text) label.textContent = text;
      }
    }
  }
  function start() {
    tick();
    setInterval(tick, 1000);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
