import { prtSdt, prtSummary } from "../tasks/prt.ts";
import type { SailerPrtParticipant } from "../tasks/sailer-prt.ts";
import { CellReader, readTable, type TableIssue } from "../tasks/table.ts";
import {
  type Interval,
  mean,
  meanInterval,
  pearsonInterval,
  sideOfZero,
  spearman,
  welchInterval,
} from "./stats.ts";

/**
 * The PRT comparisons of docs/validation.md (P0–P3, S0–S2) on Sailer, Wurm & Pfabigan 2024 (Behav
 * Res Methods 56:5161): block-wise response bias and discriminability against the published
 * findings, the questionnaire join, the SHAPS scoring direction and the bias–anhedonia relation.
 */

export const SAILER_CITATION =
  "Sailer, Wurm & Pfabigan 2024, Behav Res Methods 56:5161 (doi:10.3758/s13428-023-02255-6; CC BY 4.0)";

/** One questionnaire row, keyed as the authors joined it: version and position within version. */
export interface SailerQuestionnaire {
  readonly version: number;
  readonly position: number;
  readonly shaps: number | null;
  readonly tepsAnticipatory: number | null;
  readonly tepsConsummatory: number | null;
  readonly rewardCount: number | null;
}

/** Reads `questionnaires.csv` (the xlsx sheet converted; `participant_in_version_positional` is the join key). */
export function readSailerQuestionnaires(
  text: string,
): { ok: true; rows: SailerQuestionnaire[] } | { ok: false; issues: readonly TableIssue[] } {
  const t = readTable(text, [
    "VersionPRT",
    "participant_in_version_positional",
    "SHAPS_SUM",
    "TEPS_ANT",
    "TEPS_CON",
    "RewardCountFINAL_PRT",
  ]);
  if (!t.ok) return t;
  const c = new CellReader();
  const rows: SailerQuestionnaire[] = [];
  for (const row of t.rows) {
    const version = c.number(row, "VersionPRT", { integer: true, min: 1, max: 4 });
    const position = c.number(row, "participant_in_version_positional", { integer: true, min: 1 });
    const shaps = c.number(row, "SHAPS_SUM", { min: 14, max: 56, optional: true });
    const ta = c.number(row, "TEPS_ANT", { min: 1, max: 6, optional: true });
    const tc = c.number(row, "TEPS_CON", { min: 1, max: 6, optional: true });
    const rc = c.number(row, "RewardCountFINAL_PRT", { min: 0, optional: true });
    if (version === null || position === null) continue;
    rows.push({ version, position, shaps, tepsAnticipatory: ta, tepsConsummatory: tc, rewardCount: rc });
  }
  return c.issues.length ? { ok: false, issues: c.issues } : { ok: true, rows };
}

/** The four cells per subject × block as `sdt_by_subject_block.csv` holds them. */
export interface SdtCells {
  readonly subject: string;
  readonly block: number;
  readonly richCorrect: number;
  readonly richIncorrect: number;
  readonly leanCorrect: number;
  readonly leanIncorrect: number;
}

/** Reads the derived reference file of cells. */
export function readSdtReference(
  text: string,
): { ok: true; rows: SdtCells[] } | { ok: false; issues: readonly TableIssue[] } {
  const cols = ["subject", "block", "rich_correct", "rich_incorrect", "lean_correct", "lean_incorrect"];
  const t = readTable(text, cols);
  if (!t.ok) return t;
  const c = new CellReader();
  const rows: SdtCells[] = [];
  for (const row of t.rows) {
    const n = cols.slice(1).map((f) => c.number(row, f, { integer: true, min: 0 }));
    const subject = c.text(row, "subject");
    if (subject === null || n.some((x) => x === null)) continue;
    const [block, rc, ri, lc, li] = n as number[];
    rows.push({
      subject,
      block: block!,
      richCorrect: rc!,
      richIncorrect: ri!,
      leanCorrect: lc!,
      leanIncorrect: li!,
    });
  }
  return c.issues.length ? { ok: false, issues: c.issues } : { ok: true, rows };
}

/** Cells per subject × block from the trials (the same RT window as prtSummary). */
export function sdtCells(participants: readonly SailerPrtParticipant[]): SdtCells[] {
  return participants.flatMap((p) =>
    prtSummary(p.data)
      .filter((b) => b.block !== 0)
      .map((b) => ({
        subject: p.data.participantId,
        block: b.block,
        richCorrect: b.richCorrect,
        richIncorrect: b.richIncorrect,
        leanCorrect: b.leanCorrect,
        leanIncorrect: b.leanIncorrect,
      })),
  );
}

/** Block means of log b and log d over subjects, with either correction rule. */
export function blockMeans(cells: readonly SdtCells[], correction: "whenZero" | "always") {
  const blocks = [...new Set(cells.map((c) => c.block))].sort((a, b) => a - b);
  return blocks.map((block) => {
    const rows = cells.filter((c) => c.block === block);
    const sdt = rows.map((c) =>
      prtSdt(c.richCorrect, c.richIncorrect, c.leanCorrect, c.leanIncorrect, correction),
    );
    return {
      block,
      n: rows.length,
      logB: meanInterval(sdt.map((s) => s.logB)),
      logD: meanInterval(sdt.map((s) => s.logD)),
    };
  });
}

/** Per person: log b per block and its mean over blocks (dopamap's rule). */
export function personBias(p: SailerPrtParticipant) {
  const blocks = prtSummary(p.data).filter((b) => b.block !== 0);
  return {
    subject: p.data.participantId,
    version: p.version,
    position: p.participantInVersion,
    byBlock: blocks.map((b) => b.logB),
    logDByBlock: blocks.map((b) => b.logD),
    meanLogB: mean(blocks.map((b) => b.logB)),
    correct: blocks.reduce((a, b) => a + b.richCorrect + b.leanCorrect, 0),
  };
}

export interface SailerReport {
  readonly citation: string;
  readonly participants: number;
  readonly blocks: ReturnType<typeof blockMeans>;
  /** P1: mean log b over blocks per version; agrees when all four lie above 0. */
  readonly biasByVersion: { readonly version: number; readonly n: number; readonly meanLogB: Interval }[];
  readonly p1: "agrees" | "disagrees";
  /** P2: paired block 3 − block 1. */
  readonly growth: Interval;
  readonly p2: "agrees" | "disagrees";
  /** P3: each social version minus the star version. */
  readonly versusStar: { readonly version: number; readonly difference: Interval }[];
  readonly p3: "agrees" | "disagrees";
  /** S0: r(reward count, correct responses) through the positional join. */
  readonly joinR: Interval;
  readonly joinAccepted: boolean;
  /** S1: SHAPS against TEPS. */
  readonly shapsVsTepsAnticipatory: Interval;
  readonly shapsVsTepsConsummatory: Interval;
  readonly shapsDirection: "higher = more anhedonia" | "higher = less anhedonia" | "unknown";
  /** S2: r(mean log b, SHAPS). */
  readonly biasVsShaps: Interval & { readonly n: number; readonly spearman: number };
  readonly s2:
    | "reproduces the literature"
    | "contradicts the literature"
    | "no relation detected"
    | "SHAPS direction unknown";
}

/** Computes P1–P3 and S0–S2 from the trials and the questionnaires, with their verdicts. */
export function sailerReport(
  participants: readonly SailerPrtParticipant[],
  questionnaires: readonly SailerQuestionnaire[],
): SailerReport {
  const people = participants.map(personBias);
  const versions = [1, 2, 3, 4];
  const biasByVersion = versions.map((v) => {
    const xs = people.filter((p) => p.version === v).map((p) => p.meanLogB);
    return { version: v, n: xs.length, meanLogB: meanInterval(xs) };
  });
  const growth = meanInterval(people.map((p) => p.byBlock.at(-1)! - p.byBlock[0]!));
  const star = people.filter((p) => p.version === 1).map((p) => p.meanLogB);
  const versusStar = [2, 3, 4].map((v) => ({
    version: v,
    difference: welchInterval(
      people.filter((p) => p.version === v).map((p) => p.meanLogB),
      star,
    ),
  }));
  const q = new Map(questionnaires.map((r) => [`${r.version}/${r.position}`, r]));
  const joined = people.flatMap((p) => {
    const r = q.get(`${p.version}/${p.position}`);
    return r ? [{ p, r }] : [];
  });
  const pairs = <K extends keyof SailerQuestionnaire>(k: K, f: (j: (typeof joined)[number]) => number) => {
    const ok = joined.filter((j) => j.r[k] !== null);
    return [ok.map(f), ok.map((j) => j.r[k] as number)] as const;
  };
  const [correct, rewardCount] = pairs("rewardCount", (j) => j.p.correct);
  const joinR = pearsonInterval(correct, rewardCount);
  const sh = (k: "tepsAnticipatory" | "tepsConsummatory") => {
    const ok = questionnaires.filter((r) => r.shaps !== null && r[k] !== null);
    return pearsonInterval(
      ok.map((r) => r.shaps!),
      ok.map((r) => r[k]!),
    );
  };
  const a = sh("tepsAnticipatory");
  const c = sh("tepsConsummatory");
  const shapsDirection =
    a.hi < 0 && c.hi < 0
      ? "higher = more anhedonia"
      : a.lo > 0 && c.lo > 0
        ? "higher = less anhedonia"
        : "unknown";
  const [bias, shaps] = pairs("shaps", (j) => j.p.meanLogB);
  const r = pearsonInterval(bias, shaps);
  // Read with SHAPS as anhedonia, the literature predicts r < 0.
  const sign = shapsDirection === "higher = less anhedonia" ? -1 : 1;
  const side = sideOfZero({
    estimate: sign * r.estimate,
    lo: Math.min(sign * r.lo, sign * r.hi),
    hi: Math.max(sign * r.lo, sign * r.hi),
  });
  return {
    citation: SAILER_CITATION,
    participants: participants.length,
    blocks: blockMeans(sdtCells(participants), "whenZero"),
    biasByVersion,
    p1: biasByVersion.every((v) => v.meanLogB.lo > 0) ? "agrees" : "disagrees",
    growth,
    p2: growth.lo > 0 ? "agrees" : "disagrees",
    versusStar,
    p3: versusStar.every((v) => sideOfZero(v.difference) === "includes") ? "agrees" : "disagrees",
    joinR,
    joinAccepted: joinR.estimate > 0.5,
    shapsVsTepsAnticipatory: a,
    shapsVsTepsConsummatory: c,
    shapsDirection,
    biasVsShaps: { ...r, spearman: spearman(bias, shaps) },
    s2:
      shapsDirection === "unknown"
        ? "SHAPS direction unknown"
        : side === "includes"
          ? "no relation detected"
          : side === "below"
            ? "reproduces the literature"
            : "contradicts the literature",
  };
}
