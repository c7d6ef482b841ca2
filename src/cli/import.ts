import Table from "cli-table3";
import type { Command } from "commander";
import { LOCAL_PERSON_ID, registry } from "../app/index.ts";
import {
  CSV_ROLES,
  DATE_FORMATS,
  detectFormat,
  IMPORT_FORMATS,
  type ImportRowError,
  type PreviewRow,
} from "../import/index.ts";
import type { CrisisResources } from "../instruments/index.ts";
import { run } from "./call.ts";
import { cliNowIso } from "./clock.ts";
import { CliError, EXIT_INVALID } from "./errors.ts";
import { parseJsonText, readText } from "./files.ts";
import { formatResources } from "./instruments.ts";
import { openLocalStore } from "./serve.ts";

interface ImportFlags {
  format?: string;
  map?: string[];
  scale?: string[];
  dateFormat?: string;
  separator?: string;
  delimiter?: string;
  defaultHour?: string;
  tz?: string;
  moods?: string;
  exclude?: string;
  preview?: boolean;
  rows: string;
  skipBadRows?: boolean;
  json?: boolean;
  data?: string;
  fhir?: boolean;
  region?: string;
}

const invalid = (message: string, path: string, allowed?: readonly string[]) =>
  new CliError({
    code: "invalid_input",
    message,
    path: [path],
    ...(allowed ? { allowed: [...allowed] } : {}),
  });

/** `role=Column,role=Column` (repeatable) into a columns object; unknown roles name the allowed ones. */
function parseMap(items: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of items.flatMap((s) => s.split(","))) {
    const at = pair.indexOf("=");
    const role = pair.slice(0, at).trim();
    if (at < 1 || !(CSV_ROLES as readonly string[]).includes(role))
      throw invalid(`--map: "${pair}" is not role=Column`, "map", CSV_ROLES);
    out[role] = pair.slice(at + 1).trim();
  }
  return out;
}

/** `rating=1-5` / `mood=1-10` into scales. */
function parseScales(items: readonly string[]): {
  ratingScale?: { min: number; max: number };
  moodScale?: { min: number; max: number };
} {
  const out: Record<string, { min: number; max: number }> = {};
  for (const item of items) {
    const m = /^(rating|mood)=(-?\d+(?:\.\d+)?)-(-?\d+(?:\.\d+)?)$/.exec(item.trim());
    if (!m)
      throw invalid(`--scale: "${item}" is not rating=MIN-MAX or mood=MIN-MAX (e.g. rating=1-5)`, "scale", [
        "rating",
        "mood",
      ]);
    out[m[1] === "rating" ? "ratingScale" : "moodScale"] = { min: Number(m[2]), max: Number(m[3]) };
  }
  return out;
}

function parseMoods(s: string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const pair of (s ?? "").split(",").filter((x) => x.trim() !== "")) {
    const at = pair.lastIndexOf("=");
    const level = Number(pair.slice(at + 1));
    if (at < 1 || !Number.isInteger(level) || level < 1 || level > 5)
      throw invalid(
        `--moods: "${pair}" is not label=LEVEL with a level 1–5 (1 lowest, like awful; 5 like rad)`,
        "moods",
      );
    out[pair.slice(0, at).trim()] = level;
  }
  return out;
}

const cell = (v: unknown) => (v === null || v === undefined ? "" : String(v));

function previewTable(rows: readonly PreviewRow[]): string {
  const t = new Table({
    head: ["line", "date", "time", "activities", "started", "min", "antic.", "exper.", "mood", "note"],
    style: { head: [], border: [] },
    wordWrap: true,
    colWidths: [null, null, null, 28, null, null, null, null, null, 28],
  });
  for (const r of rows)
    t.push([
      r.line,
      r.localDate,
      r.time,
      r.activities.join(", "),
      r.started ? "yes" : "no",
      cell(r.minutesDone),
      cell(r.anticipated),
      cell(r.experienced),
      cell(r.mood),
      r.note.length > 60 ? `${r.note.slice(0, 57)}…` : r.note,
    ]);
  return t.toString();
}

const errorLines = (errors: readonly ImportRowError[]) =>
  errors.map((e) => `  line ${e.line}, ${e.field}: ${e.message}\n`).join("");

/** `dopamap import --fhir <file>`: questionnaires answered elsewhere, through the crisis rules, into the local database. */
async function importFhirFile(file: string, f: ImportFlags): Promise<void> {
  const resource = parseJsonText(readText(file), file);
  const store = await openLocalStore(f.data);
  try {
    const r = await run<{
      responses: {
        instrumentId: string;
        matchedBy: string;
        total: number | null;
        band: string | null;
        crisis: boolean;
        alreadyPresent: boolean;
        ignoredItems: string[];
      }[];
      written: number;
      crisis: CrisisResources | null;
    }>(
      "import/fhir",
      { resource, preview: f.preview === true, ...(f.region ? { region: f.region } : {}) },
      { store, personId: LOCAL_PERSON_ID, now: cliNowIso },
      { file },
    );
    // Crisis resources come first, whatever else is printed.
    if (r.crisis) process.stdout.write(formatResources(r.crisis, true));
    if (f.json) {
      process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      return;
    }
    for (const x of r.responses)
      process.stdout.write(
        `${x.instrumentId}: total ${x.total ?? "–"}${x.band ? ` (${x.band})` : ""}, matched by ${x.matchedBy}${x.alreadyPresent ? ", already imported" : ""}${x.ignoredItems.length ? `; items not read: ${x.ignoredItems.join(", ")}` : ""}\n`,
      );
    process.stdout.write(
      f.preview
        ? "Preview only: nothing was written.\n"
        : `Imported ${r.written} questionnaire(s) (${store.dialect}).\n`,
    );
  } finally {
    await store.close();
  }
}

/** `dopamap import <file>`: a CSV (with a column mapping) or a Daylio export into the local database. */
export function registerImport(program: Command): void {
  program
    .command("import <file>")
    .description(
      "import history from a CSV file (say which column is which with --map) or a Daylio export; --preview first shows what would be saved",
    )
    .option(
      "--format <format>",
      `${IMPORT_FORMATS.join(" or ")} (default: daylio when the header is Daylio's, else csv)`,
    )
    .option(
      "--map <role=Column,...>",
      `csv columns by role: ${CSV_ROLES.join(", ")} (date and activity required)`,
      (v: string, acc: string[] = []) => [...acc, v],
    )
    .option(
      "--scale <which=MIN-MAX>",
      "the file's scale for ratings or mood, rescaled to 0–10 (e.g. rating=1-5); repeatable",
      (v: string, acc: string[] = []) => [...acc, v],
    )
    .option("--date-format <format>", `how dates are written: ${DATE_FORMATS.join(", ")}`)
    .option("--separator <text>", "splits one activity cell into several (e.g. '|')")
    .option("--delimiter <char>", "field delimiter: , ; or tab (default: detected)")
    .option("--default-hour <0-23>", "hour for rows without a time (default 12)")
    .option(
      "--tz <zone>",
      "your time zone when the entries were made: IANA name or offset (default: this machine's)",
    )
    .option("--moods <label=LEVEL,...>", "Daylio custom mood labels on its 1–5 levels (e.g. sad=2,average=3)")
    .option("--exclude <name,...>", "activity names to leave out (e.g. 'bad sleep,tired')")
    .option("--preview", "show what would be saved and every unreadable row; write nothing")
    .option("--rows <n>", "rows in the preview", "20")
    .option(
      "--skip-bad-rows",
      "import the readable rows and list the rest (default: import nothing if any row is unreadable)",
    )
    .option("--json", "print JSON")
    .option("--data <dir>", "data folder of the local database")
    .option(
      "--fhir",
      "the file is FHIR R4 JSON: QuestionnaireResponses (alone, in a Bundle or an array), dopamap's or made elsewhere (read by LOINC codes)",
    )
    .option("--region <code>", "--fhir: region for crisis resources")
    .action(async (file: string, f: ImportFlags) => {
      if (f.fhir) return importFhirFile(file, f);
      const text = readText(file);
      const format = f.format ?? detectFormat(text);
      if (!(IMPORT_FORMATS as readonly string[]).includes(format))
        throw invalid(`--format: unknown format ${format}`, "format", IMPORT_FORMATS);
      const mapping =
        format === "csv" && f.map
          ? {
              columns: parseMap(f.map),
              ...parseScales(f.scale ?? []),
              ...(f.dateFormat ? { dateFormat: f.dateFormat } : {}),
              ...(f.separator ? { activitySeparator: f.separator } : {}),
              ...(f.delimiter ? { delimiter: f.delimiter === "tab" ? "\t" : f.delimiter } : {}),
              ...(f.defaultHour !== undefined ? { defaultHour: Number(f.defaultHour) } : {}),
            }
          : undefined;
      const input = {
        format,
        text,
        ...(mapping ? { mapping } : {}),
        timeZone: f.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? "UTC",
        exclude: (f.exclude ?? "")
          .split(",")
          .map((s) => s.trim())
          .filter((s) => s !== ""),
        moods: parseMoods(f.moods),
      };
      const store = await openLocalStore(f.data);
      const ctx = { store, personId: LOCAL_PERSON_ID, now: cliNowIso };
      const invoke = async (name: string, body: unknown) => {
        const r = await registry.invoke(name, body, ctx);
        if (r.ok) return r.value;
        if (r.error.code === "import_rows_invalid") {
          process.stderr.write(
            `Rows that cannot be read:\n${errorLines((r.error.issues ?? []).map((i) => ({ line: Number(i.path[0]), field: String(i.path[1]), message: i.message })))}`,
          );
          throw new CliError(
            {
              code: r.error.code,
              message: `${(r.error.issues ?? []).length} problem(s) in ${file}; nothing was imported. Fix those rows, or pass --skip-bad-rows to import the rest`,
            },
            EXIT_INVALID,
          );
        }
        throw new CliError(r.error, r.error.code === "invalid_input" ? EXIT_INVALID : 1);
      };
      try {
        if (f.preview || (format === "csv" && !mapping)) {
          const p = (await invoke("import/preview", { ...input, previewRows: Number(f.rows) })) as {
            headers: string[];
            suggestedMapping: Record<string, string>;
            customMoods: string[];
            needsMapping: boolean;
            preview: PreviewRow[];
            errors: ImportRowError[];
            summary: Record<string, unknown> | null;
          };
          if (p.needsMapping) {
            const suggested = Object.entries(p.suggestedMapping)
              .map(([k, v]) => `${k}=${v}`)
              .join(",");
            throw invalid(
              `--map: say which column is which; the file's columns are ${p.headers.join(", ")}${suggested ? ` (a guess: --map ${suggested})` : ""}`,
              "map",
              CSV_ROLES,
            );
          }
          if (f.json) {
            process.stdout.write(`${JSON.stringify(p, null, 2)}\n`);
            return;
          }
          const s = p.summary as {
            rows: number;
            readableRows: number;
            checkIns: number;
            notes: number;
            newActivities: string[];
            matchedActivities: string[];
            firstDate: string | null;
            lastDate: string | null;
          };
          process.stdout.write(`${previewTable(p.preview)}\n`);
          process.stdout.write(
            `${s.rows} rows, ${s.readableRows} readable (${s.firstDate ?? "–"} to ${s.lastDate ?? "–"}): ${s.checkIns} check-ins, ${s.notes} notes; new activities: ${s.newActivities.join(", ") || "none"}${s.matchedActivities.length ? `; matched to yours: ${s.matchedActivities.join(", ")}` : ""}\n`,
          );
          if (p.customMoods.length)
            process.stdout.write(
              `Custom mood labels (give each a level 1–5 with --moods): ${p.customMoods.join(", ")}\n`,
            );
          if (p.errors.length) process.stdout.write(`Rows that cannot be read:\n${errorLines(p.errors)}`);
          process.stdout.write("Preview only: nothing was written.\n");
          return;
        }
        const r = (await invoke("import/records", {
          ...input,
          onErrors: f.skipBadRows ? "skip" : "reject",
        })) as {
          written: { activities: number; checkIns: number; notes: number };
          alreadyPresent: number;
          skipped: ImportRowError[];
          summary: { newActivities: string[] };
        };
        if (f.json) {
          process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
          return;
        }
        process.stdout.write(
          `Imported ${r.written.checkIns} check-ins, ${r.written.activities} new activities, ${r.written.notes} notes (${store.dialect}); ${r.alreadyPresent} were already there.\n`,
        );
        if (r.skipped.length) process.stdout.write(`Skipped rows:\n${errorLines(r.skipped)}`);
        if (r.written.activities > 0)
          process.stdout.write(
            `New activities (${r.summary.newActivities.join(", ")}) start with default importance, novelty and effort: set yours with dopamap data activity/define.\n`,
          );
      } finally {
        await store.close();
      }
    });
}
