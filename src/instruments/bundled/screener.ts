import type { InstrumentDefinition, ItemDefinition, ScoreDefinition, TraitName } from "../definition.ts";

/** The framework's patterns the screener asks about, with the trait a synthetic respondent answers from. */
const PATTERNS: readonly { id: string; label: string; trait: TraitName; texts: [string, string] }[] = [
  {
    id: "anticipation",
    label: "Anticipation lower than enjoyment",
    trait: "anhedonia",
    texts: [
      "Before doing things I used to like, I expect very little from them.",
      "Once I actually get started on something, I often enjoy it more than I expected to.",
    ],
  },
  {
    id: "threat",
    label: "Wanting held back by fear",
    trait: "anxiety",
    texts: [
      "There are things I really want to do that I avoid because starting them makes me anxious.",
      "Worry about what might go wrong stops me more often than a lack of interest does.",
    ],
  },
  {
    id: "novelty",
    label: "Drawn by novelty rather than importance",
    trait: "inattention",
    texts: [
      "I can focus for hours on something new or exciting, but not on routine tasks that matter.",
      "Important tasks stall unless they feel new, urgent or interesting.",
    ],
  },
  {
    id: "tolerance",
    label: "Needing more to feel the same",
    trait: "tolerance",
    texts: [
      "I need more of something (a drink, a drug, a game, a feed) than I used to, to get the same feeling.",
      "Everyday pleasures feel flat compared with that one thing.",
    ],
  },
  {
    id: "compulsion",
    label: "Can't stop though it is less enjoyable",
    trait: "compulsion",
    texts: [
      "I keep going back to something even though I enjoy it less than I used to.",
      "I carry on with a game, app or bet for longer than I meant to, hoping the next one will be better.",
    ],
  },
  {
    id: "stress",
    label: "Stress load",
    trait: "stress",
    texts: [
      "Over the past month I have felt under pressure that does not let up.",
      "I rarely get a stretch of time in which I can properly switch off.",
    ],
  },
];

const items: ItemDefinition[] = PATTERNS.flatMap((p, k) =>
  p.texts.map((text, j) => ({
    id: `screener_${p.id}_${j + 1}`,
    number: 2 * k + j + 1,
    text,
    response: { kind: "choice" as const, optionSet: "likeness" },
    simulation: { trait: p.trait },
  })),
);

const scores: ScoreDefinition[] = PATTERNS.map((p) => ({
  kind: "sum",
  id: p.id,
  label: p.label,
  higherIs: "worse",
  unit: "points",
  items: [1, 2].map((j) => `screener_${p.id}_${j}`),
  range: [0, 8],
  note: "Not validated: used only as a weak prior for the map.",
}));

/**
 * Our own short screener: two direct questions per pattern of the framework. Not validated; it has
 * no bands or cut-offs and is used only as a weak prior for the map.
 */
export const PATTERN_SCREENER: InstrumentDefinition = {
  id: "pattern_screener",
  version: "1.0.0",
  title: "dopamap pattern screener (not validated)",
  shortTitle: "Pattern screener",
  kind: "own_screener",
  validated: false,
  purpose: "A first, rough sense of which reward-circuit patterns may fit you; a weak prior for the map only",
  instructions: "Over the past month, how much is each statement like you?",
  citation: "dopamap's own questions after the framework in docs (not published, not validated).",
  licence: {
    status: "own_work",
    holder: "dopamap contributors",
    notice: "© dopamap contributors, MIT licence. Not a validated instrument.",
    shipWording: true,
    terms: "MIT licence, like the rest of dopamap.",
  },
  optionSets: {
    likeness: [
      { value: 0, text: "Not at all like me" },
      { value: 1, text: "A little like me" },
      { value: 2, text: "Somewhat like me" },
      { value: 3, text: "Mostly like me" },
      { value: 4, text: "Very much like me" },
    ],
  },
  items,
  scores,
  rules: [],
  simulation: { trait: "none", sign: 1, loading: 0.9, offset: 0.3, spacing: 0.9 },
  notes: ["Not validated. No bands or cut-offs: pattern sums are a weak prior for the map, never a result."],
};
