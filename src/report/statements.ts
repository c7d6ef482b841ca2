import type { PlanComponent } from "../plan/index.ts";
import { FRAMEWORK } from "../profile/index.ts";
import type { TimelinePhase } from "../track/index.ts";
import type { GradedStatement, ReportData, ScoreSeries, SectionId } from "./types.ts";

/** Where the framework table (pattern → disruption → target) comes from. */
export const FRAMEWORK_SOURCE = "Seed article (the framework table); DESIGN.md";

const TIMELINE_SOURCE = "Seed article; Lally et al. 2010, Eur J Soc Psychol 40:998";

/** The statement a plan component's rationale makes. */
export function componentStatement(c: PlanComponent): GradedStatement {
  return c.rationale;
}

/** The framework's row for the primary pattern as a statement: the article's claim. */
export function frameworkStatement(pattern: keyof typeof FRAMEWORK): GradedStatement {
  const row = FRAMEWORK[pattern];
  return {
    text: `The framework reads the ${row.pattern} pattern as: ${row.disruption}; it shows as: ${row.shows}; the intervention targets ${row.target}.`,
    source: FRAMEWORK_SOURCE,
    grade: "article",
  };
}

/** A timeline phase (the framework's expectation) as a statement. */
export function phaseStatement(ph: TimelinePhase): GradedStatement {
  return {
    text: `Weeks ${ph.fromWeek}–${ph.toWeek}: ${ph.label}. ${ph.note}`,
    source: TIMELINE_SOURCE,
    grade: ph.grade,
  };
}

/** An instrument's bands as a statement with their source; null when it has none. */
export function bandStatement(s: ScoreSeries): GradedStatement | null {
  if (s.bandSource === null) return null;
  return {
    text: `${s.title} bands: ${s.bands.map((b) => `${b.min}–${b.max} ${b.label}`).join(", ")}${s.bandsInformal ? " (informal bands, not from the instrument's authors)" : ""}.`,
    source: s.bandSource,
    grade: s.bandsInformal ? "contested" : "established",
  };
}

/** Every graded statement a section shows, in the order shown. */
export function sectionStatements(data: ReportData, section: SectionId): GradedStatement[] {
  if (section === "map" && data.map.ok) {
    const m = data.map.value.map;
    return [...(m.primary ? [frameworkStatement(m.primary.pattern)] : []), ...m.statements];
  }
  if (section === "plan" && data.plan.ok) {
    const p = data.plan.value.plan;
    return [...p.general, ...p.activities.flatMap((a) => a.components)].map(componentStatement);
  }
  if (section === "progress" && data.progress.ok)
    return data.progress.value.timeline.phases.map(phaseStatement);
  if (section === "scores")
    return data.scores.map(bandStatement).filter((s): s is GradedStatement => s !== null);
  return [];
}

/** The distinct statements of the given sections (same text and source once). */
export function allStatements(data: ReportData, sections: readonly SectionId[]): GradedStatement[] {
  const seen = new Set<string>();
  const out: GradedStatement[] = [];
  for (const s of sections)
    for (const st of sectionStatements(data, s)) {
      const key = `${st.text}\u0000${st.source}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(st);
    }
  return out;
}
