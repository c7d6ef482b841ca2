import type { InstrumentDefinition, ItemDefinition } from "../definition.ts";
import { ids, placeholderItems, placeholderOptions, valuesFrom, withheldLicence } from "./common.ts";

const KESSLER_2005 = "Kessler et al. 2005, Psychol Med 35:245–256";

/**
 * ASRS v1.1 Part A: the screen is the count of shaded answers (items 1–3 at "Sometimes" or more,
 * items 4–6 at "Often" or more; ≥4 positive), not the sum. The 0–24 sum is reported beside it.
 */
export const ASRS: InstrumentDefinition = {
  id: "asrs",
  version: "1.0.0",
  title: "Adult ADHD Self-Report Scale v1.1, Part A (ASRS)",
  shortTitle: "ASRS Part A",
  kind: "published",
  validated: true,
  purpose: "Attention and hyperactivity symptoms over the past six months",
  instructions: null,
  citation: `${KESSLER_2005}: The World Health Organization Adult ADHD Self-Report Scale (ASRS).`,
  licence: withheldLicence(
    "permission_required",
    "World Health Organization",
    "© World Health Organization. All rights reserved. Requests for permission to reproduce or translate " +
      "should be addressed to Professor Ronald Kessler, Harvard Medical School.",
    "Permission is needed even for non-commercial distribution. It is not in the public domain.",
  ),
  optionSets: { frequency: placeholderOptions(valuesFrom(0, 4)) },
  items: placeholderItems("asrs", 6, "frequency", {
    5: { simulation: { trait: "hyperactivity" } },
    6: { simulation: { trait: "hyperactivity" } },
  }),
  scores: [
    {
      kind: "count",
      id: "shaded",
      label: "ASRS Part A shaded answers",
      primary: true,
      higherIs: "worse",
      unit: "shaded items",
      hits: [
        ...ids("asrs", [1, 2, 3]).map((item) => ({ item, atOrAbove: 2 })),
        ...ids("asrs", [4, 5, 6]).map((item) => ({ item, atOrAbove: 3 })),
      ],
      range: [0, 6],
      bandSets: [
        {
          id: "kessler_2005",
          source: KESSLER_2005,
          informal: false,
          bands: [
            { min: 0, max: 3, label: "below the screening threshold" },
            { min: 4, max: 6, label: "symptoms consistent with adult ADHD; further assessment warranted" },
          ],
        },
      ],
      cutoffs: [
        { id: "positive", label: "4 or more shaded", comparison: ">=", threshold: 4, source: KESSLER_2005 },
      ],
    },
    {
      kind: "sum",
      id: "sum",
      label: "ASRS Part A sum (0–24)",
      higherIs: "worse",
      unit: "points",
      items: ids("asrs", valuesFrom(1, 6)),
      range: [0, 24],
      bandSets: [
        {
          id: "kessler_2007",
          source:
            "Kessler et al. 2007, Int J Methods Psychiatr Res 16:52–65 (not re-verified against the paper)",
          informal: false,
          bands: [
            { min: 0, max: 9, label: "stratum I (lowest)" },
            { min: 10, max: 13, label: "stratum II" },
            { min: 14, max: 17, label: "stratum III" },
            { min: 18, max: 24, label: "stratum IV (highest)" },
          ],
        },
      ],
    },
  ],
  rules: [],
  simulation: { trait: "inattention", sign: 1, loading: 0.8, offset: -0.3, spacing: 0.9 },
  notes: ["The screen result is the shaded count; a higher sum with fewer shaded items is still negative."],
};

/** PSS-10: items 4, 5, 7, 8 reversed (4 − x); the bands are informal (not from Cohen). */
export const PSS10: InstrumentDefinition = {
  id: "pss10",
  version: "1.0.0",
  title: "Perceived Stress Scale, 10-item (PSS-10)",
  shortTitle: "PSS-10",
  kind: "published",
  validated: true,
  purpose: "How stressful life has felt in the last month",
  instructions: null,
  citation:
    "Cohen & Williamson 1988, in The Social Psychology of Health; Cohen, Kamarck & Mermelstein 1983, " +
    "J Health Soc Behav 24:385–396.",
  licence: withheldLicence(
    "unclear",
    "Sheldon Cohen",
    "PSS © Sheldon Cohen. Wording not bundled.",
    "Free for academic and educational use; commercial and open-source redistribution terms unclear.",
  ),
  optionSets: { frequency: placeholderOptions(valuesFrom(0, 4)) },
  items: placeholderItems("pss10", 10, "frequency", {
    4: { reverse: true },
    5: { reverse: true },
    7: { reverse: true },
    8: { reverse: true },
  }),
  scores: [
    {
      kind: "sum",
      id: "total",
      label: "PSS-10 total",
      primary: true,
      higherIs: "worse",
      unit: "points",
      items: ids("pss10", valuesFrom(1, 10)),
      range: [0, 40],
      bandSets: [
        {
          id: "informal",
          source: "Widely circulated handouts; not from the scale's authors (informal)",
          informal: true,
          bands: [
            { min: 0, max: 13, label: "low" },
            { min: 14, max: 26, label: "moderate" },
            { min: 27, max: 40, label: "high" },
          ],
        },
      ],
    },
  ],
  rules: [],
  simulation: { trait: "stress", sign: 1, loading: 0.8, offset: -0.8, spacing: 0.9 },
  notes: ["The authors give no cut-offs; the US normative mean is about 13 (Cohen & Williamson 1988)."],
};

const BIS = [2, 8, 13, 16, 19, 22, 24];
const DRIVE = [3, 9, 12, 21];
const FUN = [5, 10, 15, 20];
const REWARD = [4, 7, 14, 18, 23];
const FILLERS = [1, 6, 11, 17];

const bisBasItem = (n: number): Partial<ItemDefinition> => {
  if (FILLERS.includes(n)) return { scored: false, simulation: { trait: "none" } };
  const reverse = n !== 2 && n !== 22;
  const trait = BIS.includes(n) ? "anxiety" : FUN.includes(n) ? "fun_seeking" : "reward_drive";
  return { ...(reverse ? { reverse } : {}), simulation: { trait } };
};

const CARVER_1994 = "Carver & White 1994, J Pers Soc Psychol 67:319–333";

/** BIS/BAS: 24 items answered 1 = very true … 4 = very false; all scored items but 2 and 22 reversed. */
export const BIS_BAS: InstrumentDefinition = {
  id: "bis_bas",
  version: "1.0.0",
  title: "Behavioral Inhibition and Activation Scales (BIS/BAS)",
  shortTitle: "BIS/BAS",
  kind: "published",
  validated: true,
  purpose: "Trait sensitivity to threat (BIS) and to reward (BAS drive, fun seeking, reward responsiveness)",
  instructions: null,
  citation: `${CARVER_1994}: Behavioral inhibition, behavioral activation, and affective responses.`,
  licence: withheldLicence(
    "unclear",
    "Charles S. Carver (article © American Psychological Association)",
    "BIS/BAS © the authors. Wording not bundled.",
    "The author permits non-commercial research and teaching use; redistribution terms unclear.",
  ),
  optionSets: { truth: placeholderOptions(valuesFrom(1, 4)) },
  items: placeholderItems(
    "bis_bas",
    24,
    "truth",
    Object.fromEntries(valuesFrom(1, 24).map((n) => [n, bisBasItem(n)])),
  ),
  scores: [
    ["bis", "BIS", BIS, [7, 28]],
    ["bas_drive", "BAS Drive", DRIVE, [4, 16]],
    ["bas_fun_seeking", "BAS Fun Seeking", FUN, [4, 16]],
    ["bas_reward_responsiveness", "BAS Reward Responsiveness", REWARD, [5, 20]],
  ].map(([id, label, numbers, range]) => ({
    kind: "sum" as const,
    id: id as string,
    label: label as string,
    higherIs: "neither" as const,
    unit: "points",
    items: ids("bis_bas", numbers as number[]),
    range: range as [number, number],
  })),
  rules: [],
  simulation: { trait: "none", sign: 1, loading: 0.8, offset: -1.2, spacing: 1.1 },
  notes: ["Items 1, 6, 11 and 17 are fillers. No cut-offs. Do not mix with 20-item renumbered variants."],
};
