import { writeFileSync } from "node:fs";
import Table from "cli-table3";
import type { Command } from "commander";
import type { PlanCharts, PlanReport, ProgressReport, TodayReport } from "../app/plan/commands.ts";
import { type ChartSpec, renderSvgDocument } from "../charts/index.ts";
import { clockHour } from "../plan/index.ts";
import type { StartRescue, UrgeRescue } from "../track/index.ts";
import { run } from "./call.ts";
import { cliNow } from "./clock.ts";
import { readJsonFile } from "./files.ts";
import { formatResources } from "./instruments.ts";

/** The charts a command returned, in order, leaving out those with nothing to draw yet (null). */
const chartsOf = (charts: object): ChartSpec[] =>
  Object.values(charts).filter((c): c is ChartSpec => c !== null && c !== undefined);

import { basisNote } from "./fit.ts";
import { type LogSource, withPerson } from "./local-data.ts";

const DISCLAIMER = "dopamap is a self-help and research tool, not a diagnosis.";
const pct = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? "–" : `${Math.round(x * 100)} %`;

const base = (source: LogSource, flags: { map?: string; seed?: string; draws?: string }) => ({
  ...source,
  ...(flags.map ? { map: readJsonFile(flags.map) } : {}),
  ...(flags.seed ? { seed: Number(flags.seed) } : {}),
  ...(flags.draws ? { draws: Number(flags.draws) } : {}),
});

function localNow(d: Date): { localDate: string; localHour: number; localMinute: number } {
  const p = (n: number) => String(n).padStart(2, "0");
  return {
    localDate: `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`,
    localHour: d.getHours(),
    localMinute: d.getMinutes(),
  };
}

function printPlan(r: PlanReport): void {
  const { plan } = r;
  const lines: string[] = [];
  if (r.assumedMap)
    lines.push(
      "No pattern stands out in your records and answers yet: assuming an anticipatory deficit with a 09:00 peak (or pass --map).",
    );
  for (const c of plan.general.filter((g) => g.kind === "professionalHelp"))
    lines.push(`>> ${c.title}: ${c.text}`);
  lines.push(
    `Primary pattern: ${plan.primary}${plan.secondary.length ? `; also ${plan.secondary.join(", ")}` : ""}`,
  );
  for (const a of plan.activities) {
    lines.push("", `${a.name} at ${clockHour(a.hour)} (${a.timingReason})`);
    for (const c of a.components) {
      lines.push(`  - ${c.title}: ${c.text} [${c.rationale.grade}]`);
      for (const s of c.steps ?? []) lines.push(`      · ${s}`);
    }
  }
  const general = plan.general.filter((g) => g.kind !== "professionalHelp");
  if (general.length) lines.push("", "Across the plan:");
  for (const c of general) lines.push(`  - ${c.title}: ${c.text} [${c.rationale.grade}]`);
  process.stdout.write(`${lines.join("\n")}\n`);
  if (plan.selection) {
    const t = new Table({
      head: ["plan", "weeks 9–12 start rate", "95 % interval", "burden"],
      style: { head: [], border: [] },
    });
    for (const c of plan.selection.candidates)
      t.push([
        `${c.id === plan.selection.bestId ? "* " : ""}${c.label}`,
        pct(c.startRate.mean),
        `${pct(c.startRate.lo)}–${pct(c.startRate.hi)}`,
        c.burden,
      ]);
    process.stdout.write(`\n${t.toString()}\n${plan.selection.explanation}\n(${r.basis.drawsFrom})\n`);
  }
  const note = basisNote(r.basis);
  if (note) process.stdout.write(`${note}\n`);
  process.stdout.write(`${DISCLAIMER}\n`);
}

function printRescue(r: StartRescue | UrgeRescue): void {
  if (r.crisis) process.stdout.write(formatResources(r.crisis, true));
  const lines = [`${r.name}: right now`];
  if ("microStep" in r) lines.push(`  ${r.microStep}`, `  Two-minute version: ${r.twoMinute}`);
  else {
    lines.push(`  1. ${r.steps.delay}`, `  2. ${r.steps.cueRemoval}`, `  3. ${r.steps.substitute}`);
    if (r.doctorNote) lines.push(`  ${r.doctorNote}`);
  }
  if (r.evidence) lines.push(`  ${r.evidence}`);
  process.stdout.write(`${lines.join("\n")}\n${DISCLAIMER}\n`);
}

/** Registers `dopamap plan`, `today`, `rescue` and `progress`, on a PersonLog JSON file or the local database. */
export function registerPlan(program: Command): void {
  program
    .command("plan [log]")
    .description("the circuit-matched plan, simulated on your model against the alternatives")
    .option("--data <dir>", "data folder of the local database (when no log file is named)")
    .option(
      "--map <file>",
      "the map (JSON: primary, strengths, stressLoad, chronotypePeak, professionalHelp)",
    )
    .option("--ics <file>", "also write the plan as an iCalendar file with alarms")
    .option("--start <date>", "first day for --ics (YYYY-MM-DD; default today)")
    .option("--svg <file>", "write the plan's charts (day strip, forecast) as one SVG")
    .option("--draws <n>", "parameter draws for the selection (default 20)")
    .option("--seed <n>", "seed (default 1)")
    .option("--json", "print JSON")
    .action(async (file: string | undefined, flags: Record<string, string | boolean | undefined>) => {
      const f = flags as {
        data?: string;
        map?: string;
        ics?: string;
        start?: string;
        svg?: string;
        draws?: string;
        seed?: string;
        json?: boolean;
      };
      const { r, ics } = await withPerson(file, f, async (source, ctx) => ({
        r: await run<PlanReport & { charts: PlanCharts }>("plan/create", base(source, f), ctx),
        ics: f.ics
          ? await run<{ ics: string }>(
              "plan/ics",
              { ...base(source, f), draws: 0, startDate: f.start ?? localNow(cliNow()).localDate },
              ctx,
            )
          : null,
      }));
      if (f.ics && ics) writeFileSync(f.ics, ics.ics);
      if (f.svg) writeFileSync(f.svg, renderSvgDocument(chartsOf(r.charts)));
      if (f.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      else printPlan(r);
    });

  program
    .command("rescue <activity>")
    .description("I can't start (or can't stop) this: the matched micro-step now")
    .option("--data <dir>", "data folder of the local database (when no log file is named)")
    .option("--log <file>", "your log (PersonLog JSON; default: the local database)")
    .option("--map <file>", "the map (JSON)")
    .option("--unsafe", "I feel unsafe: show crisis resources first")
    .option("--region <code>", "region for crisis resources (US, GB, IE, CA, AU, NZ)")
    .option("--json", "print JSON")
    .action(
      async (
        activity: string,
        f: { log?: string; data?: string; map?: string; unsafe?: boolean; region?: string; json?: boolean },
      ) => {
        const r = await withPerson(f.log, f, (source, ctx) =>
          run<StartRescue | UrgeRescue>(
            "rescue/get",
            {
              ...source,
              ...(f.map ? { map: readJsonFile(f.map) } : {}),
              activityId: activity,
              unsafe: f.unsafe ?? false,
              ...(f.region ? { region: f.region } : {}),
            },
            ctx,
          ),
        );
        if (f.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        else printRescue(r);
      },
    );

  program
    .command("today [log]")
    .description("today's plan, and the micro-step for any planned time that passed with no start")
    .option("--data <dir>", "data folder of the local database (when no log file is named)")
    .option("--map <file>", "the map (JSON)")
    .option("--json", "print JSON")
    .action(async (file: string | undefined, f: { data?: string; map?: string; json?: boolean }) => {
      const r = await withPerson(file, f, (source, ctx) =>
        run<TodayReport>(
          "today/get",
          { ...source, ...(f.map ? { map: readJsonFile(f.map) } : {}), now: localNow(cliNow()) },
          ctx,
        ),
      );
      if (f.json) {
        process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        return;
      }
      for (const o of r.occurrences)
        process.stdout.write(
          `${clockHour(o.localHour)}  ${o.activityId}  ${o.plannedMin} min  ${o.status === "missing" ? "open" : o.status}\n`,
        );
      for (const x of r.rescues) printRescue(x);
      if (!r.rescues.length) process.stdout.write(`${DISCLAIMER}\n`);
    });

  program
    .command("progress [log]")
    .description("weekly start rate, Motivation Gap, anticipation gap, progression and the timeline")
    .option("--data <dir>", "data folder of the local database (when no log file is named)")
    .option("--map <file>", "the map (JSON)")
    .option("--svg <file>", "write the progress charts (timeline, gaps, parameters) as one SVG")
    .option("--json", "print JSON")
    .action(
      async (file: string | undefined, f: { data?: string; map?: string; svg?: string; json?: boolean }) => {
        const r = await withPerson(file, f, (source, ctx) =>
          run<ProgressReport>("progress/get", base(source, f), ctx),
        );
        if (f.svg) writeFileSync(f.svg, renderSvgDocument(chartsOf(r.charts)));
        if (f.json) {
          process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
          return;
        }
        const t = new Table({
          head: ["week", "planned", "started", "start rate", "Motivation Gap", "experienced − anticipated"],
          style: { head: [], border: [] },
        });
        for (const w of r.weeks)
          t.push([
            w.week,
            w.planned,
            w.started,
            pct(w.startRate),
            w.motivationGap,
            w.anticipationGap?.toFixed(1) ?? "–",
          ]);
        const bar = (x: number | null) => (x === null ? "" : "█".repeat(Math.round(x * 30)));
        const chart = r.weeks.map(
          (w) => `  w${String(w.week).padStart(2)} ${bar(w.startRate)} ${pct(w.startRate)}`,
        );
        const phases = r.timeline.phases.map((p) => `  weeks ${p.fromWeek}–${p.toWeek}: ${p.label}`);
        const prog = r.progression.map((p) => `  ${p.activityId}: ${p.message}`);
        const stall = r.timeline.stall
          ? [`Re-planning proposed: ${r.timeline.stall.reason}`, r.timeline.stall.proposal]
          : [];
        const help = r.professionalHelp
          ? [`>> ${r.professionalHelp.title}: ${r.professionalHelp.text}`, ""]
          : [];
        process.stdout.write(
          [
            ...help,
            t.toString(),
            "Start rate:",
            ...chart,
            "Framework timeline:",
            ...phases,
            "Progression:",
            ...prog,
            ...stall,
            DISCLAIMER,
          ].join("\n") + "\n",
        );
      },
    );
}
