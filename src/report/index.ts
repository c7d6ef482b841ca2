/**
 * The report for coaches and clinicians: the map with intervals and the why, the plan and its
 * forecast, questionnaire scores over time with bands, progress with charts, crisis events with the
 * resources shown, and the source and grade of every statement. Preact components rendered to HTML
 * (print CSS for A4; the PDF is printed from the same HTML at the edge). Pure: the data and the
 * instant come in.
 */
export {
  anticipationGapChart,
  drawable,
  motivationGapChart,
  printableMapChart,
  scoreChart,
  trajectoryChart,
} from "./charts.ts";
export { GRADE_LABELS, ReportDocument, renderNothingHtml, renderReportHtml } from "./document.tsx";
export {
  allStatements,
  bandStatement,
  FRAMEWORK_SOURCE,
  frameworkStatement,
  phaseStatement,
  sectionStatements,
} from "./statements.ts";
export * from "./types.ts";
