/** Evidence grade of a statement the software shows. */
export type StatementGrade = "established" | "supported" | "contested" | "article";

/** A statement the map may show, with its source and grade. */
export interface Statement {
  readonly id: string;
  readonly text: string;
  readonly source: string;
  readonly grade: StatementGrade;
}

/** The article's figures that have no checkable source: never stated as facts (research/models.md §4). */
export const UNSOURCED_FIGURES = ["60", "85", "80", "37"] as const;

const s = (x: Statement) => x;

/**
 * The catalogue. Where the article and the literature part ways, both are here, each with its grade;
 * the article's unsourced percentages appear only as "the article says", graded as its claim, with
 * what the literature found beside them.
 */
export const STATEMENTS = [
  s({
    id: "rpe",
    text: "Dopamine neurons signal reward prediction errors: the response moves from the reward to the cue that predicts it as learning proceeds.",
    source: "Schultz, Dayan & Montague 1997, Science 275:1593",
    grade: "established",
  }),
  s({
    id: "wantingLiking",
    text: "Wanting (incentive salience, dopamine) and liking (hedonic impact, opioid hotspots) are separable.",
    source: "Berridge & Robinson 1998, Brain Res Rev 28:309; Peciña et al. 2003",
    grade: "supported",
  }),
  s({
    id: "anticipatoryDeficit",
    text: "In depression, the article reads the problem as blunted anticipation with liking intact; studies also find lower reward sensitivity (Huys et al. 2013) or altered learning from reward and punishment (Pike & Robinson 2022), so your fit compares these readings.",
    source:
      "Treadway 2012; Huys, Pizzagalli, Bogdan & Dayan 2013, Biol Mood Anxiety Disord 3:12; Pike & Robinson 2022, JAMA Psychiatry 79:313",
    grade: "contested",
  }),
  s({
    id: "effort",
    text: "The cost of effort weighs against reward when people choose whether to start, and lowering the effort to start makes starting likelier.",
    source: "Treadway et al. 2009/2012 (EEfRT); Klein-Flügge et al. 2015",
    grade: "supported",
  }),
  s({
    id: "threat",
    text: "Threat can override approach even when the goal is clear; for generalized anxiety, amygdala findings are inconsistent, so dopamap measures your own avoidance rather than assuming a brain finding.",
    source: "Etkin & Wager 2007, Am J Psychiatry 164:1476; Kolesar et al. 2019",
    grade: "contested",
  }),
  s({
    id: "article60",
    text: "The article says amygdala hyperactivity is documented in up to 60% of generalized anxiety cases; we found no source for this figure, and imaging studies report group averages, not shares of cases.",
    source: "Seed article; research/models.md §4",
    grade: "article",
  }),
  s({
    id: "calibration",
    text: "The article reads the ADHD pattern as a signal that follows novelty rather than importance; computational studies more often find lower choice sensitivity, and your fit compares both.",
    source: "Seed article; Ziegler et al. 2016",
    grade: "contested",
  }),
  s({
    id: "article85",
    text: "The article says this pattern appears in approximately 85% of ADHD presentations; we found no source for this figure.",
    source: "Seed article; research/models.md §4",
    grade: "article",
  }),
  s({
    id: "receptor",
    text: "Repeated drug use lowers D2 receptor availability, which recovers over months of abstinence; low D2 is also partly predisposing.",
    source: "Nader et al. 2006, Nat Neurosci 9:1050; Volkow, Wise & Baler 2017, Nat Rev Neurosci 18:741",
    grade: "supported",
  }),
  s({
    id: "loop",
    text: "Variable reinforcement keeps wanting high while liking can fall, and responding learned under partial reinforcement extinguishes more slowly.",
    source: "Robinson & Berridge 1993; Fiorillo, Tobler & Schultz 2003",
    grade: "supported",
  }),
  s({
    id: "article80",
    text: "The article says generic advice misses the mechanism in roughly 80% of cases; we found no source for this figure.",
    source: "Seed article; research/models.md §4",
    grade: "article",
  }),
  s({
    id: "article37",
    text: "The article says anhedonia occurs in up to 37% of major depression; that figure comes from one study of 65 patients, and other estimates range from about 35 to 70%.",
    source: "Pelizza & Ferrari 2009, Ann Gen Psychiatry 8:22; Delphi panel, Front Psychiatry 2024",
    grade: "article",
  }),
  s({
    id: "stress",
    text: "Chronic stress lowers dopamine neuron activity, while an acute stressor raises release.",
    source: "Valenti, Gill & Grace 2012; Pruessner et al. 2004",
    grade: "supported",
  }),
  s({
    id: "circadian",
    text: "Reward responses vary over the day, but studies disagree on when they peak, so dopamap estimates your own peak hour.",
    source: "Byrne et al. 2017; Hasler et al. 2014",
    grade: "contested",
  }),
  s({
    id: "timeline",
    text: "The article expects measurable change in 4–6 weeks and recalibration in 8–12; habit formation took a median of 66 days (18–254) in one study, so your own forecast is shown beside it.",
    source: "Seed article; Lally et al. 2010, Eur J Soc Psychol 40:998",
    grade: "article",
  }),
  s({
    id: "taskEffort",
    text: "In the Effort Expenditure for Rewards Task, students with more anhedonia chose the harder, better-paid option less often, and people with depression were less willing to spend effort for reward; your effort cost comes from your own choices in the task.",
    source: "Treadway et al. 2009, PLoS One 4:e6598; Treadway et al. 2012, J Abnorm Psychol 121:553",
    grade: "supported",
  }),
  s({
    id: "taskRewardSensitivity",
    text: "In the Probabilistic Reward Task, depression and anhedonia lowered reward sensitivity more than the learning rate; a later meta-analysis of other learning tasks found no reliable difference in outcome sensitivity, so this is one reading among several.",
    source:
      "Pizzagalli, Jahn & O'Shea 2005, Biol Psychiatry 57:319; Huys, Pizzagalli, Bogdan & Dayan 2013, Biol Mood Anxiety Disord 3:12; Pike & Robinson 2022, JAMA Psychiatry 79:313",
    grade: "contested",
  }),
  s({
    id: "notDiagnosis",
    text: "This map describes patterns in your own logs and answers; it is not a diagnosis.",
    source: "dopamap design",
    grade: "established",
  }),
] as const satisfies readonly Statement[];

export type StatementId = (typeof STATEMENTS)[number]["id"];

/** The statement with this id. */
export function statement(id: StatementId): Statement {
  return STATEMENTS.find((x) => x.id === id)!;
}

/** True when the text states an unsourced figure (e.g. "60%", "60 %") outside an "The article says" statement. */
export function statesUnsourcedFigure(x: Statement): boolean {
  const hit = UNSOURCED_FIGURES.some((f) => new RegExp(`\\b${f}\\s?%`).test(x.text));
  return hit && !(x.grade === "article" && x.text.startsWith("The article says"));
}
