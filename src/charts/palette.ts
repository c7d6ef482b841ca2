/**
 * Colours shared by every chart renderer (the SVG in the CLI and reports, uPlot in the browser), so
 * one series has one colour everywhere. Plain data: no imports, safe for the browser bundle.
 */

/** Observable Plot's default categorical scheme ("observable10"), repeated beyond ten series. */
export const seriesPalette = [
  "#4269d0",
  "#efb118",
  "#ff725c",
  "#6cc5b0",
  "#3ca951",
  "#ff8ab7",
  "#a463f2",
  "#97bbf5",
  "#9c6b4e",
  "#9498a0",
];

/** The colour of the `index`-th series. */
export function seriesColor(index: number): string {
  return seriesPalette[index % seriesPalette.length] ?? "#4269d0";
}

/** Opacity of interval bands behind lines, and of `band` series. */
export const intervalOpacity = { behindLine: 0.18, band: 0.3 };
