#include "dashboard/html_style.h"

namespace riskgate::dashboard {

std::string_view DashboardCss() {
  return R"css(:root {
  color-scheme: light dark;
  --bg: #f4f6f8; --card: #ffffff; --fg: #1c2128; --muted: #57606a; --border: #d0d7de;
  --grid: #d8dee4; --shadow: 0 1px 3px rgba(27, 31, 36, 0.12);
  --s1: #0b5cad; --s2: #b54708; --s3: #6f42c1; --s4: #1a7f37;
  --critical: #b42318; --high: #c4320a; --medium: #8f6a00; --low: #1a7f37; --info: #57606a;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --card: #161b22; --fg: #e6edf3; --muted: #9da7b3; --border: #30363d;
    --grid: #30363d; --shadow: none;
    --s1: #58a6ff; --s2: #ffa657; --s3: #d2a8ff; --s4: #56d364;
    --critical: #ff7b72; --high: #ffa657; --medium: #e3b341; --low: #56d364; --info: #9da7b3;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
header, main, footer { max-width: 1200px; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.75rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.35rem; margin: 0 0 0.75rem; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 0.5rem; }
p { margin: 0.4rem 0; }
.meta, .more, .empty, .note, footer { color: var(--muted); }
.empty { font-style: italic; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; padding: 0; margin: 0.75rem 0; }
a { color: var(--s1); }
section.card {
  background: var(--card); border: 1px solid var(--border); border-radius: 8px;
  box-shadow: var(--shadow); padding: 1rem 1.25rem; margin: 1rem 0;
}
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: 0.75rem; margin: 0; }
.tile { border: 1px solid var(--border); border-left-width: 6px; border-radius: 6px; padding: 0.5rem 0.75rem; }
.tile dt { font-size: 0.85rem; color: var(--muted); }
.tile dd { margin: 0; }
.tile .value { font-size: 1.6rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.tile .note { font-size: 0.8rem; }
.tile.sev-critical { border-left-color: var(--critical); }
.tile.sev-high { border-left-color: var(--high); }
.tile.sev-medium { border-left-color: var(--medium); }
.tile.sev-low { border-left-color: var(--low); }
.tile.sev-info { border-left-color: var(--info); }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(30rem, 1fr)); gap: 1rem; }
figure { margin: 0.5rem 0; }
figcaption { font-weight: 600; margin-bottom: 0.25rem; }
svg.chart { display: block; width: 100%; max-width: 760px; height: auto; color: var(--fg); overflow: visible; }
.chart text { fill: currentColor; font-size: 13px; }
.chart .axis { stroke: var(--muted); stroke-width: 1; }
.chart .grid { stroke: var(--grid); stroke-width: 1; }
.chart .line { fill: none; stroke-width: 2.5; stroke-linejoin: round; }
.chart .c1 { stroke: var(--s1); } .chart .c2 { stroke: var(--s2); }
.chart .c3 { stroke: var(--s3); } .chart .c4 { stroke: var(--s4); }
.chart .m1, .chart .b1 { fill: var(--s1); } .chart .m2, .chart .b2 { fill: var(--s2); }
.chart .m3, .chart .b3 { fill: var(--s3); } .chart .m4, .chart .b4 { fill: var(--s4); }
.chart .value { font-variant-numeric: tabular-nums; }
details.data { margin: 0.25rem 0 0.75rem; }
details.data summary { cursor: pointer; color: var(--s1); }
.table-wrap { overflow-x: auto; margin: 0.5rem 0; }
.table-wrap:focus { outline: 2px solid var(--s1); outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border-bottom: 1px solid var(--border); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--border); white-space: nowrap; }
tbody th { font-weight: 500; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85em; overflow-wrap: anywhere; }
.sev { white-space: nowrap; }
.sev::before { content: ""; display: inline-block; width: 0.65em; height: 0.65em; margin-right: 0.4em; background: var(--info); }
.sev-critical::before { background: var(--critical); transform: rotate(45deg); }
.sev-high::before { background: var(--high); clip-path: polygon(50% 0, 100% 100%, 0 100%); }
.sev-medium::before { background: var(--medium); }
.sev-low::before { background: var(--low); border-radius: 50%; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0.5rem 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; font-variant-numeric: tabular-nums; }
footer { padding-bottom: 2rem; font-size: 0.85rem; }
@media print {
  :root {
    --bg: #ffffff; --card: #ffffff; --fg: #000000; --muted: #333333; --border: #888888;
    --grid: #bbbbbb; --shadow: none;
    --s1: #000000; --s2: #555555; --s3: #333333; --s4: #777777;
    --critical: #000000; --high: #333333; --medium: #555555; --low: #777777; --info: #999999;
  }
  body { font-size: 11pt; background: #ffffff; color: #000000; }
  nav { display: none; }
  details.data::details-content { content-visibility: visible; display: block; }
  section.card { box-shadow: none; border: 1px solid #888888; break-inside: avoid; }
  figure, table, tr, .tile, dl.facts { break-inside: avoid; }
  h2, h3, caption { break-after: avoid; }
  .table-wrap { overflow: visible; }
  .chart .line { stroke-width: 2; }
  .chart .axis, .chart .grid { stroke-width: 0.75; }
  a { color: inherit; text-decoration: none; }
}
)css";
}

}  // namespace riskgate::dashboard
