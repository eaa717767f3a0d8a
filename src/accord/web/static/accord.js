// Accord's dashboard script: charts, fact <-> evidence linking, and search as you type.
// Served from the package under a strict Content-Security-Policy: no inline code anywhere.
"use strict";

function drawCharts() {
  if (typeof window.Plotly === "undefined") return;
  document.querySelectorAll(".chart[data-chart]").forEach(function (el) {
    var spec = JSON.parse(el.getAttribute("data-chart"));
    window.Plotly.newPlot(el, spec.data, spec.layout, { displaylogo: false, responsive: true });
    el.on("plotly_click", function (event) {
      var point = event.points && event.points[0];
      if (point && typeof point.customdata === "string" && point.customdata.charAt(0) === "/") {
        window.location.href = point.customdata;
      }
    });
  });
}

// The fact a URL fragment names: "#ev-commitment-2" -> "commitment-2".
function factFromHash() {
  var hash = window.location.hash;
  return hash.indexOf("#ev-") === 0 ? hash.slice(4) : null;
}

function showFact(fact, scroll) {
  document.querySelectorAll(".current").forEach(function (el) { el.classList.remove("current"); });
  if (!fact) return;
  var first = null;
  document.querySelectorAll(".doc-text .f").forEach(function (el) {
    if ((el.getAttribute("data-facts") || "").split(" ").indexOf(fact) >= 0) {
      el.classList.add("current");
      if (!first) first = el;
    }
  });
  document.querySelectorAll('.record [data-fact="' + fact + '"]').forEach(function (el) {
    el.classList.add("current");
  });
  if (scroll && first) first.scrollIntoView({ block: "center" });
}

function linkFacts() {
  var text = document.getElementById("doc-text");
  if (!text) return;
  showFact(factFromHash(), true);
  window.addEventListener("hashchange", function () { showFact(factFromHash(), true); });
  // Clicking highlighted words shows the record entries read from them.
  text.addEventListener("click", function (event) {
    var span = event.target.closest(".f");
    if (!span) return;
    var facts = (span.getAttribute("data-facts") || "").split(" ");
    // Prefer the sentence-level fact (a meeting or commitment) over a name inside it.
    var fact = facts.filter(function (f) { return /^(meeting|commitment)-/.test(f); })[0] || facts[0];
    history.replaceState(null, "", "#ev-" + fact);
    showFact(fact, false);
    var entry = document.querySelector('.record [data-fact="' + fact + '"]');
    if (entry) entry.scrollIntoView({ block: "nearest" });
  });
}

function searchAsYouType() {
  var input = document.getElementById("search-input");
  var results = document.getElementById("results");
  if (!input || !results) return;
  var timer = null;
  var latest = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var ticket = ++latest;
      var query = encodeURIComponent(input.value);
      fetch("/search?fragment=1&q=" + query, { headers: { Accept: "text/html" } })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          // The server escapes every value in the fragment; stale answers are dropped.
          if (html !== null && ticket === latest) {
            results.innerHTML = html;
            history.replaceState(null, "", "/search?q=" + query);
          }
        });
    }, 250);
  });
}

document.addEventListener("DOMContentLoaded", function () {
  drawCharts();
  linkFacts();
  searchAsYouType();
});
