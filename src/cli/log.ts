import { randomUUID } from "node:crypto";
import type { Command } from "commander";
import { LOCAL_PERSON_ID } from "../app/index.ts";
import type { CheckIn, PersonLog } from "../model/records/index.ts";
import { cliNow } from "./clock.ts";
import { CliError, EXIT_FAILURE } from "./errors.ts";
import { invokeLocal, openLocalStore } from "./serve.ts";

interface LogFlags {
  anticipated?: string;
  experienced?: string;
  minutes?: string;
  notStarted?: boolean;
  worry?: string;
  mood?: string;
  cue?: boolean;
  commitment?: boolean;
  microDose?: boolean;
  plannedMin?: string;
  date?: string;
  hour?: string;
  data?: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const rating = (s: string | undefined) => (s === undefined ? undefined : Number(s));

function localNow(d: Date): { date: string; hour: number } {
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, hour: d.getHours() };
}

/** The instant of a local date and hour, in UTC, using this machine's time zone. */
function instantOf(date: string, hour: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const t = new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1, hour, 0, 0);
  return Number.isNaN(t.getTime()) ? `${date}T${pad(hour)}:00:00Z` : t.toISOString();
}

function activityOf(log: PersonLog, id: string) {
  const a = log.activities.find((x) => x.id === id);
  if (!a)
    throw new CliError({
      code: "not_found",
      message: `activity: unknown activity ${id}`,
      path: ["activity"],
      allowed: log.activities.map((x) => x.id),
    });
  return a;
}

/** `dopamap log` and `dopamap urge`: check-ins and urge episodes into the local database. */
export function registerLog(program: Command): void {
  program
    .command("log <activity>")
    .description(
      "record a check-in: before (your expectation) and again after (minutes, how it felt); the two make one entry",
    )
    .option("--anticipated <0-10>", "how much you expect to enjoy it")
    .option("--experienced <0-10>", "how much you enjoyed it (after)")
    .option("--minutes <n>", "minutes done (after)")
    .option("--not-started", "it did not happen this time")
    .option("--worry <0-10>", "worry before")
    .option("--mood <0-10>", "mood")
    .option("--cue", "an environment cue was in place")
    .option("--commitment", "a social commitment was in place")
    .option("--micro-dose", "a micro-dose step (a few minutes)")
    .option("--planned-min <n>", "minutes planned (default: the activity's usual duration)")
    .option("--date <YYYY-MM-DD>", "the planned day (default: today)")
    .option("--hour <0-23>", "the planned hour (default: this hour)")
    .option("--data <dir>", "data folder of the local database")
    .action(async (activityId: string, f: LogFlags) => {
      const now = localNow(cliNow());
      const date = f.date ?? now.date;
      const hour = f.hour === undefined ? now.hour : Number(f.hour);
      const store = await openLocalStore(f.data);
      try {
        const log = await store.readLog(LOCAL_PERSON_ID);
        const activity = activityOf(log, activityId);
        const id = `c-${date}T${pad(hour)}-${activityId}`;
        const existing = log.checkIns.find((c) => c.id === id);
        const after = f.experienced !== undefined || f.minutes !== undefined;
        if (existing?.started && !after) {
          const felt = existing.experienced === null ? "" : `, felt ${existing.experienced}/10`;
          throw new CliError(
            {
              code: "conflict",
              message: `${activity.name} on ${date} at ${pad(hour)}:00 is already recorded as done (${existing.minutesDone ?? 0} min${felt}), so a rating before it${f.notStarted ? " or --not-started" : ""} no longer fits that entry; for another time that day pass --hour, or correct the after rating with --minutes and --experienced`,
              path: [f.notStarted ? "notStarted" : "anticipated"],
            },
            EXIT_FAILURE,
          );
        }
        const checkIn: Record<string, unknown> = {
          ...(existing ?? {}),
          id,
          activityId,
          localDate: date,
          localHour: hour,
          at: existing?.at ?? instantOf(date, hour),
          plannedMin: existing?.plannedMin ?? (f.plannedMin ? Number(f.plannedMin) : activity.durationMin),
          scaffolding: existing?.scaffolding ?? {
            environmentCue: f.cue ?? false,
            commitment: f.commitment ?? false,
            microDose: f.microDose ?? false,
          },
          anticipated: rating(f.anticipated) ?? existing?.anticipated ?? null,
          worry: rating(f.worry) ?? existing?.worry ?? null,
          mood: rating(f.mood) ?? existing?.mood ?? null,
          started: after && !f.notStarted,
          ...(after && !f.notStarted
            ? { minutesDone: Number(f.minutes ?? 0), experienced: rating(f.experienced) ?? null }
            : {}),
        } satisfies Partial<Record<keyof CheckIn, unknown>>;
        const r = (await invokeLocal(store, "checkin/record", checkIn)) as { outcome: string };
        const what = after && !f.notStarted ? "after" : f.notStarted ? "not started this time" : "before";
        process.stdout.write(`Saved (${what}; ${r.outcome}): ${activity.name}, ${date} ${pad(hour)}:00.\n`);
        if (!after && !f.notStarted)
          process.stdout.write(
            `When you have done it: dopamap log ${activityId} --minutes N --experienced 0-10 --date ${date} --hour ${hour}\n`,
          );
      } finally {
        await store.close();
      }
    });

  program
    .command("urge <activity>")
    .description("record an urge (a drink, an app, a bet): how strong, and whether you acted or resisted")
    .requiredOption("--strength <0-10>", "how strong the pull was")
    .option("--acted", "you acted on it")
    .option("--resisted", "you resisted it")
    .option("--minutes <n>", "minutes, if you acted")
    .option("--liking <0-10>", "how much you liked it, if you acted")
    .option("--cue <text>", "what set it off")
    .option("--data <dir>", "data folder of the local database")
    .action(
      async (
        activityId: string,
        f: {
          strength: string;
          acted?: boolean;
          resisted?: boolean;
          minutes?: string;
          liking?: string;
          cue?: string;
          data?: string;
        },
      ) => {
        if (f.acted === f.resisted)
          throw new CliError({
            code: "invalid_input",
            message: "--acted or --resisted: give exactly one",
            path: ["acted"],
          });
        const store = await openLocalStore(f.data);
        try {
          activityOf(await store.readLog(LOCAL_PERSON_ID), activityId);
          const d = cliNow();
          const now = localNow(d);
          await invokeLocal(store, "urge/record", {
            id: `u-${randomUUID()}`,
            activityId,
            localDate: now.date,
            localHour: now.hour,
            at: d.toISOString(),
            cue: f.cue ?? "",
            strength: Number(f.strength),
            acted: Boolean(f.acted),
            ...(f.acted ? { minutes: Number(f.minutes ?? 0), liking: rating(f.liking) ?? null } : {}),
          });
          process.stdout.write(
            f.acted
              ? "Saved. Noticing the pull is the first step; the rescue (dopamap rescue) has a next one.\n"
              : "Saved: resisted. Each urge that passes without the reward weakens the loop.\n",
          );
        } finally {
          await store.close();
        }
      },
    );
}
