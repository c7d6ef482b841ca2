import { mkdirSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline/promises";
import Table from "cli-table3";
import type { Command } from "commander";
import { LOCAL_PERSON_ID, registry } from "../app/index.ts";
import type { CrisisResources, InstrumentDefinition } from "../instruments/index.ts";
import { flagsFrom, run } from "./call.ts";
import { cliNowIso } from "./clock.ts";
import { CliError, EXIT_FAILURE } from "./errors.ts";
import { openLocalStore } from "./serve.ts";

const DISCLAIMER = "A screening result, not a diagnosis. dopamap is a self-help and research tool.";

const request = <T>(name: string, input: unknown, flagFor: Record<string, string> = {}): Promise<T> =>
  run<T>(name, input, {}, { flagOf: flagsFrom(flagFor) });

/** Crisis resources, printed at once; `prominent` when an answer of 2–3 raised them. */
export function formatResources(res: CrisisResources, prominent: boolean): string {
  const bar = prominent ? "!".repeat(72) : "-".repeat(72);
  const lines = [
    bar,
    prominent
      ? "PLEASE READ: you are not alone, and help is available right now."
      : "Support is available right now.",
    res.emergencyPrompt,
    ...res.contacts.map((c) => `  ${c.name}: ${c.action}  (${c.links.map((l) => l.href).join(", ")})`),
    res.clinicianPrompt,
    `(resources for ${res.region}; last verified ${res.lastVerified}; "dopamap crisis" shows them again at any time)`,
    bar,
  ];
  return `${lines.join("\n")}\n`;
}

/** Where assessment results are saved for the map to read: the data folder, as the server uses. */
export function dataDir(flag?: string): string {
  return (
    flag ??
    process.env.DOPAMAP_DATA_DIR ??
    join(process.env.XDG_DATA_HOME ?? join(homedir(), ".local", "share"), "dopamap")
  );
}

interface ScoreOut {
  score: {
    total: { value: number | null } | null;
    band: { label: string; source: string } | null;
    flags: { kind: string; message: string; suggestedInstrument?: string }[];
    complete: boolean;
    missingItems: string[];
  };
  summary: string[];
  resources: CrisisResources | null;
}

function printScore(out: ScoreOut): void {
  process.stdout.write(`${out.summary.join("\n")}\n`);
  for (const f of out.score.flags)
    if (f.kind !== "crisis" && !out.summary.some((line) => line.includes(f.message)))
      process.stdout.write(`- ${f.message}\n`);
  if (out.resources) process.stdout.write(formatResources(out.resources, true));
  process.stdout.write(`${DISCLAIMER}\n`);
}

export function registerInstruments(program: Command): void {
  program
    .command("instruments")
    .description("bundled questionnaires, their licence status and whether their wording is present")
    .option("--json", "print JSON")
    .option("--fhir <id>", "print one instrument as a FHIR R4 Questionnaire")
    .action(async (flags: { json?: boolean; fhir?: string }) => {
      if (flags.fhir) {
        const q = await request(
          "instruments/fhir-questionnaire",
          { instrument: flags.fhir },
          { instrument: "--fhir" },
        );
        return void process.stdout.write(`${JSON.stringify(q, null, 2)}\n`);
      }
      const rows = await request<Record<string, unknown>[]>("instruments/list", {});
      if (flags.json) return void process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      const t = new Table({
        head: ["id", "title", "items", "licence", "wording", "validated"],
        style: { head: [], border: [] },
      });
      for (const r of rows)
        t.push(
          [
            r.id,
            r.shortTitle,
            r.itemCount,
            r.licenceStatus,
            r.wording,
            r.validated ? "yes" : "no (own screener)",
          ].map(String),
        );
      process.stdout.write(
        `${t.toString()}\nWording marked "placeholder" needs the licence holder's permission: load it with an instrument pack (see src/instruments/PACKS.md).\n`,
      );
    });

  program
    .command("crisis")
    .description("crisis resources for your region, available offline")
    .option("--region <code>", "US, GB, IE, CA, AU, NZ (anything else: international directory)")
    .action(async (flags: { region?: string }) => {
      const res = await request<CrisisResources>(
        "crisis/resources",
        flags.region ? { region: flags.region } : {},
      );
      process.stdout.write(formatResources(res, false));
    });

  program
    .command("score")
    .description("score a questionnaire non-interactively")
    .argument("<instrument>", "instrument id (see `dopamap instruments`)")
    .requiredOption("--answers <values>", "answers in item order, comma-separated (e.g. 1,0,2,…)")
    .option("--region <code>", "region for crisis resources")
    .option("--sex <sex>", "female or male, where cut-offs differ (AUDIT-C)")
    .option("--json", "print JSON")
    .option("--fhir", "print a FHIR R4 QuestionnaireResponse instead")
    .action(
      async (
        instrument: string,
        flags: { answers: string; region?: string; sex?: string; json?: boolean; fhir?: boolean },
      ) => {
        const answers = flags.answers.split(",").map((a) => {
          const t = a.trim();
          return t === "" ? null : /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
        });
        if (flags.fhir) {
          const resource = await request(
            "instruments/fhir-response",
            { instrument, answers, at: cliNowIso() },
            { answers: "--answers" },
          );
          return void process.stdout.write(`${JSON.stringify(resource, null, 2)}\n`);
        }
        const out = await request<ScoreOut>(
          "instruments/score",
          {
            instrument,
            answers,
            at: cliNowIso(),
            ...(flags.region ? { region: flags.region } : {}),
            ...(flags.sex ? { sex: flags.sex } : {}),
          },
          { answers: "--answers", sex: "--sex", region: "--region", instrument: "instrument" },
        );
        if (flags.json) return void process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        printScore(out);
      },
    );

  program
    .command("assess")
    .description(
      "answer questionnaires one question at a time (b = back, s = skip where allowed, q = quit); each answer is stored at once in the local database",
    )
    .argument(
      "[instruments...]",
      "instrument ids (default: phq2, gad2, audit_c, sleep_timing, pattern_screener)",
    )
    .option("--region <code>", "region for crisis resources")
    .option("--data <dir>", "data folder (default $DOPAMAP_DATA_DIR or ~/.local/share/dopamap)")
    .option("--out <file>", "also save the results to this file (default: the data folder's assessments/)")
    .action(async (ids: string[], flags: { region?: string; data?: string; out?: string }) => {
      await assess(ids.length ? ids : ["phq2", "gad2", "audit_c", "sleep_timing", "pattern_screener"], flags);
    });
}

async function assess(ids: string[], flags: { region?: string; data?: string; out?: string }): Promise<void> {
  const store = await openLocalStore(flags.data);
  const ctx = { store, personId: LOCAL_PERSON_ID, now: cliNowIso };
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (q: string): Promise<string | null> => {
    process.stdout.write(q);
    const next = await lines.next();
    return next.done ? null : next.value.trim();
  };
  const results: Record<string, unknown>[] = [];
  const crisisEvents: Record<string, unknown>[] = [];
  const queue = [...ids];
  const save = () => {
    const file =
      flags.out ??
      join(dataDir(flags.data), "assessments", `assessment-${cliNowIso().replaceAll(":", "-")}.json`);
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify({ version: 1, results, crisisEvents }, null, 2)}\n`);
    } catch (e) {
      throw new CliError(
        { code: "io_error", message: `cannot save results to ${file}: ${(e as Error).message}` },
        EXIT_FAILURE,
      );
    }
    process.stdout.write(`\nSaved to ${file}\n`);
  };
  try {
    while (queue.length) {
      const id = queue.shift()!;
      const def = await request<InstrumentDefinition>("instruments/get", { instrument: id });
      if (def.items.some((i) => i.text === null))
        throw new CliError({
          code: "wording_not_available",
          message: `${def.shortTitle}: its wording needs the licence holder's permission; load an instrument pack (src/instruments/PACKS.md)`,
        });
      process.stdout.write(`\n${def.title}\n${def.instructions ?? ""}\n`);
      const answers: Record<string, unknown> = {};
      const responseId = `${def.id}-${cliNowIso().replaceAll(":", "-")}`;
      let i = 0;
      while (i < def.items.length) {
        const item = def.items[i]!;
        const options =
          item.response.kind === "choice" ? (def.optionSets[item.response.optionSet] ?? []) : [];
        const hint =
          item.response.kind === "choice"
            ? options.map((o) => `  ${o.value} = ${o.text}`).join("\n")
            : item.response.kind === "time"
              ? "  (a time, HH:MM)"
              : item.response.kind === "integer"
                ? `  (a number, ${item.response.min}–${item.response.max} ${item.response.unit})`
                : "  (y or n)";
        const raw = await ask(`\n${item.number}. ${item.text}\n${hint}\n> `);
        if (raw === null || raw === "q") {
          process.stdout.write("\nStopped. Answers given so far were already checked for safety.\n");
          if (Object.keys(answers).length)
            results.push({ instrument: def.id, version: def.version, answers, complete: false });
          save();
          return;
        }
        if (raw === "b") {
          i = Math.max(0, i - 1);
          continue;
        }
        if (raw === "s") {
          if (item.required === false) i++;
          else
            process.stdout.write("This question is needed for the score; please answer it (or q to stop).\n");
          continue;
        }
        const value =
          item.response.kind === "boolean"
            ? /^y/i.test(raw)
            : item.response.kind === "time"
              ? raw
              : Number(raw);
        const r = await registry.invoke(
          "assessment/answer",
          {
            responseId,
            instrument: def.id,
            item: item.id,
            value,
            at: cliNowIso(),
            ...(flags.region ? { region: flags.region } : {}),
          },
          ctx,
        );
        if (!r.ok) {
          process.stdout.write(`${r.error.message}\n`);
          continue;
        }
        answers[item.id] = value;
        const ev = r.value as {
          crisis?: Record<string, unknown>;
          resources?: CrisisResources;
          presentation: string;
        };
        if (ev.crisis && ev.resources) {
          crisisEvents.push(ev.crisis);
          process.stdout.write(formatResources(ev.resources, ev.presentation === "prominent"));
        }
        i++;
      }
      const out = await request<ScoreOut & { crisis: unknown[] }>("instruments/score", {
        instrument: def.id,
        answers,
        at: cliNowIso(),
        ...(flags.region ? { region: flags.region } : {}),
      });
      await registry.invoke("assessment/submit", { responseId, instrument: def.id, at: cliNowIso() }, ctx);
      process.stdout.write("\n");
      printScore(out);
      results.push({
        instrument: def.id,
        version: def.version,
        answers,
        score: out.score,
        complete: out.score.complete,
      });
      for (const f of out.score.flags)
        if (f.suggestedInstrument && !queue.includes(f.suggestedInstrument)) {
          const yes = await ask(`\nContinue with the next questionnaire (${f.suggestedInstrument})? [Y/n] `);
          if (yes === null || !/^n/i.test(yes)) queue.unshift(f.suggestedInstrument);
        }
    }
    save();
  } finally {
    rl.close();
    await store.close();
  }
}
