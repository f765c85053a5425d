// Enhancements for quiz and exam pages; everything works without this file.
// - a live countdown, which submits the current answer when time runs out
// - keyboard shortcuts: 1-8 choose an option, F flags, arrow keys move between questions
(function () {
  "use strict";
  var timer = document.getElementById("timer");
  var form = document.getElementById("answer-form");

  function format(seconds) {
    var h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return (h ? h + ":" + pad(m) : m) + ":" + pad(s);
  }

  function submitWith(go) {
    if (form) {
      var hidden = document.createElement("input");
      hidden.type = "hidden"; hidden.name = "go"; hidden.value = go;
      form.appendChild(hidden);
      form.submit();
    } else {
      window.location.reload();  // the server scores an expired attempt
    }
  }

  if (timer) {
    var left = parseInt(timer.getAttribute("data-seconds-left"), 10);
    var ends = Date.now() + left * 1000;
    var value = document.getElementById("timer-value");
    var done = false;
    var tick = function () {
      var remaining = Math.max(0, Math.round((ends - Date.now()) / 1000));
      value.textContent = format(remaining);
      if (remaining <= 300) { timer.classList.add("warning"); }
      if (remaining === 0 && !done) {
        done = true;
        timer.setAttribute("aria-live", "assertive");
        value.textContent = "time is up";
        submitWith("review");
        return;
      }
      if (!done) { window.setTimeout(tick, 1000); }
    };
    tick();
  }

  if (form) {
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      if (event.ctrlKey || event.metaKey || event.altKey) { return; }
      if (target && (target.tagName === "SELECT" || target.tagName === "TEXTAREA")) { return; }
      var key = event.key;
      if (/^[1-8]$/.test(key)) {
        var choice = form.querySelector('input[data-shortcut="' + key + '"]');
        if (choice) { choice.click(); choice.focus(); event.preventDefault(); }
      } else if (key === "f" || key === "F") {
        var flag = document.getElementById("flag");
        if (flag) { flag.click(); event.preventDefault(); }
      } else if (key === "ArrowRight" || key === "ArrowLeft") {
        var button = document.getElementById(key === "ArrowRight" ? "next" : "prev");
        if (button) { button.click(); event.preventDefault(); }
      }
    });
  }
})();
