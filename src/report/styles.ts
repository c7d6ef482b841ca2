/**
 * The report's stylesheet: readable on screen, A4 in print with a page break before each section,
 * charts and table rows kept whole. No quotes or ampersands, which would be escaped inside the
 * style element.
 */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #4a4a4a; --line: #c9c9c9; --accent: #234e8c; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 1rem 1.25rem 3rem; font: 11pt/1.45 system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 1.6rem; margin: 0.4rem 0; }
h2 { font-size: 1.3rem; margin: 0 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 1.05rem; margin: 1rem 0 0.4rem; }
a { color: var(--accent); }
.disclaimer { margin: 0; padding: 0.5rem 0.75rem; border: 1px solid #b58900; background: #fff8e1; font-weight: 600; }
.meta, .muted { color: var(--muted); }
.banner { padding: 0.5rem 0.75rem; background: #e8f0fb; border-left: 4px solid var(--accent); }
.report-section { margin-top: 2rem; }
.statement { margin: 0.35rem 0; }
.cite { display: block; font-size: 0.85em; color: var(--muted); }
.grade { font-weight: 600; }
.grade-article { color: #8a4b00; }
.grade-contested { color: #7a2e8a; }
.grade-supported { color: #1f6b3a; }
.grade-established { color: #1f4f8a; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.92em; }
th, td { border-bottom: 1px solid var(--line); padding: 0.3rem 0.4rem; text-align: left; vertical-align: top; }
th { background: #f1f3f6; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
figure.chart { margin: 0.75rem 0; }
figure.chart img { max-width: 100%; height: auto; display: block; }
.charts-grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0.5rem 1rem; }
.component { margin: 0.4rem 0 0.8rem; padding-left: 0.75rem; border-left: 3px solid var(--line); }
.alert { padding: 0.6rem 0.75rem; border: 2px solid #b00020; background: #fdecee; }
.crisis-event { margin: 0.75rem 0; padding: 0.6rem 0.75rem; border: 1px solid #b00020; }
.print-footer { display: none; }
@media (max-width: 40rem) { .charts-grid { grid-template-columns: 1fr; } }
@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
  body { max-width: none; padding: 0 0 12mm; font-size: 10pt; }
  .report-section { margin-top: 0; break-before: page; }
  .report-section.first, .report-section.summary { break-before: auto; margin-top: 1rem; }
  .summary-crisis { font-weight: bold; border-left: 4px solid #b00020; padding-left: 0.5rem; }
  figure.chart, tr, .statement, .component, .crisis-event { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .report-section > :last-child, .charts-grid > :last-child, .charts-grid figure.chart { margin-bottom: 0; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  .print-footer { display: block; position: fixed; bottom: 0; left: 0; right: 0; font-size: 8pt; color: var(--muted); border-top: 1px solid var(--line); padding-top: 2mm; background: #fff; }
}
`;
