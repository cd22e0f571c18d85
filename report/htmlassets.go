package report

import (
	"crypto/sha256"
	"encoding/base64"
	"sync"

	"github.com/sovlint/sovlint/internal/worldmap"
)

// The page's one style sheet and one script, inline. The Content Security
// Policy allows exactly these two by hash and nothing else: no request can
// leave the page, and no markup a scanned value might smuggle in can run.

var htmlCSS = `:root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa;--nc:#b42318;--nc-bg:#fef3f2;--wv:#9a4d00;--wv-bg:#fffaeb;--ok:#067647;--ok-bg:#ecfdf3;--link:#0b57d0}
*{box-sizing:border-box}
html{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
body{margin:0}
a{color:var(--link)}
a:focus-visible,summary:focus-visible,select:focus-visible,button:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em;overflow-wrap:break-word}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:2}
header.top{background:#0d2538;color:#fff;padding:1.2rem 2rem 1rem}
header.top h1{margin:0 0 .3rem;font-size:1.5rem}
header.top p{margin:.15rem 0;color:#c9d6e2}
header.top code{color:#fff}
nav.toc{position:sticky;top:0;z-index:1;background:#fff;border-bottom:1px solid var(--line);padding:.4rem 2rem;display:flex;flex-wrap:wrap;gap:.2rem 1.2rem}
nav.toc a{text-decoration:none;font-weight:600}
nav.toc a:hover{text-decoration:underline}
main{padding:0 2rem 2rem;max-width:1400px}
section{margin-top:1.6rem}
h2{font-size:1.25rem;border-bottom:2px solid var(--fg);padding-bottom:.2rem;margin:0 0 .8rem}
h3{font-size:1.05rem;margin:1.2rem 0 .5rem}
p.note{color:var(--muted);margin:.4rem 0}
.status{display:flex;align-items:center;gap:.7rem;padding:.8rem 1rem;border-radius:6px;border:1px solid;font-size:1.1rem;font-weight:600}
.status.nc{background:var(--nc-bg);border-color:var(--nc);color:var(--nc)}
.status.ok{background:var(--ok-bg);border-color:var(--ok);color:var(--ok)}
.status .wm-key-mk{width:1.4em;height:1.4em}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));gap:.6rem;margin:1rem 0;padding:0}
.figures div{border:1px solid var(--line);border-radius:6px;padding:.5rem .8rem;background:var(--soft)}
.figures dt{color:var(--muted);font-size:.85rem}
.figures dd{margin:0;font-size:1.35rem;font-weight:700}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:0 2rem;align-items:start}
table{border-collapse:collapse;width:100%;margin:.3rem 0 .8rem}
caption{text-align:left;font-weight:600;padding:.2rem 0}
th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:var(--soft);font-size:.85rem;border-bottom:2px solid var(--line)}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr[hidden],[hidden]{display:none!important}
.verdict{display:inline-flex;align-items:center;gap:.25rem;font-weight:600;white-space:nowrap}
.v-nc{color:var(--nc)}.v-waived{color:var(--wv)}.v-ok{color:var(--ok)}
.sev{display:inline-block;font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em;border:1px solid;border-radius:3px;padding:0 .3rem;margin-right:.3rem}
.sev-error{color:var(--nc);background:var(--nc-bg)}
.sev-warning{color:var(--wv);background:var(--wv-bg)}
.sev-notice{color:#175cd3;background:#eff8ff}
.maps{display:grid;grid-template-columns:minmax(0,5fr) minmax(0,7fr);gap:1rem;align-items:start}
.maps figure{margin:0 0 .6rem;border:1px solid var(--line);border-radius:6px;overflow:hidden}
.map-side{min-width:0}
.maps figcaption{padding:.3rem .6rem;font-weight:600;background:var(--soft);border-bottom:1px solid var(--line)}
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;margin:.6rem 0;padding:0;list-style:none;font-size:.9rem}
.legend li{display:flex;align-items:center;gap:.3rem}
.bar{display:block;height:.7rem;min-width:4rem}
details.root{border:1px solid var(--line);border-radius:6px;margin:.6rem 0;padding:0 .6rem}
details.root>summary{cursor:pointer;padding:.5rem 0;font-weight:600}
details.chunk>summary{cursor:pointer;color:var(--link);padding:.3rem 0}
table.res{table-layout:fixed}
table.res th:nth-child(1){width:30%}
table.res th:nth-child(2){width:19%}
table.res td{overflow-wrap:break-word}
ul.fl{margin:0;padding:0;list-style:none}
ul.fl li{margin:.15rem 0 .45rem}
.fix{color:var(--muted);font-size:.9rem;display:block}
.src a{text-decoration:none}
.sub{color:var(--muted);font-size:.85rem;display:block}
form.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem;margin:.5rem 0}
form.filters label{display:flex;flex-direction:column;font-size:.8rem;font-weight:600;color:var(--muted)}
form.filters select{font:inherit;max-width:22rem;padding:.15rem}
form.filters button{font:inherit;padding:.2rem .8rem}
#filter-status{font-weight:600;min-height:1.2em}
.rule{border:1px solid var(--line);border-radius:6px;padding:.5rem .8rem;margin:.5rem 0}
.rule h3{margin:.1rem 0 .3rem}
ol.sources{padding-left:2.5rem}
ol.sources li{margin:.25rem 0;overflow-wrap:anywhere}
footer{color:var(--muted);font-size:.85rem;border-top:1px solid var(--line);margin-top:2rem;padding:1rem 2rem}
@media (max-width:900px){.maps{grid-template-columns:1fr}main,header.top,nav.toc{padding-left:1rem;padding-right:1rem}}
@media print{
@page{size:A4;margin:14mm 12mm}
html{font-size:10pt}
nav.toc,form.filters,.skip{display:none}
header.top{background:none;color:#000;padding:0 0 .5rem;border-bottom:2px solid #000}
header.top p,header.top code{color:#000}
main{padding:0;max-width:none}
section{break-before:page}
section#summary{break-before:auto}
.maps{grid-template-columns:1fr}
.maps figure{break-inside:avoid}
tr,li,.rule{break-inside:avoid}
thead{display:table-header-group}
details::details-content{content-visibility:visible;display:contents}
details>summary{list-style:none}
a{color:inherit;text-decoration:none}
footer{padding:1rem 0}
}
` + worldmap.CSS

// htmlJS filters the findings, suppressed and unresolved tables by rule,
// provider, country and root module. Everything it filters is in the page
// already; without it the page is complete, only unfiltered.
const htmlJS = `(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) return;
  form.hidden = false;
  var rows = document.querySelectorAll("tr[data-rules]");
  var counted = document.querySelectorAll("#findings tr[data-rules]");
  var status = document.getElementById("filter-status");
  function has(list, v) { return (" " + list + " ").indexOf(" " + v + " ") >= 0; }
  function apply() {
    var rule = form.elements.rule.value, provider = form.elements.provider.value,
        country = form.elements.country.value, root = form.elements.root.value;
    var active = rule || provider || country || root;
    rows.forEach(function (r) {
      var d = r.dataset;
      r.hidden = !((!rule || has(d.rules, rule)) && (!provider || d.provider === provider) &&
        (!country || has(d.country, country)) && (!root || d.root === root));
    });
    document.querySelectorAll("details.chunk, details.root, .filterable").forEach(function (g) {
      var any = g.querySelector("tr[data-rules]:not([hidden])") !== null;
      g.hidden = !any && g.querySelector("tr[data-rules]") !== null;
      if (active && any && g.tagName === "DETAILS") g.open = true;
    });
    var shown = 0;
    counted.forEach(function (r) { if (!r.hidden) shown++; });
    status.textContent = active ? "Showing " + shown + " of " + counted.length + " resources with findings." : "";
  }
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  document.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest("[data-filter-country]") : null;
    if (!a) return;
    form.elements.country.value = a.getAttribute("data-filter-country");
    apply();
  });
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) { d.open = true; opened.push(d); });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();
`

// htmlCSP is the page's Content Security Policy, hashed when an HTML
// report is first written rather than by every command at start.
var htmlCSP = sync.OnceValue(func() string {
	return "default-src 'none'; style-src '" + cspHash(htmlCSS) + "'; script-src '" + cspHash(htmlJS) +
		"'; img-src data:; base-uri 'none'; form-action 'none'"
})

func cspHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}
