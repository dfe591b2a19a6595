/**
 * The report stylesheet: a constant, so no student string can ever reach CSS. Print first (A4, page numbers
 * in the margin boxes, colours kept when printing); bands differ by border style and a text marker too,
 * so nothing depends on colour alone.
 */
export const REPORT_CSS = `
@page {
  size: A4;
  margin: 14mm 15mm 16mm;
  @bottom-left { content: "Inkprint evidence report \\2014  a statistical reading, not proof"; font: 7.5pt sans-serif; color: #555; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 7.5pt sans-serif; color: #555; }
}
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; color: #1d2430; background: #fff;
  font: 9.5pt/1.4 "Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", "Liberation Sans", sans-serif;
  overflow-wrap: anywhere; word-break: normal;
}
@media screen { body { max-width: 190mm; margin: 0 auto; padding: 8mm 6mm; } }
table.frame { width: 100%; border-collapse: collapse; }
table.frame > thead > tr > td {
  font-size: 7.5pt; color: #555; border-bottom: 0.5pt solid #9aa3af; padding: 0 0 1.5mm; text-align: left;
}
table.frame > tbody > tr > td { padding: 3mm 0 0; vertical-align: top; }
h1 { font-size: 15pt; margin: 0; line-height: 1.2; }
h2 {
  font-size: 11.5pt; margin: 4mm 0 1.5mm; padding-bottom: 0.8mm; border-bottom: 1pt solid #1d2430;
  break-after: avoid; page-break-after: avoid;
}
h3 { font-size: 10pt; margin: 2.5mm 0 1mm; break-after: avoid; }
p { margin: 0 0 1.5mm; }
.subtitle { color: #4b5563; font-size: 11pt; margin-bottom: 0.5mm; }
.key-facts { color: #4b5563; font-size: 8.5pt; margin-bottom: 2mm; }
.muted { color: #4b5563; }
.small { font-size: 8.5pt; }
.mono { font-family: "DejaVu Sans Mono", Consolas, Menlo, monospace; font-size: 8pt; }
dl.facts { display: grid; grid-template-columns: 38mm 1fr; gap: 0.6mm 4mm; margin: 0 0 2mm; }
dl.facts dt { color: #4b5563; }
dl.facts dd { margin: 0; }
.summary { border: 1pt solid #1d2430; border-left-width: 4pt; padding: 2.5mm 4mm 1mm; margin: 2mm 0 3mm; break-inside: avoid; }
.summary .verdict { font-size: 13pt; font-weight: 700; margin-bottom: 1mm; }
.summary .headline { font-size: 11.5pt; margin: 0.5mm 0; }
.summary .meaning { font-size: 9pt; }
.appendix { break-before: page; }
.appendix + .appendix { break-before: auto; margin-top: 5mm; }
.appendix { font-size: 8.5pt; line-height: 1.35; }
.appendix table.data { font-size: 7.5pt; margin-bottom: 2mm; }
.appendix table.data th, .appendix table.data td { padding: 0.6mm 1.2mm; }
.appendix dl.facts { grid-template-columns: 32mm 1fr; gap: 0.3mm 3mm; }
.appendix ul.plain li { margin-bottom: 0.5mm; }
.appendix-title { font-size: 13pt; }
.caveat { font-style: italic; }
.status-box { border: 1pt solid #7c2d12; border-left-width: 4pt; background: #fff7ed; padding: 3mm 4mm; margin: 4mm 0; }
table.data { width: 100%; border-collapse: collapse; font-size: 8.5pt; margin: 1mm 0 3mm; table-layout: fixed; }
col.w4 { width: 4%; } col.w6 { width: 6%; } col.w8 { width: 8%; } col.w9 { width: 9%; } col.w10 { width: 10%; }
col.w12 { width: 12%; } col.w14 { width: 14%; } col.w16 { width: 16%; } col.w18 { width: 18%; } col.w20 { width: 20%; }
col.w22 { width: 22%; } col.w24 { width: 24%; } col.w30 { width: 30%; } col.w40 { width: 40%; }
table.data th, table.data td { border: 0.5pt solid #b8c0cc; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
table.data th { background: #eef1f5; font-weight: 600; }
table.data tr { break-inside: avoid; }
table.data tbody.keep { break-inside: avoid; }
table.data tr.detail td { border-top: none; padding-top: 0; }
table.data tbody.keep > tr:first-child td { border-bottom: none; }
table.data td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.data th { overflow-wrap: break-word; hyphens: manual; font-size: 8pt; }
.legend { break-after: avoid; display: flex; flex-wrap: wrap; gap: 2mm 4mm; font-size: 8.5pt; margin: 1mm 0 2mm; }
.legend span { padding: 0.4mm 2mm; }
.passage { margin: 0 0 2mm; padding: 1.5mm 3mm; border-left: 3pt solid #9aa3af; background: #f4f5f7; }
.passage .tag { font-size: 8pt; font-weight: 700; letter-spacing: 0.02em; margin-bottom: 0.5mm; break-after: avoid; }
.passage .text { font-family: Georgia, "DejaVu Serif", "Liberation Serif", serif; font-size: 9.5pt; line-height: 1.45; white-space: pre-wrap; }
ul.why-list { list-style: none; margin: 0; padding: 0; font-size: 8.5pt; }
ul.why-list li { margin: 0 0 1.5mm; padding: 0.5mm 2mm; break-inside: avoid; }
ul.why-list .why-tag { font-weight: 700; margin-right: 1mm; }
.band-ai { border-left: 4pt solid #b42318; background: #fde4df; }
.band-ai.i1 { background: #fdf0ed; } .band-ai.i3, .band-ai.i4 { background: #f9cfc6; }
.band-uncertain { border-left: 3pt dashed #9a6700; background: #fbf2d5; }
.band-human { border-left: 3pt dotted #1f6f5c; background: #e3f2ee; }
.band-human.i3, .band-human.i4 { background: #d2ebe4; }
.band-neutral { border-left: 1.5pt solid #9aa3af; background: #f4f5f7; }
mark { background: transparent; color: inherit; padding: 0; }
mark.to-ai { text-decoration: underline solid #b42318 1.5pt; text-underline-offset: 2pt; }
mark.to-human { text-decoration: underline dotted #1f6f5c 1.5pt; text-underline-offset: 2pt; }
.explain { font-size: 8.5pt; margin-top: 1.5mm; break-inside: avoid; }
.explain ul { margin: 0.5mm 0 0; padding-left: 5mm; }
.hidden-char {
  font-family: "DejaVu Sans Mono", monospace; font-size: 7.5pt; color: #fff; background: #6b21a8;
  padding: 0 0.5mm; border-radius: 1pt; white-space: nowrap;
}
.hit { background: #ede3f7; outline: 0.5pt solid #6b21a8; }
section { break-inside: auto; }
section.limits { break-before: page; }
.cautions p:last-child { break-inside: avoid; }
ul.plain { margin: 0 0 2mm; padding-left: 5mm; }
ul.plain li { margin-bottom: 1mm; }
.flag { font-weight: 700; }
`
