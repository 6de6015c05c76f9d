/**
 * The report's behaviour, all offline: draw a ring's diagram when it scrolls into view (or
 * every diagram before printing), filter findings and rings by severity, rule, owner and text,
 * and group findings by ring or by severity. Browser code kept as text (see diagram.ts); it
 * reads input text only through textContent and the embedded JSON, never as markup.
 */
import { DIAGRAM_JS } from "./diagram.js";

const BEHAVIOUR_JS = `
(function () {
  var dataEl = document.getElementById("racfring-data");
  var data = JSON.parse(dataEl.textContent);
  window.racfringReport = { data: data, draw: drawOne, drawAll: drawAll };
  function drawOne(holder) {
    if (holder.getAttribute("data-drawn") === "1") return;
    drawRing(Number(holder.getAttribute("data-ring")), data, holder);
  }
  function drawAll() {
    Array.prototype.forEach.call(document.querySelectorAll(".diagram"), drawOne);
  }
  var holders = document.querySelectorAll(".diagram");
  if ("IntersectionObserver" in window) {
    var io = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (e.isIntersecting) { drawOne(e.target); io.unobserve(e.target); }
      });
    }, { rootMargin: "400px 0px" });
    Array.prototype.forEach.call(holders, function (h) { io.observe(h); });
  } else drawAll();
  // A printed report shows everything: every diagram, every collapsed list.
  window.addEventListener("beforeprint", function () {
    drawAll();
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) { d.open = true; });
  });
  // A link to a finding or ring opens and draws what it points at.
  window.addEventListener("hashchange", reveal);
  function reveal() {
    var t = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (!t) return;
    if (t.classList.contains("hidden")) { resetFilters(); }
    var d = t.querySelector(".diagram");
    if (d) drawOne(d);
  }

  // ---- filters (the audit report; a simulation page has none) ----
  var form = document.getElementById("filters");
  if (!form) { reveal(); return; }
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var rings = Array.prototype.slice.call(document.querySelectorAll(".ring"));
  var list = document.getElementById("finding-list");
  function val(name) { var e = form.elements.namedItem(name); return e ? e.value : ""; }
  function sevs() {
    var out = {};
    ["error", "warning", "info"].forEach(function (s) { var e = form.elements.namedItem("sev-" + s); out[s] = !e || e.checked; });
    return out;
  }
  function resetFilters() {
    form.reset();
    apply();
  }
  function apply() {
    var s = sevs(), rule = val("rule"), owner = val("owner"), q = val("q").trim().toLowerCase();
    var onlyFindings = form.elements.namedItem("only-findings").checked;
    var narrowed = !s.error || !s.warning || !s.info || rule !== "";
    var shown = 0, ringHits = {};
    findings.forEach(function (f) {
      var ok = s[f.getAttribute("data-sev")] &&
        (!rule || f.getAttribute("data-rule") === rule) &&
        (!owner || f.getAttribute("data-owner") === owner) &&
        (!q || f.textContent.toLowerCase().indexOf(q) >= 0);
      f.classList.toggle("hidden", !ok);
      if (ok) { shown++; var r = f.getAttribute("data-ring"); if (r) ringHits[r] = 1; }
    });
    var ringsShown = 0;
    rings.forEach(function (r) {
      var idx = r.getAttribute("data-ring");
      var has = r.getAttribute("data-findings") !== "0";
      var ok = (!owner || r.getAttribute("data-owner") === owner) && (!onlyFindings || has);
      if (ok && (narrowed || q)) ok = !!ringHits[idx] || (!narrowed && r.getAttribute("data-text").toLowerCase().indexOf(q) >= 0);
      r.classList.toggle("hidden", !ok);
      if (ok) ringsShown++;
    });
    Array.prototype.forEach.call(list.querySelectorAll(".group"), function (h) {
      var n = h.nextElementSibling, any = false;
      while (n && !n.classList.contains("group")) { if (!n.classList.contains("hidden")) any = true; n = n.nextElementSibling; }
      h.classList.toggle("hidden", !any);
    });
    document.getElementById("filter-count").textContent =
      shown + " of " + findings.length + " findings, " + ringsShown + " of " + rings.length + " rings shown";
    document.getElementById("no-findings").classList.toggle("hidden", shown > 0 || findings.length === 0);
  }
  var RANK = { error: 0, warning: 1, info: 2 };
  function group(by) {
    Array.prototype.forEach.call(list.querySelectorAll(".group"), function (h) { h.remove(); });
    var sorted = findings.slice().sort(function (a, b) {
      var ka = by === "severity" ? RANK[a.getAttribute("data-sev")] : Number(a.getAttribute("data-order"));
      var kb = by === "severity" ? RANK[b.getAttribute("data-sev")] : Number(b.getAttribute("data-order"));
      return ka - kb || Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
    });
    var last = null;
    sorted.forEach(function (f) {
      var key = by === "severity" ? f.getAttribute("data-sev") : f.getAttribute("data-group");
      if (key !== last) {
        var h = document.createElement("h3");
        h.className = "group";
        h.textContent = by === "severity" ? key.charAt(0).toUpperCase() + key.slice(1) + "s" : key;
        list.appendChild(h);
        last = key;
      }
      list.appendChild(f);
    });
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", function (e) {
    if (e.target.name === "group") { group(e.target.value); }
    apply();
  });
  form.addEventListener("reset", function () { setTimeout(function () { group("ring"); apply(); }, 0); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  document.documentElement.classList.add("js");
  apply();
  reveal();
})();
`;

/** The page's one script element body. */
export function reportScript(): string {
  return `${DIAGRAM_JS}\n${BEHAVIOUR_JS}`;
}
