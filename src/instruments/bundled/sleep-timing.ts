import type { InstrumentDefinition, ScoreDefinition, SleepRoles } from "../definition.ts";

const ROLES: SleepRoles = {
  workdaysPerWeek: "sleep_workdays",
  workBedtime: "sleep_work_bedtime",
  workLatencyMin: "sleep_work_latency",
  workWake: "sleep_work_wake",
  freeBedtime: "sleep_free_bedtime",
  freeLatencyMin: "sleep_free_latency",
  freeWake: "sleep_free_wake",
  alarmOnFreeDays: "sleep_free_alarm",
};

const MCTQ_SOURCE =
  "Roenneberg, Wirz-Justice & Merrow 2003, J Biol Rhythms 18:80–90; formulas as in the rOpenSci mctq package";

const timing = (
  id: string,
  label: string,
  output: Extract<ScoreDefinition, { kind: "sleep_timing" }>["output"],
  unit: string,
  primary = false,
): ScoreDefinition => ({
  kind: "sleep_timing",
  id,
  label,
  output,
  unit,
  higherIs: "neither",
  roles: ROLES,
  ...(primary ? { primary: true } : {}),
  note: MCTQ_SOURCE,
});

/**
 * Sleep timing in our own words (factual times only), from which the MCTQ computations give the
 * chronotype (mid-sleep on free days corrected for sleep debt) and social jet lag. "MCTQ-derived",
 * not the MCTQ: the wording is ours and has not been validated.
 */
export const SLEEP_TIMING: InstrumentDefinition = {
  id: "sleep_timing",
  version: "1.0.0",
  title: "Sleep timing (MCTQ-derived chronotype and social jet lag)",
  shortTitle: "Sleep timing",
  kind: "own_measure",
  validated: false,
  purpose: "Chronotype (when your body prefers to sleep) and social jet lag (workday vs free-day shift)",
  instructions:
    "Think about a normal recent week. Workdays are days with a fixed start time (work, study, caring); " +
    "free days are days when you can sleep as long as you like. Use the 24-hour clock, e.g. 23:30.",
  citation: MCTQ_SOURCE,
  licence: {
    status: "own_work",
    holder: "dopamap contributors",
    notice: "Wording © dopamap contributors, MIT licence. Computations after Roenneberg et al. 2003 (MCTQ).",
    shipWording: true,
    terms: "MIT licence, like the rest of dopamap.",
  },
  optionSets: {},
  items: [
    {
      id: "sleep_workdays",
      number: 1,
      text: "On how many days a week do you work or otherwise have to get up at a fixed time?",
      response: { kind: "integer", min: 0, max: 7, unit: "days" },
    },
    {
      id: "sleep_work_bedtime",
      number: 2,
      text: "On workdays, at what time are you ready to fall asleep (lights out)?",
      response: { kind: "time" },
    },
    {
      id: "sleep_work_latency",
      number: 3,
      text: "On workdays, how many minutes does it usually take you to fall asleep?",
      response: { kind: "integer", min: 0, max: 240, unit: "minutes" },
    },
    {
      id: "sleep_work_wake",
      number: 4,
      text: "On workdays, at what time do you wake up?",
      response: { kind: "time" },
    },
    {
      id: "sleep_free_bedtime",
      number: 5,
      text: "On free days, at what time are you ready to fall asleep (lights out)?",
      response: { kind: "time" },
    },
    {
      id: "sleep_free_latency",
      number: 6,
      text: "On free days, how many minutes does it usually take you to fall asleep?",
      response: { kind: "integer", min: 0, max: 240, unit: "minutes" },
    },
    {
      id: "sleep_free_wake",
      number: 7,
      text: "On free days, at what time do you wake up (without an alarm, if you can)?",
      response: { kind: "time" },
    },
    {
      id: "sleep_free_alarm",
      number: 8,
      text: "Do you usually use an alarm to wake up on free days?",
      response: { kind: "boolean" },
    },
  ],
  scores: [
    timing(
      "msf_sc",
      "Chronotype: mid-sleep on free days, corrected for sleep debt",
      "msf_sc",
      "hour of day",
      true,
    ),
    timing("sjl", "Social jet lag", "sjl", "hours"),
    timing(
      "sjl_relative",
      "Social jet lag, signed (free-day minus workday mid-sleep)",
      "sjl_relative",
      "hours",
    ),
    timing("sd_week", "Average sleep per night over the week", "sd_week", "hours"),
  ],
  rules: [],
  simulation: { trait: "none", sign: 1, loading: 1, offset: 0, spacing: 1 },
  notes: [
    "No fixed chronotype categories exist; MSF_sc should be compared with age- and sex-matched norms.",
    "With an alarm on free days the chronotype is not computable (MCTQ rule).",
  ],
};
