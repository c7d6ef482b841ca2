import { PARAMETERS } from "../model/person/params.ts";
import type { PersonLog } from "../model/records/schema.ts";
import { type Statement, type StatementId, statement } from "./statements.ts";
import { type TaskEvidence, taskStrengths, taskWhy } from "./tasks.ts";

/** The five patterns of the framework. */
export type PatternId =
  | "anticipatoryDeficit"
  | "threatOverride"
  | "calibration"
  | "receptorDownregulation"
  | "predictionErrorLoop";

export const PATTERN_IDS: readonly PatternId[] = [
  "anticipatoryDeficit",
  "threatOverride",
  "calibration",
  "receptorDownregulation",
  "predictionErrorLoop",
];

/** The framework's row for a pattern (DESIGN.md, "The framework"). */
export interface FrameworkRow {
  readonly pattern: string;
  readonly disruption: string;
  readonly shows: string;
  readonly target: string;
}

export const FRAMEWORK: Readonly<Record<PatternId, FrameworkRow>> = {
  anticipatoryDeficit: {
    pattern: "anticipatory deficit",
    disruption: "blunted anticipatory (VTA→NAcc) signal; liking intact",
    shows: "cannot initiate known rewards; experience better than predicted",
    target: "initiation: Dopamine Scaffolding",
  },
  threatOverride: {
    pattern: "threat override",
    disruption: "amygdala/cortisol threat signal overrides intact wanting",
    shows: "avoidance despite a clear goal",
    target: "lower threat dominance (graded approach)",
  },
  calibration: {
    pattern: "calibration",
    disruption: "signal follows novelty, not importance",
    shows: "hyperfocus on novel, stuck on routine",
    target: "attach novelty/immediate reward to important tasks",
  },
  receptorDownregulation: {
    pattern: "receptor downregulation",
    disruption: "fewer D2 receptors → less sensitivity",
    shows: "natural rewards feel insufficient",
    target: "abstinence + sustained natural reward → receptor recovery",
  },
  predictionErrorLoop: {
    pattern: "prediction-error loop",
    disruption: "variable reinforcement keeps wanting high",
    shows: "can't stop while liking falls",
    target: "disrupt the variable-reinforcement loop",
  },
};

/** Screening scores, each optional (the instruments module scores them; this takes plain numbers). */
export interface ScreeningScores {
  /** PHQ-9 total, 0–27. */
  readonly phq9?: number;
  /** GAD-7 total, 0–21. */
  readonly gad7?: number;
  /** ASRS v1.1 Part A, 0–6 items in the shaded range. */
  readonly asrsPartA?: number;
  /** PSS-10 total, 0–40. */
  readonly pss10?: number;
  /** AUDIT-C total, 0–12. */
  readonly auditC?: number;
  /** Self-rated loss of control over an app, game or bet, 0–10. */
  readonly compulsiveUse?: number;
  /** Mid-sleep on free days, hours 0–24 (from sleep timing). */
  readonly midSleepHour?: number;
}

/** A fitted parameter as the map needs it (a `FitResult` parameter fits this shape). */
export interface MapParameter {
  readonly name: string;
  readonly estimate: number;
  readonly lo: number;
  readonly hi: number;
}

/** A strength 0..1 with its 95 % interval, and where it came from. */
export interface Strength {
  /** Null when nothing informs it yet. */
  readonly estimate: number | null;
  readonly lo: number;
  readonly hi: number;
  /** False when the interval is wider than 0.5: "not enough data yet". */
  readonly enoughData: boolean;
  readonly from: readonly ("logs" | "screening" | "tasks")[];
}

export interface PatternStrength extends Strength {
  readonly pattern: PatternId;
}

export interface ArchitectureMap {
  readonly disclaimer: string;
  readonly patterns: readonly PatternStrength[];
  readonly stressLoad: Strength;
  /** Estimated hour of the daily peak, with its interval (hours). */
  readonly chronotypePeak: {
    /** Null when neither a fit nor sleep timing gives one. */
    readonly estimate: number | null;
    readonly lo: number;
    readonly hi: number;
    readonly enoughData: boolean;
  };
  /** The strongest pattern with enough data, or null ("not enough data yet" / none stands out). */
  readonly primary: {
    readonly pattern: PatternId;
    readonly row: FrameworkRow;
    readonly why: readonly string[];
  } | null;
  readonly status: "ok" | "notEnoughData" | "noPatternStandsOut";
  /** Statements shown with the map, each with its source and grade. */
  readonly statements: readonly Statement[];
}

const WIDE = 0.5;
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const NONE: Strength = { estimate: null, lo: 0, hi: 1, enoughData: false, from: [] };

/** Maps a parameter interval to a strength through a monotone rescaling (decreasing when `down`). */
function fromParameter(p: MapParameter | undefined, healthy: number, strong: number): Strength | null {
  if (!p || !Number.isFinite(p.lo) || !Number.isFinite(p.hi)) return null;
  const f = (x: number) => clamp01((x - healthy) / (strong - healthy));
  const a = f(p.lo);
  const b = f(p.hi);
  return {
    estimate: f(p.estimate),
    lo: Math.min(a, b),
    hi: Math.max(a, b),
    enoughData: true,
    from: ["logs"],
  };
}

/** A screening score as a coarse strength: its fraction of the range, ± 0.25 (sd 0.13). */
function fromScore(score: number | undefined, max: number): Strength | null {
  if (score === undefined || !Number.isFinite(score)) return null;
  const x = clamp01(score / max);
  return { estimate: x, lo: clamp01(x - 0.25), hi: clamp01(x + 0.25), enoughData: true, from: ["screening"] };
}

/** Precision-weighted combination of the available estimates. */
function combine(...xs: (Strength | null)[]): Strength {
  const have = xs.filter((x): x is Strength & { estimate: number } => x !== null && x.estimate !== null);
  if (have.length === 0) return NONE;
  let w = 0;
  let m = 0;
  for (const x of have) {
    const sd = Math.max(0.02, (x.hi - x.lo) / 3.92);
    w += 1 / sd ** 2;
    m += x.estimate / sd ** 2;
  }
  const est = m / w;
  const sd = 1 / Math.sqrt(w);
  const lo = clamp01(est - 1.96 * sd);
  const hi = clamp01(est + 1.96 * sd);
  return { estimate: est, lo, hi, enoughData: hi - lo <= WIDE, from: have.flatMap((x) => x.from) };
}

/** Per-activity counts and mean ratings from a log, for the plain-language why. */
export interface ActivitySummary {
  readonly id: string;
  readonly name: string;
  readonly urge: boolean;
  readonly importance: number;
  readonly novelty: number;
  readonly threat: number;
  readonly planned: number;
  readonly started: number;
  readonly meanAnticipated: number;
  /** Mean experienced rating over starts (liking for urges). */
  readonly meanExperienced: number;
  readonly meanWorry: number;
}

const mean = (xs: (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : Number.NaN;
};

/** Counts and mean ratings per activity. */
export function summariseLog(log: PersonLog): ActivitySummary[] {
  return log.activities.map((a) => {
    const cs = log.checkIns.filter((c) => c.activityId === a.id);
    const us = log.urges.filter((u) => u.activityId === a.id);
    return {
      id: a.id,
      name: a.name,
      urge: a.urge,
      importance: a.importance,
      novelty: a.novelty,
      threat: a.threat,
      planned: a.urge ? us.length : cs.length,
      started: a.urge ? us.filter((u) => u.acted).length : cs.filter((c) => c.started).length,
      meanAnticipated: mean(cs.map((c) => c.anticipated)),
      meanExperienced: a.urge
        ? mean(us.map((u) => u.liking))
        : mean(cs.filter((c) => c.started).map((c) => c.experienced)),
      meanWorry: mean(cs.map((c) => c.worry)),
    };
  });
}

const r0 = (x: number) => (Number.isFinite(x) ? String(Math.round(x)) : "–");
const r2 = (x: number) => x.toFixed(2);

/** A parameter's name in words with its symbol: "anticipatoryGain" → "anticipatory gain (κ)". */
function parameterLabel(name: string): string {
  const words = name.replace(/[A-Z]/g, (m) => ` ${m.toLowerCase()}`);
  const symbol = (PARAMETERS as Record<string, { symbol: string } | undefined>)[name]?.symbol;
  return symbol ? `${words} (${symbol})` : words;
}

function why(
  pattern: PatternId,
  acts: ActivitySummary[],
  params: readonly MapParameter[],
  s: ScreeningScores,
): string[] {
  const own = acts.filter((a) => !a.urge && a.planned > 0);
  const p = (n: string) => params.find((x) => x.name === n);
  const param = (n: string, typical: string) => {
    const x = p(n);
    return x && Number.isFinite(x.lo)
      ? `Your fitted ${parameterLabel(n)} is ${r2(x.estimate)} [${r2(x.lo)}, ${r2(x.hi)}] (${typical}).`
      : null;
  };
  const out: (string | null)[] = [];
  if (pattern === "anticipatoryDeficit") {
    const gap = own
      .filter((a) => Number.isFinite(a.meanExperienced - a.meanAnticipated))
      .sort((a, b) => b.meanExperienced - b.meanAnticipated - (a.meanExperienced - a.meanAnticipated))[0];
    if (gap)
      out.push(
        `You started ${gap.started} of ${gap.planned} planned times for “${gap.name}”; when you did, you rated it ${r0(gap.meanExperienced)} on average, having expected ${r0(gap.meanAnticipated)}.`,
      );
    out.push(param("anticipatoryGain", "1 is typical"));
  } else if (pattern === "threatOverride") {
    const t = [...own].sort((a, b) => b.threat - a.threat)[0];
    if (t && t.threat > 0)
      out.push(
        `Before ${t.name} your worry averaged ${r0(t.meanWorry)} of 10, and you started ${t.started} of ${t.planned}.`,
      );
    out.push(param("threatGain", "about 0.15 is typical"));
  } else if (pattern === "calibration") {
    const novel = [...own].sort((a, b) => b.novelty - a.novelty)[0];
    const important = [...own].sort((a, b) => b.importance - a.importance)[0];
    if (novel && important && novel !== important)
      out.push(
        `You started ${novel.started} of ${novel.planned} ${novel.name} (new to you) but ${important.started} of ${important.planned} ${important.name} (important to you).`,
      );
    out.push(param("noveltyCoupling", "about 0.15 is typical"));
  } else if (pattern === "receptorDownregulation") {
    if (s.auditC !== undefined) out.push(`Your AUDIT-C score was ${s.auditC} of 12.`);
    out.push("dopamap cannot measure receptors; this reading comes from your answers and urges only.");
  } else {
    const u = acts.filter((a) => a.urge && a.planned > 0).sort((a, b) => b.planned - a.planned)[0];
    if (u)
      out.push(
        `You acted on ${u.started} of ${u.planned} urges for ${u.name}; when you did, you rated it ${r0(u.meanExperienced)} on average.`,
      );
    if (s.compulsiveUse !== undefined)
      out.push(`You rated your loss of control at ${s.compulsiveUse} of 10.`);
  }
  return out.filter((x): x is string => x !== null);
}

const STATEMENT_FOR: Record<PatternId, StatementId[]> = {
  anticipatoryDeficit: ["anticipatoryDeficit", "effort", "article37"],
  threatOverride: ["threat", "article60"],
  calibration: ["calibration", "article85"],
  receptorDownregulation: ["receptor"],
  predictionErrorLoop: ["loop", "wantingLiking"],
};

/** Inputs of the map: any of fitted parameters, screening scores and the log itself. */
export interface MapInput {
  readonly parameters?: readonly MapParameter[];
  readonly screening?: ScreeningScores;
  readonly log?: PersonLog;
  /** Behavioural task fits (EEfRT effort cost, PRT reward sensitivity), optional evidence for anticipation. */
  readonly tasks?: TaskEvidence;
}

/**
 * The person's architecture map: the five pattern strengths with intervals (from the fitted
 * parameters and the screening scores, combined by precision), stress load, chronotype, the primary
 * pattern with the framework's row and a why in the person's own numbers. Never a diagnosis.
 */
export function buildMap(input: MapInput): ArchitectureMap {
  const params = input.parameters ?? [];
  const s = input.screening ?? {};
  const p = (n: string) => params.find((x) => x.name === n);
  const acts = input.log ? summariseLog(input.log) : [];
  const urges = input.log?.urges ?? [];
  const acted = urges.filter((u) => u.acted).length;
  const urgeStrength: Strength | null =
    urges.length >= 5
      ? (() => {
          const n = urges.length;
          const q = acted / n;
          const half = 1.96 * Math.sqrt((q * (1 - q) + 0.25 / n) / n);
          return {
            estimate: q,
            lo: clamp01(q - half),
            hi: clamp01(q + half),
            enoughData: true,
            from: ["logs"] as const,
          };
        })()
      : null;
  const strengths: Record<PatternId, Strength> = {
    anticipatoryDeficit: combine(
      fromParameter(p("anticipatoryGain"), 1, 0.2),
      fromScore(s.phq9, 27),
      ...taskStrengths(input.tasks),
    ),
    threatOverride: combine(fromParameter(p("threatGain"), 0.15, 1), fromScore(s.gad7, 21)),
    calibration: combine(fromParameter(p("noveltyCoupling"), 0.15, 0.8), fromScore(s.asrsPartA, 6)),
    receptorDownregulation: combine(fromScore(s.auditC, 12)),
    predictionErrorLoop: combine(urgeStrength, fromScore(s.compulsiveUse, 10)),
  };
  const patterns = PATTERN_IDS.map((pattern) => ({ pattern, ...strengths[pattern] }));
  const ready = patterns
    .filter((x): x is typeof x & { estimate: number } => x.enoughData && x.estimate !== null)
    .sort((a, b) => b.estimate - a.estimate);
  const top = ready[0];
  const status =
    ready.length === 0 ? "notEnoughData" : top && top.estimate >= 0.4 ? "ok" : "noPatternStandsOut";
  const peak = p("chronotypePeak");
  const peakFromSleep = s.midSleepHour !== undefined ? (s.midSleepHour + 5) % 24 : null;
  const chronotypePeak =
    peak && Number.isFinite(peak.lo)
      ? { estimate: peak.estimate, lo: peak.lo, hi: peak.hi, enoughData: peak.hi - peak.lo <= 6 }
      : peakFromSleep === null
        ? { estimate: null, lo: 0, hi: 24, enoughData: false }
        : { estimate: peakFromSleep, lo: peakFromSleep - 3, hi: peakFromSleep + 3, enoughData: false };
  const primary =
    status === "ok" && top
      ? {
          pattern: top.pattern,
          row: FRAMEWORK[top.pattern],
          why: [
            ...why(top.pattern, acts, params, s),
            ...(top.pattern === "anticipatoryDeficit" ? taskWhy(input.tasks) : []),
          ],
        }
      : null;
  const ids: StatementId[] = [
    "notDiagnosis",
    ...(primary ? STATEMENT_FOR[primary.pattern] : []),
    "stress",
    "circadian",
    "timeline",
    ...(input.tasks?.eefrtEffortCost ? (["taskEffort"] as const) : []),
    ...(input.tasks?.prtRewardSensitivity ? (["taskRewardSensitivity"] as const) : []),
  ];
  return {
    disclaimer: statement("notDiagnosis").text,
    patterns,
    stressLoad: combine(fromScore(s.pss10, 40)),
    chronotypePeak,
    primary,
    status,
    statements: ids.map(statement),
  };
}
