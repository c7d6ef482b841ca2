import type { InstrumentDefinition } from "../definition.ts";
import { ids, placeholderItems, placeholderOptions, valuesFrom, withheldLicence } from "./common.ts";

const ANDREASSEN_2016 = "Andreassen et al. 2016, Psychol Addict Behav 30:252–262";
const BANYAI_2017 = "Bányai et al. 2017, PLoS ONE 12:e0169839";

/** BSMAS: 6 items 1–5; cut-off 19 with an explicit ≥ (sources differ on ≥ vs >). */
export const BSMAS: InstrumentDefinition = {
  id: "bsmas",
  version: "1.0.0",
  title: "Bergen Social Media Addiction Scale (BSMAS)",
  shortTitle: "BSMAS",
  kind: "published",
  validated: true,
  purpose: "Problematic social media use over the past year",
  instructions: null,
  citation: `${ANDREASSEN_2016}: The relationship between addictive use of social media and video games.`,
  licence: withheldLicence(
    "unclear",
    "C. S. Andreassen, University of Bergen",
    "BSMAS © the authors. Wording not bundled.",
    "No explicit licence found; ask the first author.",
  ),
  optionSets: { frequency: placeholderOptions(valuesFrom(1, 5)) },
  items: placeholderItems("bsmas", 6, "frequency"),
  scores: [
    {
      kind: "sum",
      id: "total",
      label: "BSMAS total",
      primary: true,
      higherIs: "worse",
      unit: "points",
      items: ids("bsmas", valuesFrom(1, 6)),
      range: [6, 30],
      bandSets: [
        {
          id: "banyai_2017",
          source: `${BANYAI_2017} (latent profile analysis, adolescents)`,
          informal: false,
          bands: [
            { min: 6, max: 18, label: "below the cut-off" },
            { min: 19, max: 30, label: "at or above the cut-off for problematic use" },
          ],
        },
      ],
      cutoffs: [
        {
          id: "at_risk",
          label: "19 or more",
          comparison: ">=",
          threshold: 19,
          source: `${BANYAI_2017}; whether 19 itself counts is disputed, so the comparison is explicit`,
        },
      ],
    },
  ],
  rules: [],
  simulation: { trait: "social_media", sign: 1, loading: 0.9, offset: -0.6, spacing: 0.9 },
};

const FERRIS_2001 = "Ferris & Wynne 2001, The Canadian Problem Gambling Index (CCSA)";

/** PGSI: 9 items 0–3 (original four options); two band systems that disagree on 1–7. */
export const PGSI: InstrumentDefinition = {
  id: "pgsi",
  version: "1.0.0",
  title: "Problem Gambling Severity Index (PGSI)",
  shortTitle: "PGSI",
  kind: "published",
  validated: true,
  purpose: "Gambling problems over the past 12 months",
  instructions: null,
  citation: `${FERRIS_2001}: final report.`,
  licence: withheldLicence(
    "unclear",
    "Canadian Centre on Substance Use and Addiction (CCSA)",
    "PGSI © CCSA. Wording not bundled.",
    "Used freely in public-health surveys; reproduction terms not confirmed.",
  ),
  optionSets: { frequency: placeholderOptions(valuesFrom(0, 3)) },
  items: placeholderItems("pgsi", 9, "frequency"),
  scores: [
    {
      kind: "sum",
      id: "total",
      label: "PGSI total",
      primary: true,
      higherIs: "worse",
      unit: "points",
      items: ids("pgsi", valuesFrom(1, 9)),
      range: [0, 27],
      bandSets: [
        {
          id: "ferris_wynne_2001",
          source: FERRIS_2001,
          informal: false,
          bands: [
            { min: 0, max: 0, label: "non-problem gambling" },
            { min: 1, max: 2, label: "low risk" },
            { min: 3, max: 7, label: "moderate risk" },
            { min: 8, max: 27, label: "problem gambling range" },
          ],
        },
        {
          id: "currie_2013",
          source: "Currie, Hodgins & Casey 2013, Int Gambl Stud 13:311–327 (revised bands; not re-verified)",
          informal: false,
          bands: [
            { min: 0, max: 0, label: "non-problem gambling" },
            { min: 1, max: 4, label: "low risk" },
            { min: 5, max: 7, label: "moderate risk" },
            { min: 8, max: 27, label: "problem gambling range" },
          ],
        },
      ],
    },
  ],
  rules: [],
  simulation: { trait: "gambling", sign: 1, loading: 0.9, offset: 1.4, spacing: 1 },
};

const ADAMSON_2010 = "Adamson et al. 2010, Drug Alcohol Depend 110:137–143";

/** CUDIT-R: items 1–7 scored 0–4, item 8 only 0, 2 or 4. */
export const CUDIT_R: InstrumentDefinition = {
  id: "cudit_r",
  version: "1.0.0",
  title: "Cannabis Use Disorders Identification Test – Revised (CUDIT-R)",
  shortTitle: "CUDIT-R",
  kind: "published",
  validated: true,
  purpose: "Cannabis use problems over the past six months",
  instructions: null,
  citation: `${ADAMSON_2010}: An improved brief measure of cannabis misuse: the CUDIT-R.`,
  licence: withheldLicence(
    "unclear",
    "University of Otago National Addiction Centre",
    "CUDIT-R (Adamson et al. 2010). Wording not bundled.",
    "Reported as public domain with citation; the official form's statement is not yet confirmed.",
  ),
  optionSets: {
    frequency: placeholderOptions(valuesFrom(0, 4)),
    hours: placeholderOptions(valuesFrom(0, 4)),
    problems: placeholderOptions(valuesFrom(0, 4)),
    ever: placeholderOptions([0, 2, 4]),
  },
  items: placeholderItems("cudit_r", 8, "problems", {
    1: { response: { kind: "choice", optionSet: "frequency" } },
    2: { response: { kind: "choice", optionSet: "hours" } },
    8: { response: { kind: "choice", optionSet: "ever" } },
  }),
  scores: [
    {
      kind: "sum",
      id: "total",
      label: "CUDIT-R total",
      primary: true,
      higherIs: "worse",
      unit: "points",
      items: ids("cudit_r", valuesFrom(1, 8)),
      range: [0, 32],
      bandSets: [
        {
          id: "adamson_2010",
          source: ADAMSON_2010,
          informal: false,
          bands: [
            { min: 0, max: 7, label: "below the cut-off" },
            { min: 8, max: 11, label: "hazardous use range" },
            { min: 12, max: 32, label: "possible cannabis use disorder range; further assessment warranted" },
          ],
        },
      ],
      cutoffs: [
        { id: "hazardous", label: "8 or more", comparison: ">=", threshold: 8, source: ADAMSON_2010 },
        {
          id: "possible_disorder",
          label: "12 or more",
          comparison: ">=",
          threshold: 12,
          source: ADAMSON_2010,
        },
      ],
    },
  ],
  rules: [],
  simulation: { trait: "cannabis", sign: 1, loading: 1, offset: 1.4, spacing: 1 },
};
