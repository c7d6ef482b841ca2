/**
 * Chart specifications shared by the CLI, reports and the web app; builders for the
 * simulator's standard charts; an SVG renderer (Observable Plot in a linkedom document).
 * Pure: no file, network, clock or randomness.
 */
export {
  buildAnticipationGapChart,
  buildAnticipatoryGainChart,
  buildDayStripChart,
  buildMotivationGapChart,
  buildParameterTrajectoryChart,
  buildStartRateChart,
  buildTrialDeltaChart,
  buildWantingLikingChart,
  type ChartTextOptions,
  type DayStripActivity,
  type DayStripInput,
  type ParameterTrajectoryOptions,
  type TrialDeltaChartOptions,
  type TrialTrace,
  timelineReferences,
  type WantingLikingChartOptions,
  type WeekAnticipationGap,
  type WeekGap,
  type WeeklyChartOptions,
  type WeeklySeries,
} from "./builders.ts";
export { seriesColor, seriesPalette } from "./plot-marks.ts";
export {
  type RenderSvgDocumentOptions,
  type RenderSvgOptions,
  renderSvg,
  renderSvgDocument,
} from "./render-svg.ts";
export {
  type AxisSpec,
  axisSpecSchema,
  type ChartSpec,
  type ChartSpecIssue,
  type ChartSpecResult,
  chartSpecSchema,
  formatChartSpecIssues,
  parseChartSpec,
  type ReferenceLineSpec,
  type ReferenceRegionSpec,
  type ReferenceSpec,
  referenceSpecSchema,
  type SeriesKind,
  type SeriesSpec,
  seriesSpecSchema,
  type XAxisSpec,
  xAxisSpecSchema,
} from "./spec.ts";
