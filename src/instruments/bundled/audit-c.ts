import type { InstrumentDefinition } from "../definition.ts";

const BUSH_1998 = "Bush et al. 1998, Arch Intern Med 158:1789–1795";
const BRADLEY_2007 = "Bradley et al. 2007, Alcohol Clin Exp Res 31:1208–1217";

/** AUDIT-C (AUDIT items 1–3), public domain; sex-aware cut-off with the sensitive ≥3 as the default. */
export const AUDIT_C: InstrumentDefinition = {
  id: "audit_c",
  version: "1.0.0",
  title: "Alcohol Use Disorders Identification Test – Consumption (AUDIT-C)",
  shortTitle: "AUDIT-C",
  kind: "published",
  validated: true,
  purpose: "Risky drinking",
  instructions: "These questions are about your use of alcoholic beverages during the past year.",
  loinc: "72109-2",
  citation: `${BUSH_1998}: The AUDIT alcohol consumption questions (AUDIT-C).`,
  licence: {
    status: "public_domain",
    holder: "World Health Organization (AUDIT); AUDIT-C public domain per SAMHSA-HRSA",
    notice:
      "AUDIT-C is available for use in the public domain. Adapted from the AUDIT (Babor et al. 2001, WHO).",
    shipWording: true,
    terms: "Public domain; attribute the source.",
  },
  optionSets: {
    frequency: [
      { value: 0, text: "Never", loinc: "LA6270-8" },
      { value: 1, text: "Monthly or less", loinc: "LA18926-8" },
      { value: 2, text: "2-4 times a month", loinc: "LA18927-6" },
      { value: 3, text: "2-3 times a week", loinc: "LA18928-4" },
      { value: 4, text: "4 or more times a week", loinc: "LA18929-2" },
    ],
    quantity: [
      { value: 0, text: "1 or 2", loinc: "LA15694-5" },
      { value: 1, text: "3 or 4", loinc: "LA15695-2" },
      { value: 2, text: "5 or 6", loinc: "LA18930-0" },
      { value: 3, text: "7 to 9", loinc: "LA18931-8" },
      { value: 4, text: "10 or more", loinc: "LA18932-6" },
    ],
    binge: [
      { value: 0, text: "Never", loinc: "LA6270-8" },
      { value: 1, text: "Less than monthly", loinc: "LA18933-4" },
      { value: 2, text: "Monthly", loinc: "LA18876-5" },
      { value: 3, text: "Weekly", loinc: "LA18891-4" },
      { value: 4, text: "Daily or almost daily", loinc: "LA18934-2" },
    ],
  },
  items: [
    {
      id: "audit_c_1",
      number: 1,
      text: "How often do you have a drink containing alcohol?",
      loinc: "68518-0",
      response: { kind: "choice", optionSet: "frequency" },
    },
    {
      id: "audit_c_2",
      number: 2,
      text: "How many standard drinks containing alcohol do you have on a typical day?",
      loinc: "68519-8",
      response: { kind: "choice", optionSet: "quantity" },
    },
    {
      id: "audit_c_3",
      number: 3,
      text: "How often do you have six or more drinks on one occasion?",
      loinc: "68520-6",
      response: { kind: "choice", optionSet: "binge" },
    },
  ],
  scores: [
    {
      kind: "sum",
      id: "total",
      label: "AUDIT-C total",
      primary: true,
      loinc: "75626-2",
      higherIs: "worse",
      unit: "points",
      items: ["audit_c_1", "audit_c_2", "audit_c_3"],
      range: [0, 12],
      cutoffs: [
        {
          id: "positive",
          label: "at or above the AUDIT-C screening cut-off",
          comparison: ">=",
          threshold: 3,
          source: `${BRADLEY_2007} (≥3 for women; used when sex is not given, as the more sensitive cut-off)`,
          variants: [{ sex: "male", threshold: 4, source: `${BUSH_1998}; ${BRADLEY_2007} (≥4 for men)` }],
        },
      ],
    },
  ],
  rules: [
    {
      id: "positive_help",
      when: { kind: "cutoff_met", score: "total", cutoff: "positive" },
      effect: {
        kind: "recommend_professional_help",
        presentation: "standard",
        message:
          "Your answers are at or above the AUDIT-C screening cut-off. Consider talking to a doctor or other " +
          "health professional about your drinking. If you drink heavily every day, do not stop suddenly " +
          "without medical advice: alcohol withdrawal can be dangerous.",
      },
      source: `${BUSH_1998}; ${BRADLEY_2007}`,
    },
  ],
  simulation: { trait: "alcohol", sign: 1, loading: 1, offset: -0.3, spacing: 1 },
  notes: [
    "Cut-offs: ≥4 for men, ≥3 for women (Bush 1998; Bradley 2007); without a stated sex the sensitive ≥3 applies.",
  ],
};
