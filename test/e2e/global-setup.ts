/**
 * Vitest global setup: builds the web app once for the whole run when the run includes browser
 * tests (a whole-suite run, or a filter naming e2e), and tells the test files so (`inject`).
 */
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** True when this run's global setup built `dist/web`. */
    dopamapWebBuilt: boolean;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const filters = process.argv.slice(2).filter((a) => !a.startsWith("-") && a !== "run" && a !== "watch");
  const wantsE2e = filters.length === 0 || filters.some((f) => f.includes("e2e"));
  let built = false;
  if (wantsE2e) {
    const { buildWebOnce, HAVE_CHROMIUM } = await import("./harness.ts");
    if (HAVE_CHROMIUM) {
      await buildWebOnce();
      built = true;
    }
  }
  project.provide("dopamapWebBuilt", built);
}
