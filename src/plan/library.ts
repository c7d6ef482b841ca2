import type { ActivityKind } from "../model/person/index.ts";
import type { PatternId, Rationale } from "./types.ts";

/** Concrete environment cues per kind of activity: lower the effort to start. */
export const CUE_LIBRARY: Readonly<Record<ActivityKind, readonly string[]>> = {
  movement: [
    "Put your shoes and jacket by the door the evening before",
    "Sleep in (or lay out) the clothes you will move in",
    "Leave the door key on top of your shoes",
  ],
  work: [
    "Leave the document open on the screen, cursor at the first sentence, before you stop the day before",
    "Write the very first action on a sticky note on the keyboard",
    "Clear the desk except for what this task needs",
  ],
  social: [
    "Put the person's number on your home screen",
    "Draft the first message the day before, ready to send",
    "Put a note with the person's name where you have your coffee",
  ],
  creative: [
    "Leave the instrument, sketchbook or file out and open",
    "Set up the materials the evening before, one thing ready to touch",
    "Keep a 'next idea' card on top of your materials",
  ],
  chore: [
    "Put the first item you need where you will see it at the planned time",
    "Set out the bag, bin or tool at the planned place",
    "Pin the one-line first step on the fridge",
  ],
  leisure: [
    "Keep the book, headphones or ticket on your pillow",
    "Lay out what you need the night before",
    "Put it on the calendar where you look every morning",
  ],
  selfCare: [
    "Put what you need (towel, toothbrush, pill box) where the routine starts",
    "Pair it with something you already do every day (after the kettle boils)",
    "Set the item out in plain sight the evening before",
  ],
  substance: [
    "Remove it from the house and from your route home",
    "Tell one person what you are doing and when",
    "Delete the delivery contact",
  ],
  app: ["Delete the app from the phone", "Turn off its notifications", "Move it off the home screen"],
  gambling: [
    "Install a blocking tool",
    "Self-exclude with the operator",
    "Hand the cards to someone you trust",
  ],
};

/** The social commitment option per kind of activity. */
export const COMMITMENT_LIBRARY: Readonly<Record<ActivityKind, string>> = {
  movement: "Agree a time with a walking partner, or text someone when you leave the door",
  work: "Tell a colleague or friend what you will have started by the planned time, or co-work on a call",
  social: "Tell the person the day and time in advance",
  creative: "Share one small piece (a photo, a line) with one person each time",
  chore: "Text one person when you have started",
  leisure: "Make the plan with someone, or book it",
  selfCare: "Tell one person you are doing it this week and check in on Sunday",
  substance: "Choose one person you can call when the pull comes",
  app: "Ask someone to hold you to the app-free hours",
  gambling: "Ask someone you trust to manage the money for now",
};

/** Rationales with sources and grades; the article's unsourced figures are never repeated. */
export const RATIONALES = {
  scaffolding: {
    text: "Lower the cost of starting and add an external commitment; start small (5 minutes, not 30) and grow it as starting succeeds. Small starts that turn out better than expected are how anticipation rebuilds.",
    source:
      "The article's Dopamine Scaffolding; behavioural activation (Dimidjian et al. 2006, J Consult Clin Psychol 74:658); effort cost (Treadway et al. 2009, PLoS One 4:e6598)",
    grade: "article",
  },
  commitment: {
    text: "An external commitment adds a reason to start that does not depend on anticipation.",
    source: "Implementation intentions (Gollwitzer & Sheeran 2006, Adv Exp Soc Psychol 38:69)",
    grade: "supported",
  },
  ladder: {
    text: "Approach the feared activity in graded steps, staying until the step feels manageable; safe approaches let the threat signal extinguish.",
    source: "Exposure and inhibitory learning (Craske et al. 2014, Behav Res Ther 58:10)",
    grade: "established",
  },
  calibration: {
    text: "When the signal follows novelty rather than importance, attach novelty and an immediate reward to the important routine task.",
    source:
      "The article's claim; novelty bonus (Kakade & Dayan 2002, Neural Netw 15:549); immediate reinforcement (Tripp & Wickens 2008)",
    grade: "article",
  },
  receptor: {
    text: "Receptor availability recovers over months of abstinence, with large individual differences; sustained natural rewards keep everyday life rewarding meanwhile.",
    source: "Volkow, Wise & Baler 2017, Nat Rev Neurosci 18:741; Nader et al. 2006, Nat Neurosci 9:1050",
    grade: "supported",
  },
  doctorFirst: {
    text: "Talk to a doctor before stopping: stopping alcohol or benzodiazepines abruptly can be dangerous (withdrawal seizures).",
    source: "Clinical guidance on alcohol and benzodiazepine withdrawal (e.g. NICE CG115, CG52)",
    grade: "established",
  },
  loop: {
    text: "Remove the cues and end the variable schedule. A habit learned under partial reinforcement fades slowly: expect urges for weeks, which is how extinction looks, not a sign it is not working.",
    source:
      "Partial-reinforcement extinction effect (Humphreys 1939); latent-cause extinction (Gershman, Blei & Niv 2010, Psychol Rev 117:197)",
    grade: "supported",
  },
  stress: {
    text: "Chronic stress load lowers anticipatory gain over weeks; lowering it helps the rest of the plan work.",
    source: "McEwen 2007, Physiol Rev 87:873; Valenti, Gill & Grace 2012, Eur J Neurosci",
    grade: "supported",
  },
  timing: {
    text: "Consequential work at your own daily peak, movement to bridge the afternoon dip. The peak is your own estimate; the morning-peak default is the article's claim and its direction is contested.",
    source: "The article's claim; Byrne et al. 2017, J Neurosci 37:8895; Byrne et al. 2019",
    grade: "contested",
  },
  professionalHelp: {
    text: "Your screening results suggest talking to a professional (a GP, psychologist or psychiatrist) first; this plan can sit beside that help, not replace it.",
    source: "Screening thresholds of the instruments (PHQ-9 ≥ 20; AUDIT-C high); Kroenke et al. 2001",
    grade: "established",
  },
} as const satisfies Record<string, Rationale>;

/** A graded approach ladder for a feared activity, from a small safe version up to the full one. */
export function approachLadder(name: string, fullMin: number): string[] {
  const lower = name.charAt(0).toLowerCase() + name.slice(1);
  return [
    `Picture doing it: write down what you fear will happen when you ${lower}`,
    `The smallest real step: 5 minutes of it, or the first part only, at a quiet time`,
    `A short version: about ${Math.max(10, Math.round(fullMin / 3))} minutes, with someone you trust if you like`,
    `Most of it: about ${Math.max(15, Math.round((2 * fullMin) / 3))} minutes; stay until the worry eases`,
    `The full activity (${fullMin} minutes); note what actually happened against what you feared`,
  ];
}

/** Which model interventions each pattern is matched to. */
export const PATTERN_INTERVENTIONS = {
  anticipatoryDeficit: "scaffolding",
  threatOverride: "threatReduction",
  calibration: "calibration",
  receptorDownregulation: "receptorRestoration",
  predictionErrorLoop: "loopDisruption",
} as const satisfies Record<PatternId, string>;

/** Hours of day as HH:00. */
export function clockHour(hour: number): string {
  return `${String(((Math.round(hour) % 24) + 24) % 24).padStart(2, "0")}:00`;
}
