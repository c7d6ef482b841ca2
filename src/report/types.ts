import type { ChartSpec } from "../charts/index.ts";
import type { BandResult, CrisisResources } from "../instruments/index.ts";
import type { Plan } from "../plan/index.ts";
import type { ArchitectureMap, StatementGrade } from "../profile/index.ts";
import type { ProgressionState, Timeline, WeekSummary } from "../track/index.ts";

/** The report's sections, in the order they are printed; a share names a subset. */
export const SECTION_IDS = ["map", "plan", "scores", "progress", "crisis", "sources"] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** Heading of each section as printed. */
export const SECTION_TITLES: Readonly<Record<SectionId, string>> = {
  map: "Reward-architecture map",
  plan: "Plan and forecast",
  scores: "Questionnaire scores over time",
  progress: "Progress",
  crisis: "Crisis events and the resources shown",
  sources: "Sources and evidence grades",
};

/** The line every page of the report carries (screen header, print footer, PDF footer). */
export const REPORT_DISCLAIMER =
  "Output of dopamap, a self-help and research tool. It is not a diagnosis and not a clinical assessment.";

/** Any statement the report shows, with where it comes from and how well it is supported. */
export interface GradedStatement {
  readonly text: string;
  readonly source: string;
  readonly grade: StatementGrade;
}

/** A section's content, or the plain reason it cannot be shown yet (e.g. "no check-ins yet"). */
export type SectionContent<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

/** The map: the profile's map and its chart. */
export interface ReportMap {
  readonly map: ArchitectureMap;
  readonly chart: ChartSpec;
}

/** The plan with its in-silico forecast. */
export interface ReportPlan {
  readonly plan: Plan;
  /** Where the parameter draws came from (the person's posterior, or the preset). */
  readonly drawsFrom: string;
  /** True when the log was too short for a fit and the default map was assumed. */
  readonly assumedMap: boolean;
}

/** One scored questionnaire. */
export interface ScorePoint {
  /** ISO 8601 instant it was submitted. */
  readonly at: string;
  readonly value: number;
  readonly band: BandResult | null;
}

/** One instrument's scores over time with its bands. */
export interface ScoreSeries {
  readonly instrumentId: string;
  readonly title: string;
  readonly points: readonly ScorePoint[];
  /** Score range [min, max] when known. */
  readonly range?: readonly [number, number];
  /** The band set's cut points (lower ends) with labels, and its source. */
  readonly bands: readonly { readonly min: number; readonly max: number; readonly label: string }[];
  readonly bandSource: string | null;
  readonly bandsInformal: boolean;
}

/** A fitted parameter's estimate refitted on the log up to the end of each week. */
export interface ParameterTrajectory {
  readonly name: string;
  /** The model's symbol, e.g. "κ". */
  readonly symbol: string;
  /** What it means, in plain words. */
  readonly meaning: string;
  readonly points: readonly {
    readonly week: number;
    readonly estimate: number;
    readonly lo: number;
    readonly hi: number;
  }[];
}

/** Weekly progress: start rate, Motivation Gap, anticipation gap, progression, timeline, parameters. */
export interface ReportProgress {
  readonly startDate: string;
  readonly weeks: readonly WeekSummary[];
  readonly progression: readonly ProgressionState[];
  readonly timeline: Timeline;
  readonly trajectories: readonly ParameterTrajectory[];
  /** Activity names by id, for the progression lines. */
  readonly activityNames: Readonly<Record<string, string>>;
}

/** A crisis event from the person's own data, with the resources that were shown. */
export interface ReportCrisisEvent {
  /** ISO 8601 instant. */
  readonly at: string;
  readonly instrumentId: string;
  /** The instrument's short title, e.g. "PHQ-9". */
  readonly instrument: string;
  readonly itemNumber: number;
  readonly value: number;
  readonly severity: "standard" | "prominent";
  readonly resources: CrisisResources;
}

/** Everything a report shows, gathered by the app layer; rendering it is pure. */
export interface ReportData {
  /** ISO 8601 instant the report was made (passed in, never read from a clock here). */
  readonly generatedAt: string;
  /** Who it is about, as the person named themselves ("" for unnamed). */
  readonly subject: string;
  readonly map: SectionContent<ReportMap>;
  readonly plan: SectionContent<ReportPlan>;
  readonly scores: readonly ScoreSeries[];
  readonly progress: SectionContent<ReportProgress>;
  readonly crisis: readonly ReportCrisisEvent[];
}

/** How to render: which sections, and whether for the screen, a printed page or a PDF with its own footer. */
export interface RenderReportOptions {
  /** Sections to include, printed in {@link SECTION_IDS} order. Default: all. */
  readonly sections?: readonly SectionId[];
  /** A line under the title, e.g. "Shared with you read-only until 2026-12-30". */
  readonly banner?: string;
  /** True when the PDF printer adds the disclaimer footer itself (the print-only footer is then left out). */
  readonly pdf?: boolean;
  /** The one-page summary first (default true). */
  readonly summary?: boolean;
}
