/** Charts in the browser: one ChartSpec (shared with the CLI's SVG) drawn with uPlot. */
export { Chart, plotHeight } from "./chart.tsx";
export { axisTitle, toUplot, type UplotConfig, xRange, yRange } from "./uplot-options.ts";
