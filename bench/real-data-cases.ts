/**
 * Validation on real human data (docs/validation.md): the full fits of every data set through the
 * normal commands (`fit/bandit2arm`, `fit/rstd`, `fit/effort-discounting`, `tasks/fit-external`),
 * and the pre-registered statistics with their verdicts, printed as figures after the bench table.
 * The files are read from `../shared/data/` beside the clone; nothing is copied into the repository.
 * Each case runs on its own: `npx tsx bench/case-runner.ts realdata-prl-zorowitz`.
 */
import { readFileSync } from "node:fs";
import type { EffortReport, RstdReport } from "../src/app/fit/real-data-commands.ts";
import { registry } from "../src/app/index.ts";
import type { ExternalPrtReport } from "../src/app/tasks/prt-latent-command.ts";
import { type BanditFitResult, readBanditCsv } from "../src/fit/bandit2arm.ts";
import { type CvComparison, fitPrtLatent } from "../src/fit/index.ts";
import { pearson } from "../src/fit/recovery.ts";
import { readSailerPrtCsv } from "../src/tasks/index.ts";
import {
  BANDIT_REFERENCE,
  banditGroupReport,
  behaviourSymptomCorrelations,
  chronotypes,
  chronotypeVsAcrophase,
  devaluationReport,
  effortChangeReport,
  effortShapeVerdict,
  habitCurveReport,
  habitCurves,
  happinessSummary,
  type Interval,
  pearsonInterval,
  personalLinkSummary,
  personalLinks,
  readDiaryDays,
  readGeraPeople,
  readHappinessTrials,
  readJangDays,
  readSailerQuestionnaires,
  readZorowitzPeople,
  sailerReport,
  screeningSummary,
  sleepSignCoding,
  withinPersonLink,
  ZOROWITZ_PUBLISHED,
  zorowitzVerdicts,
} from "../src/validation/index.ts";
import type { CaseResult } from "./cases.ts";

const DATA = new URL("../../shared/data/", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, DATA), "utf8");

const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "–");
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "–");
const iv = (i: Interval, f = f2) => `${f(i.estimate)} [${f(i.lo)}, ${f(i.hi)}]`;
const cvLine = (c: CvComparison) =>
  `held-out log-lik ${c.a} − ${c.b} = ${c.difference.toFixed(1)} (SE ${c.se.toFixed(1)}; ${c.favouringA}/${c.people} people favour ${c.a}) → ${c.winner ? `${c.winner} wins` : "no reliable difference"}`;

async function invoke<T>(name: string, input: unknown): Promise<T> {
  const r = await registry.invoke(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

async function timed(f: () => Promise<string[]>): Promise<{ seconds: number; figures: string[] }> {
  const t = performance.now();
  const figures = await f();
  return { seconds: (performance.now() - t) / 1000, figures };
}

export const REAL_DATA_CASES: Record<string, () => Promise<CaseResult>> = {
  async "realdata-bandit-hbayesdm"() {
    const text = read("hbayesdm-examples/bandit2arm_exampleData.txt");
    const { seconds, figures } = await timed(async () => {
      const fit = await invoke<BanditFitResult>("fit/bandit2arm", { csv: text });
      const parsed = readBanditCsv(text);
      if (!parsed.ok) throw new Error("bandit file");
      const g = banditGroupReport(parsed.subjects, { resamples: 1000, seed: 17 });
      return [
        `bandit2arm_delta on ±1 outcomes, ${fit.subjects.length} subjects (${g.citation})`,
        `group A ${iv(g.learningRate)} vs reference ${iv(BANDIT_REFERENCE.learningRate)}; τ ${iv(g.inverseTemperature)} vs reference ${iv(BANDIT_REFERENCE.inverseTemperature)} → ${g.verdict}`,
      ];
    });
    return {
      name: "real data: hBayesDM bandit2arm",
      work: "20 subjects × 100 trials, empirical-Bayes fit + 1,000 bootstrap refits",
      seconds,
      figures,
    };
  },

  async "realdata-happiness-rdt"() {
    const { seconds, figures } = await timed(async () => {
      const r = readHappinessTrials(read("hbayesdm-examples/rdt_exampleData.txt"));
      if (!r.ok) return [`format check FAILED: line ${r.issues[0]!.line}: ${r.issues[0]!.field}`];
      const s = happinessSummary(r.trials);
      return [
        `rdt_exampleData.txt: ${r.trials.length} rows parse with no issue; ${s.length} subjects × ${s.map((x) => x.trials).join("/")} trials; ratings per subject ${s.map((x) => x.ratings).join(", ")}; range ${Math.min(...s.map((x) => x.min))}..${Math.max(...s.map((x) => x.max))}`,
      ];
    });
    return {
      name: "real data: hBayesDM happiness format",
      work: "6 subjects × 150 trials",
      seconds,
      figures,
    };
  },

  async "realdata-prt-sailer"() {
    const csv = read("prt-sailer2023/trials.csv");
    const { seconds, figures } = await timed(async () => {
      const trials = readSailerPrtCsv(csv);
      const q = readSailerQuestionnaires(read("prt-sailer2023/questionnaires.csv"));
      if (!trials.ok || !q.ok) throw new Error("Sailer files");
      const rep = sailerReport(trials.participants, q.rows);
      const r = await invoke<ExternalPrtReport>("tasks/fit-external", {
        format: "prt-sailer2024",
        csv,
        crossValidate: true,
        ppc: true,
      });
      const fit = r.fit!;
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const rho = fit.participants.map((p) => p.rewardSensitivity.estimate);
      const eps = fit.participants.map((p) => p.learningRate.estimate);
      const byKey = new Map(q.rows.map((x) => [`${x.version}/${x.position}`, x.shaps]));
      const joined = trials.participants.flatMap((p, i) => {
        const s = byKey.get(`${p.version}/${p.participantInVersion}`);
        return s === null || s === undefined ? [] : [{ rho: Math.log(rho[i]!), shaps: s }];
      });
      const rhoShaps = pearsonInterval(
        joined.map((j) => j.rho),
        joined.map((j) => j.shaps),
      );
      // Monte Carlo check: 32 against 128 reward draws on the first 30 people.
      const few = trials.participants.slice(0, 30).map((p) => p.data);
      const d128 = fitPrtLatent(few, { draws: 128 });
      const mc = pearson(
        fit.participants.slice(0, 30).map((p) => Math.log(p.rewardSensitivity.estimate)),
        d128.participants.map((p) => Math.log(p.rewardSensitivity.estimate)),
      );
      const ppc = r.ppc!;
      return [
        `${rep.participants} participants (${rep.citation})`,
        `block means (dopamap's rule): log b ${rep.blocks.map((b) => iv(b.logB, f3)).join("; ")}; log d ${rep.blocks.map((b) => f3(b.logD.estimate)).join(", ")}`,
        `P1 mean log b per version: ${rep.biasByVersion.map((v) => `v${v.version} ${iv(v.meanLogB, f3)} (n ${v.n})`).join("; ")} → ${rep.p1}`,
        `P2 block 3 − block 1: ${iv(rep.growth, f3)} → ${rep.p2}`,
        `P3 social − star: ${rep.versusStar.map((v) => `v${v.version} ${iv(v.difference, f3)}`).join("; ")} → ${rep.p3}`,
        `S0 r(reward count, correct responses) ${iv(rep.joinR)} → join ${rep.joinAccepted ? "accepted" : "rejected"}`,
        `S1 r(SHAPS, TEPS-ANT) ${iv(rep.shapsVsTepsAnticipatory)}, r(SHAPS, TEPS-CON) ${iv(rep.shapsVsTepsConsummatory)} → ${rep.shapsDirection}`,
        `S2 r(mean log b, SHAPS) ${iv(rep.biasVsShaps, f3)} (n ${rep.biasVsShaps.n}; Spearman ${f3(rep.biasVsShaps.spearman)}) → ${rep.s2}`,
        `H Huys model, ${r.label}: median ρ ${f2(median(rho))}, median ε ${f3(median(eps))}; converged ${fit.participants.filter((p) => p.converged).length}/${fit.participants.length}; r(log ρ, SHAPS) ${iv(rhoShaps)}`,
        `H PPC: block log b observed ${ppc.blocks.map((b) => f3(b.observed)).join(", ")}, simulated ${ppc.blocks.map((b) => f3(b.simulated)).join(", ")} (largest gap ${f3(ppc.maxBlockGap)}); r across people ${f2(ppc.personR)} → ${ppc.maxBlockGap <= 0.05 && ppc.personR >= 0.5 ? "agrees" : "disagrees"}`,
        `H model comparison: ${cvLine(r.crossValidation!)}`,
        `H Monte Carlo: r(log ρ with 32 draws, with 128 draws) = ${f3(mc)} on 30 people`,
      ];
    });
    return {
      name: "real data: PRT (Sailer et al. 2024)",
      work: "305 participants × ~260 trials: SDT by block, Huys model with latent rewards (32 draws), 3-fold CV, PPC",
      seconds,
      figures,
    };
  },

  async "realdata-prl-zorowitz"() {
    const csv = read("prl-zorowitz2023/data.csv");
    const metrics = read("prl-zorowitz2023/metrics.csv");
    const { seconds, figures } = await timed(async () => {
      const people = readZorowitzPeople(metrics, read("prl-zorowitz2023/scores.csv"));
      if (!people.ok) throw new Error("Zorowitz files");
      const s = screeningSummary(people.people);
      const all = await invoke<RstdReport>("fit/rstd", {
        csv,
        screening: metrics,
        screen: "none",
        ppc: true,
      });
      const screened = await invoke<RstdReport>("fit/rstd", {
        csv,
        screening: metrics,
        screen: "infrequency",
        crossValidate: true,
        ppc: true,
      });
      const fits = new Map(all.fit.participants.map((p) => [p.participantId, p]));
      const d7 = behaviourSymptomCorrelations(people.people, fits, "7d");
      const sh = behaviourSymptomCorrelations(people.people, fits, "shaps");
      const v = zorowitzVerdicts(d7, sh);
      const line = (cs: typeof d7, regime: "none" | "infrequency") =>
        cs
          .filter((c) => c.regime === regime)
          .map((c) => `${c.measure} ${iv(c.rho)}${c.excludesZero ? "*" : ""}`)
          .join("; ");
      const P = ZOROWITZ_PUBLISHED;
      const m = (k: "7d" | "gad7" | "shaps") =>
        `${k} ${f2(s.means[k].attentive)} vs ${f2(s.means[k].careless)} (paper ${P.means[k].attentive} vs ${P.means[k].careless})`;
      const ppcVerdict = (r: RstdReport) => {
        const acc = pearson(
          r.ppc!.accuracy.map((a) => a.observed),
          r.ppc!.accuracy.map((a) => a.simulated),
        );
        return `largest learning-curve gap ${f3(r.ppc!.maxCurveGap)}, r(simulated, observed accuracy) ${f2(acc)} → ${r.ppc!.maxCurveGap <= 0.05 && acc >= 0.7 ? "agrees" : "disagrees"}`;
      };
      return [
        `${s.people} participants in metrics.csv (${all.screening.notListed} more in data.csv not listed) (Zorowitz et al. 2023)`,
        `Z0 infrequency flags ${s.infrequencyFlagged} (paper ${P.infrequencyFlagged}); chance-level accuracy ${s.chanceFlagged} (paper ${P.chanceFlagged}); ${m("7d")}; ${m("gad7")}; ${m("shaps")}`,
        `fits converged: ${all.fit.participants.filter((p) => p.converged).length}/${all.fit.participants.length}`,
        `Z1 7-down, no screening: ${line(d7, "none")}`,
        `Z1 7-down, infrequency-screened: ${line(d7, "infrequency")} → ${v.z1.unscreened} vs ${v.z1.screened} intervals exclude 0 → ${v.z1.verdict}`,
        `Z2 SHAPS, no screening: ${line(sh, "none")}`,
        `Z2 SHAPS, infrequency-screened: ${line(sh, "infrequency")} → ${v.z2.unscreened} and ${v.z2.screened} → ${v.z2.verdict}`,
        `PPC (all ${all.fit.participants.length}): ${ppcVerdict(all)}`,
        `PPC (screened ${screened.fit.participants.length}): ${ppcVerdict(screened)}`,
        `learning curve (screened), observed: ${screened.ppc!.curve.map((c) => f2(c.observed)).join(" ")}`,
        `learning curve (screened), simulated: ${screened.ppc!.curve.map((c) => f2(c.simulated)).join(" ")}`,
        `model comparison (screened, 6-fold by block): ${cvLine(screened.crossValidation!)}`,
      ];
    });
    return {
      name: "real data: reversal learning (Zorowitz et al. 2023)",
      work: "386 participants × 90 trials: RSTD fits (×2 regimes), 6-fold CV of 2 variants, PPC, 20,000 bootstrap correlations",
      seconds,
      figures,
    };
  },

  async "realdata-effort-bernacer"() {
    const csv = read("effort-bernacer2019/inscanner_choices.csv");
    const { seconds, figures } = await timed(async () => {
      const r = await invoke<EffortReport>("fit/effort-discounting", { csv, crossValidate: true, ppc: true });
      const cv = r.crossValidation!;
      const change = effortChangeReport(r.fit);
      const catchers = r.fit.participants.filter((p) => p.catchErrors > p.catchTrials / 4);
      const ppc = r.ppc!;
      const bins = (bs: typeof ppc.byEffortDifference) =>
        bs.map((b) => `${b.bin}: ${f2(b.observed)}/${f2(b.simulated)}`).join(", ");
      return [
        `${r.fit.participants.length} person × time-point fits, ${r.fit.participants.reduce((a, p) => a + p.trials, 0)} decision trials (Bernacer et al. 2019)`,
        `B1 held-out log-lik: ${cv.totals.map((t) => `${t.variant} ${t.heldOutLogLik.toFixed(1)}`).join(", ")}`,
        `B1 ${cvLine(cv.hyperbolicVsParabolic)} → ${effortShapeVerdict(cv.hyperbolicVsParabolic)}`,
        `B1 (beside) ${cvLine(cv.hyperbolicVsExponential)}`,
        `B2 Δ log k (POST − PRE, hyperbolic), n ${change.people}: ${iv(change.deltaLogK)} → ${change.verdict}`,
        `PPC P(lower effort) by Δeffort obs/sim ${bins(ppc.byEffortDifference)}; P(more probable) by Δp obs/sim ${bins(ppc.byProbabilityDifference)}; largest gap ${f3(ppc.maxGap)} → ${ppc.maxGap <= 0.05 ? "agrees" : "disagrees"}`,
        `catch pairs: ${catchers.map((p) => `${p.participantId} ${p.catchErrors}/${p.catchTrials}`).join(", ")} chose the less probable offer in more than a quarter of catch pairs`,
      ];
    });
    return {
      name: "real data: effort × probability (Bernacer et al. 2019)",
      work: "19 people × PRE/POST × ~178 choices: 3 variants, 3-fold CV each, PPC",
      seconds,
      figures,
    };
  },

  async "realdata-habit-gera"() {
    const { seconds, figures } = await timed(async () => {
      const r = readGeraPeople(read("habit-gera2023/all_data_for_R.csv"));
      if (!r.ok) throw new Error("Gera file");
      const dev = devaluationReport(r.people);
      const curves = habitCurveReport(habitCurves(r.people));
      return [
        `${r.people.length} participants (${dev.citation})`,
        `G1 mean log((devalued + 1)/(valued + 1)): ${dev.byGroup.map((g) => `${g.group} ${f2(g.mean)} (n ${g.n})`).join("; ")}; extensive − short ${iv(dev.difference)} → ${dev.verdict}`,
        `G2 ${curves.people} people: asymptotic curve preferred by held-out days in ${iv(curves.asymptoticPreferred)} → ${curves.verdict}; median τ ${iv(curves.medianTauDays)} days`,
      ];
    });
    return {
      name: "real data: habit (Gera et al. 2024)",
      work: "133 participants, 88 curves × 11 days",
      seconds,
      figures,
    };
  },

  async "realdata-sleep-jang"() {
    const { seconds, figures } = await timed(async () => {
      const r = readJangDays(read("daily-jang2024/0017_jang_ts.tsv"));
      if (!r.ok) throw new Error("Jang file");
      const coding = sleepSignCoding(r.days);
      if (coding.coding === "undecided") return ["J1 sign coding undecided: no mid-sleep computed"];
      const sign = coding.coding === "positive = hours before midnight" ? -1 : 1;
      const rows = chronotypes(r.days, sign);
      const j2 = chronotypeVsAcrophase(rows);
      const alt = chronotypeVsAcrophase(chronotypes(r.days, sign, { freeDays: [5, 6] }));
      const msf = rows.flatMap((x) => (x.msfScHour === null ? [] : [x.msfScHour]));
      return [
        `${new Set(r.days.map((d) => d.id)).size} participants, ${r.days.length} days (Jang et al. 2024)`,
        `J1 wake 04:00–12:00: ${f3(coding.wakeShareBeforeMidnightCoding)} (positive = before midnight) vs ${f3(coding.wakeShareAfterMidnightCoding)} (after) of ${coding.nights} nights → ${coding.coding}`,
        `J2 ${j2.n} participants with enough nights; MSF_sc ${f2(Math.min(...msf))}–${f2(Math.max(...msf))} h; r(MSF_sc, HR acrophase) ${iv(j2)} → ${j2.verdict}`,
        `J2 sensitivity (free days = nights ending Friday or Saturday): r ${iv(alt)} (n ${alt.n})`,
      ];
    });
    return {
      name: "real data: sleep timing (Jang et al. 2024)",
      work: "43 participants × up to 402 days",
      seconds,
      figures,
    };
  },

  async "realdata-diary-flueckiger"() {
    const { seconds, figures } = await timed(async () => {
      const r = readDiaryDays(read("daily-flueckiger2014/0015_flueckiger_ts.tsv"));
      if (!r.ok) throw new Error("Flückiger file");
      const f1 = withinPersonLink(r.days);
      const links = personalLinks(r.days);
      const s = personalLinkSummary(links);
      const example = [...links].sort((a, b) => a.difference.estimate - b.difference.estimate)[
        Math.floor(links.length / 2)
      ];
      return [
        `${f1.people} people, ${f1.days} diary days (${f1.citation})`,
        `F1 pooled within-person r(activity, positive affect) ${iv(f1.r, f3)} → ${Math.abs(f1.r.estimate - 0.113) <= 0.005 ? "reproduces 0.113" : "does not reproduce 0.113"}; ${f1.agrees ? "agrees" : "disagrees"}`,
        `F2 ${s.people} people with ≥ 14 days: ${s.positive} with higher mood on active days, ${s.clearlyPositive} clearly (interval above 0), ${s.clearlyNegative} clearly lower`,
        `F2 the median person reads: "${example?.text ?? ""}"`,
      ];
    });
    return {
      name: "real data: diary (Flückiger et al. 2014)",
      work: "72 people × up to 32 days",
      seconds,
      figures,
    };
  },
};
