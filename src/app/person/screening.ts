import { getInstrument, type ResponseScore } from "../../instruments/index.ts";
import type { ScreeningScores } from "../../profile/index.ts";
import type { ScoreSeries } from "../../report/index.ts";

/** A scored questionnaire as `assessment/submit` stores it. */
interface StoredAssessment {
  readonly instrumentId: string;
  readonly score: ResponseScore;
}

/** Scores of the completed questionnaires, oldest first, one series per instrument. */
export function scoreSeries(entries: readonly { at: string; data: unknown }[]): ScoreSeries[] {
  const by = new Map<string, { at: string; score: ResponseScore }[]>();
  for (const e of entries) {
    const a = e.data as StoredAssessment;
    if (!a?.score?.total || a.score.total.value === null) continue;
    by.set(a.instrumentId, [...(by.get(a.instrumentId) ?? []), { at: e.at, score: a.score }]);
  }
  return [...by.entries()].map(([id, rows]) => {
    const def = getInstrument(id);
    const score = def.ok ? def.value.scores.find((s) => s.id === rows[0]!.score.total!.id) : undefined;
    const bandSet = score && "bandSets" in score ? score.bandSets?.[0] : undefined;
    const range = rows[0]!.score.total!.range;
    return {
      instrumentId: id,
      title: rows[0]!.score.title,
      points: rows.map((r) => ({ at: r.at, value: r.score.total!.value!, band: r.score.total!.band })),
      ...(range ? { range } : {}),
      bands: bandSet?.bands ?? [],
      bandSource: bandSet?.source ?? null,
      bandsInformal: bandSet?.informal ?? false,
    };
  });
}

/** The latest screening totals the map reads (PHQ-9, GAD-7, AUDIT-C, PSS-10). */
export function screeningFrom(series: readonly ScoreSeries[]): ScreeningScores {
  const last = (id: string) => series.find((s) => s.instrumentId === id)?.points.at(-1)?.value;
  const pick = { phq9: last("phq9"), gad7: last("gad7"), auditC: last("audit_c"), pss10: last("pss10") };
  return Object.fromEntries(Object.entries(pick).filter(([, v]) => v !== undefined)) as ScreeningScores;
}

/**
 * Whether screening recommends professional help, and why: the latest scored form of any
 * instrument carries the flag (a PHQ-9 of 20 or more, an AUDIT-C at or above its cut-off). Null
 * when none does. The one rule for the map, the plan, progress and the report.
 */
export function professionalHelpFrom(entries: readonly { data: unknown }[]): { reason: string } | null {
  const latest = new Map<string, ResponseScore>();
  for (const e of entries) {
    const a = e.data as StoredAssessment;
    if (a?.score) latest.set(a.instrumentId, a.score);
  }
  const reasons: string[] = [];
  for (const s of latest.values())
    if (s.flags.some((f) => f.kind === "recommend_professional_help")) {
      const def = getInstrument(s.instrumentId);
      reasons.push(`${def.ok ? def.value.shortTitle : s.title} total ${s.total?.value ?? "high"}`);
    }
  return reasons.length ? { reason: `Your screening answers: ${reasons.join("; ")}` } : null;
}
