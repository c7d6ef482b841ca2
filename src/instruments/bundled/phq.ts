import type { InstrumentDefinition, ItemDefinition } from "../definition.ts";
import { DIFFICULTY_TEXT, PFIZER_NOTICE, PHQ_DIFFICULTY, PHQ_FREQUENCY } from "./common.ts";

const PHQ_LICENCE = {
  status: "free_with_notice",
  holder: "Pfizer Inc.",
  notice: PFIZER_NOTICE,
  shipWording: true,
  terms:
    "No permission required to reproduce, translate, display or distribute. Do not alter the wording or anchors.",
  sourceUrl: "https://www.phqscreeners.com",
} as const;

const PHQ_INSTRUCTIONS =
  "Over the last 2 weeks, how often have you been bothered by any of the following problems?";

/** PHQ-9 items 1–9: exact wording and LOINC codes (44250-9 … 44260-8). */
const PHQ9_ITEMS: readonly [string, string][] = [
  ["Little interest or pleasure in doing things", "44250-9"],
  ["Feeling down, depressed, or hopeless", "44255-8"],
  ["Trouble falling or staying asleep, or sleeping too much", "44259-0"],
  ["Feeling tired or having little energy", "44254-1"],
  ["Poor appetite or overeating", "44251-7"],
  [
    "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
    "44258-2",
  ],
  ["Trouble concentrating on things, such as reading the newspaper or watching television", "44252-5"],
  [
    "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety " +
      "or restless that you have been moving around a lot more than usual",
    "44253-3",
  ],
  ["Thoughts that you would be better off dead or of hurting yourself in some way", "44260-8"],
];

const frequencyItem = (prefix: string, i: number): ItemDefinition => {
  const [text, loinc] = PHQ9_ITEMS[i] as [string, string];
  return {
    id: `${prefix}_${i + 1}`,
    number: i + 1,
    text,
    loinc,
    response: { kind: "choice", optionSet: "frequency" },
  };
};

const KROENKE_2001 = "Kroenke, Spitzer & Williams 2001, J Gen Intern Med 16:606–613";

/** Shown with the crisis resources the moment item 9 is answered above 0. */
export const ITEM9_MESSAGE =
  "You said you have had thoughts that you would be better off dead or of hurting yourself. You do not have " +
  "to go through this alone. Please reach out now: the people below are there to listen, day and night.";

const ITEM9_SOURCE =
  "PHQ-9 item 9 above 0 calls for a structured suicide-risk follow-up whatever the total; risk rises with the " +
  "answer (Simon et al. 2013, Psychiatr Serv 64:1195–1202)";

/** PHQ-9, with the item-9 crisis rule and the PHQ-2 (items 1–2) as a subscale. */
export const PHQ9: InstrumentDefinition = {
  id: "phq9",
  version: "1.0.0",
  title: "Patient Health Questionnaire-9 (PHQ-9)",
  shortTitle: "PHQ-9",
  kind: "published",
  validated: true,
  purpose: "Depressive symptoms over the last two weeks",
  instructions: PHQ_INSTRUCTIONS,
  loinc: "44249-1",
  citation: `${KROENKE_2001}: The PHQ-9: validity of a brief depression severity measure.`,
  licence: PHQ_LICENCE,
  optionSets: { frequency: PHQ_FREQUENCY, difficulty: PHQ_DIFFICULTY },
  items: [
    ...PHQ9_ITEMS.map((_, i) => frequencyItem("phq9", i)),
    {
      id: "phq9_10",
      number: 10,
      text: DIFFICULTY_TEXT,
      loinc: "69722-7",
      response: { kind: "choice", optionSet: "difficulty" },
      scored: false,
      required: false,
      askedWhen: { anyOf: PHQ9_ITEMS.map((_, i) => `phq9_${i + 1}`), above: 0 },
    },
  ],
  scores: [
    {
      kind: "sum",
      id: "total",
      label: "PHQ-9 total",
      primary: true,
      loinc: "44261-6",
      higherIs: "worse",
      unit: "points",
      items: PHQ9_ITEMS.map((_, i) => `phq9_${i + 1}`),
      range: [0, 27],
      bandSets: [
        {
          id: "kroenke_2001",
          source: KROENKE_2001,
          informal: false,
          bands: [
            { min: 0, max: 4, label: "minimal" },
            { min: 5, max: 9, label: "mild" },
            { min: 10, max: 14, label: "moderate" },
            { min: 15, max: 19, label: "moderately severe" },
            { min: 20, max: 27, label: "severe" },
          ],
        },
      ],
      cutoffs: [
        {
          id: "screen_positive",
          label: "at or above the usual screening cut-off",
          comparison: ">=",
          threshold: 10,
          source: `${KROENKE_2001}; Kroenke et al. 2010, Gen Hosp Psychiatry 32:345–359`,
        },
      ],
    },
    {
      kind: "sum",
      id: "phq2",
      label: "PHQ-2 (items 1–2)",
      loinc: "55758-7",
      higherIs: "worse",
      unit: "points",
      items: ["phq9_1", "phq9_2"],
      range: [0, 6],
      cutoffs: [
        {
          id: "positive",
          label: "PHQ-2 positive",
          comparison: ">=",
          threshold: 3,
          source: "Kroenke, Spitzer & Williams 2003, Med Care 41:1284–1292",
        },
      ],
    },
  ],
  rules: [
    {
      id: "item9_any",
      when: { kind: "answer_at_least", item: "phq9_9", value: 1 },
      effect: { kind: "crisis", presentation: "standard", message: ITEM9_MESSAGE },
      source: ITEM9_SOURCE,
    },
    {
      id: "item9_frequent",
      when: { kind: "answer_at_least", item: "phq9_9", value: 2 },
      effect: { kind: "crisis", presentation: "prominent", message: ITEM9_MESSAGE },
      source: ITEM9_SOURCE,
    },
    {
      id: "severe_total_help",
      when: { kind: "score_at_least", score: "total", value: 20 },
      effect: {
        kind: "recommend_professional_help",
        presentation: "prominent",
        message:
          "Your answers are in the severe range of this screening questionnaire. Please talk to a doctor or " +
          "mental health professional soon; this is a screening result, not a diagnosis.",
      },
      source: `${KROENKE_2001} (20–27: severe; active treatment warranted)`,
    },
  ],
  simulation: { trait: "depressed_mood", sign: 1, loading: 0.8, offset: 0.7, spacing: 1 },
  notes: [
    "Item 10 (difficulty) is not scored.",
    "No prorating: all nine items are needed for a total. Item 9 is never skipped or suppressed.",
  ],
};

/** PHQ-2: PHQ-9 items 1–2; a positive result (≥3) leads on to the full PHQ-9. */
export const PHQ2: InstrumentDefinition = {
  id: "phq2",
  version: "1.0.0",
  title: "Patient Health Questionnaire-2 (PHQ-2)",
  shortTitle: "PHQ-2",
  kind: "published",
  validated: true,
  purpose: "Brief first step for depressive symptoms over the last two weeks",
  instructions: PHQ_INSTRUCTIONS,
  loinc: "55757-9",
  citation: "Kroenke, Spitzer & Williams 2003, Med Care 41:1284–1292: The Patient Health Questionnaire-2.",
  licence: PHQ_LICENCE,
  optionSets: { frequency: PHQ_FREQUENCY },
  items: [0, 1].map((i) => frequencyItem("phq2", i)),
  scores: [
    {
      kind: "sum",
      id: "total",
      label: "PHQ-2 total",
      primary: true,
      loinc: "55758-7",
      higherIs: "worse",
      unit: "points",
      items: ["phq2_1", "phq2_2"],
      range: [0, 6],
      bandSets: [
        {
          id: "kroenke_2003",
          source: "Kroenke, Spitzer & Williams 2003, Med Care 41:1284–1292",
          informal: false,
          bands: [
            { min: 0, max: 2, label: "negative" },
            { min: 3, max: 6, label: "positive" },
          ],
        },
      ],
      cutoffs: [
        {
          id: "positive",
          label: "PHQ-2 positive",
          comparison: ">=",
          threshold: 3,
          source: "Kroenke, Spitzer & Williams 2003, Med Care 41:1284–1292",
        },
      ],
    },
  ],
  rules: [
    {
      id: "positive_leads_to_phq9",
      when: { kind: "cutoff_met", score: "total", cutoff: "positive" },
      effect: {
        kind: "suggest_instrument",
        instrument: "phq9",
        message: "Please go on to the full PHQ-9 (seven more questions) so the picture is complete.",
      },
      source: "Kroenke et al. 2003: a positive PHQ-2 is followed by the PHQ-9, which also asks item 9",
    },
  ],
  simulation: { trait: "depressed_mood", sign: 1, loading: 0.8, offset: 0.7, spacing: 1 },
  notes: ["The PHQ-2 has no suicide item: a positive result leads on to the PHQ-9 so that item 9 is asked."],
};
