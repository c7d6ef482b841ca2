import type { InstrumentDefinition } from "../definition.ts";
import { ids, placeholderItems, placeholderOptions, valuesFrom, withheldLicence } from "./common.ts";

const SNAITH_1995 = "Snaith et al. 1995, Br J Psychiatry 167:99–103";
const FRANKEN_2007 = "Franken, Rassin & Muris 2007, J Affect Disord 99:83–89";
const GARD_2006 = "Gard, Gard, Kring & John 2006, J Res Pers 40:1086–1102";

/**
 * SHAPS, 14 items, stored as 1 = definitely agree … 4 = definitely disagree (the meaning, not the
 * printed position: the form alternates option order, a display detail only). Two scorings: the
 * original dichotomous one (disagree = 1; >2 abnormal) and the continuous 14–56.
 */
export const SHAPS: InstrumentDefinition = {
  id: "shaps",
  version: "1.0.0",
  title: "Snaith–Hamilton Pleasure Scale (SHAPS)",
  shortTitle: "SHAPS",
  kind: "published",
  validated: true,
  purpose: "Reduced capacity for pleasure (hedonic tone) in the last few days",
  instructions: null,
  citation: `${SNAITH_1995}: A scale for the assessment of hedonic tone: the Snaith–Hamilton Pleasure Scale.`,
  licence: withheldLicence(
    "permission_required",
    "British Journal of Psychiatry (Royal College of Psychiatrists)",
    "This scale may be reproduced under its proper title for personal use and research. Reproduction in any " +
      "book or manual or for commercial purpose must be negotiated with the British Journal of Psychiatry.",
    "Personal and research use only; not compatible with shipping under the MIT licence.",
  ),
  optionSets: { agreement: placeholderOptions(valuesFrom(1, 4)) },
  items: placeholderItems("shaps", 14, "agreement"),
  scores: [
    {
      kind: "sum",
      id: "dichotomous",
      label: "SHAPS (original dichotomous scoring)",
      primary: true,
      higherIs: "worse",
      unit: "points",
      items: ids("shaps", valuesFrom(1, 14)),
      recode: [
        { from: 1, to: 0 },
        { from: 2, to: 0 },
        { from: 3, to: 1 },
        { from: 4, to: 1 },
      ],
      range: [0, 14],
      bandSets: [
        {
          id: "snaith_1995",
          source: SNAITH_1995,
          informal: false,
          bands: [
            { min: 0, max: 2, label: "within the normal range" },
            { min: 3, max: 14, label: "reduced hedonic tone (above the cut-off)" },
          ],
        },
      ],
      cutoffs: [
        { id: "abnormal", label: "above 2 (abnormal)", comparison: ">", threshold: 2, source: SNAITH_1995 },
      ],
    },
    {
      kind: "sum",
      id: "continuous",
      label: "SHAPS (continuous scoring, 1–4 per item)",
      higherIs: "worse",
      unit: "points",
      items: ids("shaps", valuesFrom(1, 14)),
      range: [14, 56],
      note: `${FRANKEN_2007}; some implementations use 0–3 per item (0–42) instead: this one is 1–4 (14–56).`,
    },
  ],
  rules: [],
  simulation: { trait: "anhedonia", sign: 1, loading: 0.8, offset: -0.5, spacing: 1.8 },
  notes: [
    "No item is reverse-scored; score by agree/disagree meaning, not by printed position.",
    "Item 11 on the BJP form prints 'Strongly disagree' twice (a typo); a pack must use the intended anchors.",
  ],
};

/** TEPS trait form: anticipatory and consummatory pleasure; item 13 reversed; no total, no cut-offs. */
export const TEPS: InstrumentDefinition = {
  id: "teps",
  version: "1.0.0",
  title: "Temporal Experience of Pleasure Scale (TEPS)",
  shortTitle: "TEPS",
  kind: "published",
  validated: true,
  purpose: "Anticipatory versus consummatory pleasure (trait)",
  instructions: null,
  citation: `${GARD_2006}: Anticipatory and consummatory components of the experience of pleasure.`,
  licence: withheldLicence(
    "unclear",
    "The authors (Gard, Kring)",
    "TEPS © the authors. Wording not bundled.",
    "No explicit licence found; ask the authors before shipping the wording.",
  ),
  optionSets: { truth: placeholderOptions(valuesFrom(1, 6)) },
  items: placeholderItems("teps", 18, "truth", {
    2: { simulation: { trait: "consummatory_anhedonia" } },
    3: { simulation: { trait: "consummatory_anhedonia" } },
    5: { simulation: { trait: "consummatory_anhedonia" } },
    7: { simulation: { trait: "consummatory_anhedonia" } },
    9: { simulation: { trait: "consummatory_anhedonia" } },
    12: { simulation: { trait: "consummatory_anhedonia" } },
    13: { reverse: true },
    14: { simulation: { trait: "consummatory_anhedonia" } },
    17: { simulation: { trait: "consummatory_anhedonia" } },
  }),
  scores: [
    {
      kind: "sum",
      id: "anticipatory",
      label: "TEPS anticipatory pleasure (ANT)",
      higherIs: "better",
      unit: "points",
      items: ids("teps", [1, 4, 6, 8, 10, 11, 13, 15, 16, 18]),
      range: [10, 60],
    },
    {
      kind: "sum",
      id: "consummatory",
      label: "TEPS consummatory pleasure (CON)",
      higherIs: "better",
      unit: "points",
      items: ids("teps", [2, 3, 5, 7, 9, 12, 14, 17]),
      range: [8, 48],
    },
  ],
  rules: [],
  simulation: { trait: "anhedonia", sign: -1, loading: 0.8, offset: -2, spacing: 0.8 },
  notes: [
    "No clinical cut-offs: compare sums with norms. Original two-factor scoring kept for comparability.",
  ],
};

/** DARS: 17 items 0–4, higher = more hedonic capacity (the opposite direction to SHAPS). */
export const DARS: InstrumentDefinition = {
  id: "dars",
  version: "1.0.0",
  title: "Dimensional Anhedonia Rating Scale (DARS)",
  shortTitle: "DARS",
  kind: "published",
  validated: true,
  purpose: "Desire, motivation, effort and pleasure across hobbies, food, social and sensory experiences",
  instructions: null,
  citation: "Rizvi et al. 2015, Psychiatry Res 229:109–119: Development and validation of the DARS.",
  licence: withheldLicence(
    "unclear",
    "The authors (Rizvi et al.)",
    "DARS © the authors. Wording not bundled.",
    "No explicit licence found; ask the authors before shipping the wording.",
  ),
  optionSets: { amount: placeholderOptions(valuesFrom(0, 4)) },
  items: placeholderItems("dars", 17, "amount"),
  scores: [
    {
      kind: "sum",
      id: "total",
      label: "DARS total",
      primary: true,
      higherIs: "better",
      unit: "points",
      items: ids("dars", valuesFrom(1, 17)),
      range: [0, 68],
      note: "Higher means more hedonic capacity (less anhedonia). No validated cut-off.",
    },
  ],
  rules: [],
  simulation: { trait: "anhedonia", sign: -1, loading: 0.8, offset: -1.6, spacing: 0.9 },
  notes: [
    "The four domain subscales are not included: the item-to-domain allocation was not confirmed (Rizvi 2015 appendix).",
  ],
};
