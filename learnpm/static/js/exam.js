// Enhancements for quiz and exam pages; everything works without this file.
// - a live countdown, which submits the current answer when time runs out
// - keyboard shortcuts: 1-8 choose an option, F flags, arrow keys move between questions
//   (outside a group of radio buttons), with a switch to turn them off
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

  // Single-key shortcuts can be switched off (WCAG 2.1.4), e.g. by people using speech input;
  // the choice is remembered in this browser.
  var keysOn = true;
  try { keysOn = window.localStorage.getItem("learnpm-keys") !== "off"; } catch (e) { /* private mode */ }
  var hint = document.getElementById("keys");
  var toggle = document.getElementById("keys-on");
  if (hint) { hint.hidden = false; }
  if (toggle) {
    toggle.checked = keysOn;
    toggle.addEventListener("change", function () {
      keysOn = toggle.checked;
      try { window.localStorage.setItem("learnpm-keys", keysOn ? "on" : "off"); } catch (e) { /* ignore */ }
    });
  }

  if (form) {
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      if (!keysOn || event.ctrlKey || event.metaKey || event.altKey) { return; }
      if (target && (target.tagName === "SELECT" || target.tagName === "TEXTAREA" ||
                     (target.tagName === "INPUT" && /^(text|search|email|number|password)$/.test(target.type)))) { return; }
      var inOptions = target && target.name === "answer";
      var key = event.key;
      if (/^[1-8]$/.test(key)) {
        var choice = form.querySelector('input[data-shortcut="' + key + '"]');
        if (choice) {
          choice.click();
          if (inOptions) { choice.focus(); }  // keep focus with the choice it was on
          event.preventDefault();
        }
      } else if (key === "f" || key === "F") {
        var flag = document.getElementById("flag");
        if (flag) { flag.click(); event.preventDefault(); }
      } else if ((key === "ArrowRight" || key === "ArrowLeft") && target.type !== "radio") {
        // In a group of radio buttons the arrows move between the options, as everywhere.
        var button = document.getElementById(key === "ArrowRight" ? "next" : "prev");
        if (button) { button.click(); event.preventDefault(); }
      }
    });
  }
})();
