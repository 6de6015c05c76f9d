/**
 * The ring diagram, drawn in the reader's browser from the embedded data (data.ts), so that a
 * report with thousands of rings carries a few hundred bytes per ring instead of a finished SVG
 * each, and draws only the rings scrolled into view (script.ts). Left to right: the applications
 * that open the ring (user, deciding access, predicted rc) → the ring and its owner → each
 * connected certificate (usage, DEFAULT, private key returned or not, validity) → its issuer
 * chain up to the root, a missing issuer drawn as a dashed red box. Findings are badges on the
 * element they are about, each a link to the finding.
 *
 * Browser code, kept as text: it only builds nodes with createElementNS and sets textContent,
 * never markup, so no input text is ever parsed as HTML or SVG.
 */
export const DIAGRAM_JS = String.raw`
var SVGNS = "http://www.w3.org/2000/svg";
var DAY = 86400000;
function el(name, attrs, parent) {
  var e = document.createElementNS(SVGNS, name);
  for (var k in attrs) if (attrs[k] !== null && attrs[k] !== undefined) e.setAttribute(k, String(attrs[k]));
  if (parent) parent.appendChild(e);
  return e;
}
function txt(parent, x, y, text, cls, max) {
  var s = String(text);
  var t = el("text", { x: x, y: y, "class": cls }, parent);
  if (max && s.length > max) {
    t.textContent = s.slice(0, max - 1) + "\u2026";
    el("title", {}, t).textContent = s;
  } else t.textContent = s;
  return t;
}
function day(iso) { return iso ? iso.slice(0, 10) : "?"; }
function validity(c, at) {
  if (!c.na) return { cls: "v-unknown", text: "validity unknown" };
  var left = (Date.parse(c.na) - at) / DAY;
  if (c.nb && Date.parse(c.nb) > at) return { cls: "v-bad", text: "not valid before " + day(c.nb) };
  if (left < 0) return { cls: "v-bad", text: "expired " + day(c.na) };
  if (left <= 30) return { cls: "v-soon", text: "expires " + day(c.na) + " (" + Math.floor(left) + " d)" };
  if (left <= 90) return { cls: "v-near", text: "expires " + day(c.na) + " (" + Math.floor(left) + " d)" };
  return { cls: "v-ok", text: "valid until " + day(c.na) };
}
/** Validity bar: one year back to two years ahead of the audit time, "now" marked. */
function bar(g, x, y, w, c, at) {
  var from = at - 365 * DAY, to = at + 730 * DAY;
  var pos = function (t) { return x + Math.max(0, Math.min(1, (t - from) / (to - from))) * w; };
  el("rect", { x: x, y: y, width: w, height: 6, rx: 3, "class": "bar-track" }, g);
  var v = validity(c, at);
  if (c.na) {
    var a = c.nb ? pos(Date.parse(c.nb)) : x, b = pos(Date.parse(c.na));
    if (b - a < 2) b = a + 2;
    el("rect", { x: a, y: y, width: b - a, height: 6, rx: 3, "class": "bar " + v.cls }, g);
  }
  el("line", { x1: pos(at), x2: pos(at), y1: y - 3, y2: y + 9, "class": "bar-now" }, g);
  return v;
}
function keyText(k, user) {
  if (k === "r") return ["key returned to " + user, "ok"];
  if (k === "w") return ["key withheld from " + user, "bad"];
  if (k === "n") return ["no private key in RACF", "bad"];
  if (k === "?") return ["private key unknown", "unk"];
  return null;
}
var SEV_RANK = { error: 3, warning: 2, info: 1 };
function findingSeverity(i) {
  var f = document.getElementById("f-" + i);
  return f ? f.getAttribute("data-sev") : "info";
}
function worstOf(list) {
  var worst = "";
  list.forEach(function (fi) {
    var sev = findingSeverity(fi);
    if (!worst || SEV_RANK[sev] > SEV_RANK[worst]) worst = sev;
  });
  return worst;
}
function badges(g, x, y, list) {
  list.forEach(function (fi, k) {
    var sev = findingSeverity(fi);
    var a = el("a", { href: "#f-" + fi, "class": "badge-link" }, g);
    el("title", {}, a).textContent = "Finding " + (fi + 1) + " (" + sev + ")";
    el("circle", { cx: x - k * 20, cy: y, r: 9, "class": "badge sev-" + sev }, a);
    txt(a, x - k * 20, y + 4, "!", "badge-text");
  });
}
function drawRing(ringIndex, data, holder) {
  var ring = data.rings[ringIndex];
  var at = Date.parse(data.at);
  var marks = { r: [], a: {}, c: {} };
  ring.f.forEach(function (p) {
    var t = p[1];
    if (t === "r") marks.r.push(p[0]);
    else if (t.charAt(0) === "a") (marks.a[t.slice(1)] = marks.a[t.slice(1)] || []).push(p[0]);
    else (marks.c[t.slice(1)] = marks.c[t.slice(1)] || []).push(p[0]);
  });
  var APPW = 250, RINGW = 210, CERTW = 270, CAW = 220, GAP = 46, ROW = 88, BOXH = 74, PAD = 14;
  var chains = ring.x.map(function (x) {
    var out = [], seen = {}, c = data.certs[x[0]];
    while (c && c.p >= 0 && !seen[c.p] && out.length < 8) { seen[c.p] = 1; out.push(c.p); c = data.certs[c.p]; }
    return { ids: out, missing: c && !c.r && c.mi ? c.mi : null, unknown: c && c.u === 1 && !c.r };
  });
  var depth = 0;
  chains.forEach(function (ch) { depth = Math.max(depth, ch.ids.length + (ch.missing || ch.unknown ? 1 : 0)); });
  var rows = Math.max(ring.x.length, ring.a.length, 1);
  var hasApps = ring.a.length > 0;
  var x0 = PAD, xRing = hasApps ? x0 + APPW + GAP : x0, xCert = xRing + RINGW + GAP, xCa = xCert + CERTW + GAP;
  var width = (depth ? xCa + depth * (CAW + GAP) - GAP : xCert + CERTW) + PAD;
  var height = rows * ROW + PAD * 2 + 18;
  var svg = el("svg", { viewBox: "0 0 " + width + " " + height, width: width, height: height, role: "img", "class": "ring-svg" });
  el("title", {}, svg).textContent = "Key ring " + ring.o + "/" + ring.n;
  var edges = el("g", { "class": "edges" }, svg);
  var g = el("g", {}, svg);
  var top = PAD + 18;
  // column headings
  if (hasApps) txt(g, x0, PAD + 4, "Applications", "col");
  txt(g, xRing, PAD + 4, "Key ring", "col");
  txt(g, xCert, PAD + 4, "Connected certificates", "col");
  if (depth) txt(g, xCa, PAD + 4, "Issuer chain", "col");
  var ringY = top + ((rows - 1) * ROW) / 2;
  // ring
  var rg = el("g", { "class": "node ring-node", "data-node": "r" }, g);
  var worst = worstOf(marks.r);
  el("rect", { x: xRing, y: ringY, width: RINGW, height: BOXH, rx: 8, "class": "box ring-box" + (worst ? " defect sev-" + worst : "") }, rg);
  txt(rg, xRing + 12, ringY + 22, ring.n, "title", 24 - 3 * marks.r.length);
  txt(rg, xRing + 12, ringY + 40, "owner " + ring.o, "sub", 28);
  txt(rg, xRing + 12, ringY + 58, ring.x.length + " certificate" + (ring.x.length === 1 ? "" : "s"), "sub", 28);
  badges(rg, xRing + RINGW - 14, ringY + 14, marks.r);
  // applications
  ring.a.forEach(function (a, i) {
    var y = top + i * ROW;
    var ag = el("g", { "class": "node app-node", "data-node": "a" + i }, g);
    var w = worstOf(marks.a[i] || []);
    var okCls = a.ok === 1 ? "ok" : a.ok === 0 ? "bad" : "unk";
    el("rect", { x: x0, y: y, width: APPW, height: BOXH, rx: 6, "class": "box app-box" + (w ? " defect sev-" + w : "") }, ag);
    txt(ag, x0 + 10, y + 18, a.n, "title", 30 - 3 * (marks.a[i] || []).length);
    txt(ag, x0 + 10, y + 35, "user " + a.u + "   rc " + (a.rc === null ? "?" : a.rc), a.rc === 0 ? "sub" : "sub rc-bad", 34);
    txt(ag, x0 + 10, y + 52, a.res, "mono", 34);
    txt(ag, x0 + 10, y + 67, (a.have || "no profile") + " (needs " + a.need + ")" + (a.ok === 1 ? " \u2713" : a.ok === 0 ? " \u2717 denied" : " ?"), "sub " + okCls, 36);
    badges(ag, x0 + APPW - 14, y + 14, marks.a[i] || []);
    el("path", { d: "M" + (x0 + APPW) + "," + (y + BOXH / 2) + " C" + (x0 + APPW + GAP / 2) + "," + (y + BOXH / 2) + " " + (xRing - GAP / 2) + "," + (ringY + BOXH / 2) + " " + xRing + "," + (ringY + BOXH / 2), "class": "edge " + okCls }, edges);
  });
  // certificates and chains
  ring.x.forEach(function (x, i) {
    var c = data.certs[x[0]];
    var y = top + i * ROW;
    var cg = el("g", { "class": "node cert-node", "data-node": "c" + x[0], "data-label": c.l }, g);
    var w = worstOf(marks.c[x[0]] || []);
    var keyLines = ring.a.map(function (a) { return keyText(a.keys[i], a.u); }).filter(Boolean);
    var keyBad = keyLines.some(function (k) { return k[1] === "bad"; });
    el("rect", { x: xCert, y: y, width: CERTW, height: BOXH, rx: 6, "class": "box cert-box" + (c.s === "NOTRUST" ? " notrust" : "") + (w ? " defect sev-" + w : keyBad ? " defect sev-error" : "") }, cg);
    txt(cg, xCert + 10, y + 18, c.l, "title", (x[2] ? 20 : 30) - 3 * (marks.c[x[0]] || []).length);
    if (x[2]) { el("rect", { x: xCert + CERTW - 84 - (marks.c[x[0]] ? 20 * marks.c[x[0]].length : 0), y: y + 6, width: 60, height: 16, rx: 8, "class": "pill" }, cg); txt(cg, xCert + CERTW - 54 - (marks.c[x[0]] ? 20 * marks.c[x[0]].length : 0), y + 18, "DEFAULT", "pill-text"); }
    txt(cg, xCert + 10, y + 34, c.o + " \u00b7 " + x[1] + " \u00b7 " + c.s + (c.kt ? " \u00b7 " + c.kt : ""), "sub", 40);
    var k = keyLines.length ? keyLines[0] : x[1] === "PERSONAL" ? (c.k === 1 ? ["private key in RACF", "ok"] : c.k === 0 ? ["no private key in RACF", "bad"] : ["private key unknown", "unk"]) : [x[1] === "CERTAUTH" ? "trusted CA (no key needed)" : "trusted site certificate (no key)", "unk"];
    txt(cg, xCert + 10, y + 50, k[0] + (keyLines.length > 1 ? " (+" + (keyLines.length - 1) + ")" : ""), "sub " + k[1], 40);
    var v = bar(cg, xCert + 10, y + 58, 120, c, at);
    txt(cg, xCert + 138, y + 65, v.text, "small " + v.cls, 24);
    badges(cg, xCert + CERTW - 14, y + 14, marks.c[x[0]] || []);
    el("path", { d: "M" + (xRing + RINGW) + "," + (ringY + BOXH / 2) + " C" + (xRing + RINGW + GAP / 2) + "," + (ringY + BOXH / 2) + " " + (xCert - GAP / 2) + "," + (y + BOXH / 2) + " " + xCert + "," + (y + BOXH / 2), "class": "edge" + (x[2] ? " default" : "") }, edges);
    var px = xCert + CERTW, cx = xCa;
    var ch = chains[i];
    ch.ids.forEach(function (ci) {
      var ca = data.certs[ci];
      var hg = el("g", { "class": "node ca-node", "data-node": "c" + ci, "data-label": ca.l }, g);
      var hw = worstOf(marks.c[ci] || []);
      el("rect", { x: cx, y: y + 4, width: CAW, height: BOXH - 8, rx: 6, "class": "box ca-box" + (ca.s === "NOTRUST" ? " notrust" : "") + (hw ? " defect sev-" + hw : "") }, hg);
      txt(hg, cx + 10, y + 21, ca.l, "title", 24 - 3 * (marks.c[ci] || []).length);
      txt(hg, cx + 10, y + 37, ca.o + (ca.r ? " \u00b7 root" : "") + (ca.s === "NOTRUST" ? " \u00b7 NOTRUST" : ""), "sub", 30);
      var cv = bar(hg, cx + 10, y + 48, 90, ca, at);
      txt(hg, cx + 106, y + 55, cv.cls === "v-ok" ? "until " + day(ca.na) : cv.text, "small " + cv.cls, 20);
    badges(hg, cx + CAW - 14, y + 18, marks.c[ci] || []);
      el("path", { d: "M" + px + "," + (y + BOXH / 2) + " L" + cx + "," + (y + BOXH / 2), "class": "edge issuer" }, edges);
      px = cx + CAW; cx += CAW + GAP;
    });
    if (ch.missing || ch.unknown) {
      var mg = el("g", { "class": "node missing-node" }, g);
      el("rect", { x: cx, y: y + 4, width: CAW, height: BOXH - 8, rx: 6, "class": ch.missing ? "box missing" : "box unknown" }, mg);
      txt(mg, cx + 10, y + 22, ch.missing ? "Issuer missing" : "Chain unknown", "title " + (ch.missing ? "bad" : "unk"));
      txt(mg, cx + 10, y + 40, ch.missing ? ch.missing : "subject or issuer DN not in the inputs", "sub", 30);
      if (ch.missing) txt(mg, cx + 10, y + 56, "not in the inputs", "small");
      el("path", { d: "M" + px + "," + (y + BOXH / 2) + " L" + cx + "," + (y + BOXH / 2), "class": "edge " + (ch.missing ? "broken" : "issuer") }, edges);
    }
  });
  holder.textContent = "";
  holder.appendChild(svg);
  holder.setAttribute("data-drawn", "1");
}
`;
