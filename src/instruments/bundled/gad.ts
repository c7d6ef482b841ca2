import type { InstrumentDefinition } from "../definition.ts";
import { DIFFICULTY_TEXT, PFIZER_NOTICE, PHQ_DIFFICULTY, PHQ_FREQUENCY } from "./common.ts";

const GAD_LICENCE = {
  status: "free_with_notice",
  holder: "Pfizer Inc.",
  notice: PFIZER_NOTICE,
  shipWording: true,
  terms:
    "No permission required to reproduce, translate, display or distribute. Do not alter the wording or anchors.",
  sourceUrl: "https://www.phqscreeners.com",
} as const;

const GAD_INSTRUCTIONS = "Over the last 2 weeks, how often have you been bothered by the following problems?";

/** GAD-7 items: exact wording and LOINC codes. */
const GAD7_ITEMS: readonly [string, string][] = [
  ["Feeling nervous, anxious, or on edge", "69725-0"],
  ["Not being able to stop or control worrying", "68509-9"],
  ["Worrying too much about different things", "69733-4"],
  ["Trouble relaxing", "69734-2"],
  ["Being so restless that it is hard to sit still", "69735-9"],
  ["Becoming easily annoyed or irritable", "69689-8"],
  ["Feeling afraid, as if something awful might happen", "69736-7"],
];

const SPITZER_2006 = "Spitzer, Kroenke, Williams & Löwe 2006, Arch Intern Med 166:1092–1097";
const KROENKE_2007 = "Kroenke, Spitzer, Williams, Monahan & Löwe 2007, Ann Intern Med 146:317–325";

/**
 * LOINC codes GAD-7 item 2's "More than half the days" as LA18938-3 ("More days than not"), as
 * LOINC's own panel, LHC-Forms, the HL7 PHR IG and the MII PRO IG do; the person sees the validated
 * wording. Our coding follows them so other systems read the answer.
 */
const GAD_ITEM2_CODES = [{ value: 2, loinc: "LA18938-3", display: "More days than not" }];

const gadItem = (prefix: string, i: number) => {
  const [text, loinc] = GAD7_ITEMS[i] as [string, string];
  return {
    id: `${prefix}_${i + 1}`,
    number: i + 1,
    text,
    loinc,
    response: { kind: "choice" as const, optionSet: "frequency" },
    ...(i === 1 ? { answerCodes: GAD_ITEM2_CODES } : {}),
  };
};

/** GAD-7, with the GAD-2 (items 1–2) as a subscale. */
export const GAD7: InstrumentDefinition = {
  id: "gad7",
  version: "1.0.0",
  title: "Generalized Anxiety Disorder-7 (GAD-7)",
  shortTitle: "GAD-7",
  kind: "published",
  validated: true,
  purpose: "Anxiety symptoms over the last two weeks",
  instructions: GAD_INSTRUCTIONS,
  loinc: "69737-5",
  citation: `${SPITZER_2006}: A brief measure for assessing generalized anxiety disorder: the GAD-7.`,
  licence: GAD_LICENCE,
  optionSets: { frequency: PHQ_FREQUENCY, difficulty: PHQ_DIFFICULTY },
  items: [
    ...GAD7_ITEMS.map((_, i) => gadItem("gad7", i)),
    {
      id: "gad7_8",
      number: 8,
      text: DIFFICULTY_TEXT,
      response: { kind: "choice", optionSet: "difficulty" },
      scored: false,
      required: false,
      askedWhen: { anyOf: GAD7_ITEMS.map((_, i) => `gad7_${i + 1}`), above: 0 },
    },
  ],
  scores: [
    {
      kind: "sum",
      id: "total",
      label: "GAD-7 total",
      primary: true,
      loinc: "70274-6",
      higherIs: "worse",
      unit: "points",
      items: GAD7_ITEMS.map((_, i) => `gad7_${i + 1}`),
      range: [0, 21],
      bandSets: [
        {
          id: "spitzer_2006",
          source: SPITZER_2006,
          informal: false,
          bands: [
            { min: 0, max: 4, label: "minimal" },
            { min: 5, max: 9, label: "mild" },
            { min: 10, max: 14, label: "moderate" },
            { min: 15, max: 21, label: "severe" },
          ],
        },
      ],
      cutoffs: [
        {
          id: "screen_positive",
          label: "at or above the usual screening cut-off",
          comparison: ">=",
          threshold: 10,
          source: SPITZER_2006,
        },
      ],
    },
    {
      kind: "sum",
      id: "gad2",
      label: "GAD-2 (items 1–2)",
      higherIs: "worse",
      unit: "points",
      items: ["gad7_1", "gad7_2"],
      range: [0, 6],
      cutoffs: [
        { id: "positive", label: "GAD-2 positive", comparison: ">=", threshold: 3, source: KROENKE_2007 },
      ],
    },
  ],
  rules: [],
  simulation: { trait: "anxiety", sign: 1, loading: 0.8, offset: 0.7, spacing: 1 },
  notes: [
    'The zero anchor is "Not at all" (not "Not at all sure": Zorowitz et al. 2021, Lancet Psychiatry 8:180).',
    "Item 8 (difficulty) is not scored. No prorating.",
  ],
};

/** GAD-2: GAD-7 items 1–2; a positive result (≥3) leads on to the GAD-7. */
export const GAD2: InstrumentDefinition = {
  id: "gad2",
  version: "1.0.0",
  title: "Generalized Anxiety Disorder-2 (GAD-2)",
  shortTitle: "GAD-2",
  kind: "published",
  validated: true,
  purpose: "Brief first step for anxiety symptoms over the last two weeks",
  instructions: GAD_INSTRUCTIONS,
  citation: `${KROENKE_2007}: Anxiety disorders in primary care.`,
  licence: GAD_LICENCE,
  optionSets: { frequency: PHQ_FREQUENCY },
  items: [0, 1].map((i) => gadItem("gad2", i)),
  scores: [
    {
      kind: "sum",
      id: "total",
      label: "GAD-2 total",
      primary: true,
      higherIs: "worse",
      unit: "points",
      items: ["gad2_1", "gad2_2"],
      range: [0, 6],
      bandSets: [
        {
          id: "kroenke_2007",
          source: KROENKE_2007,
          informal: false,
          bands: [
            { min: 0, max: 2, label: "negative" },
            { min: 3, max: 6, label: "positive" },
          ],
        },
      ],
      cutoffs: [
        { id: "positive", label: "GAD-2 positive", comparison: ">=", threshold: 3, source: KROENKE_2007 },
      ],
    },
  ],
  rules: [
    {
      id: "positive_leads_to_gad7",
      when: { kind: "cutoff_met", score: "total", cutoff: "positive" },
      effect: {
        kind: "suggest_instrument",
        instrument: "gad7",
        message: "Please go on to the full GAD-7 (five more questions) so the picture is complete.",
      },
      source: KROENKE_2007,
    },
  ],
  simulation: { trait: "anxiety", sign: 1, loading: 0.8, offset: 0.7, spacing: 1 },
  notes: [
    "No LOINC panel or total code for the GAD-2 was found; the item codes are those of GAD-7 items 1–2.",
  ],
};
