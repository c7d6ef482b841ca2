import { CASES, type CaseResult } from "./cases.ts";
import { FIT_CASES } from "./fit-cases.ts";
import { IMPORT_CASES } from "./import-cases.ts";
import { PLAN_CASES } from "./plan-cases.ts";
import { REAL_DATA_CASES } from "./real-data-cases.ts";
import { TASK_CASES } from "./task-cases.ts";

/** Every benchmark case, by name. */
export const ALL_CASES: Record<string, () => Promise<CaseResult>> = {
  ...CASES,
  ...FIT_CASES,
  ...PLAN_CASES,
  ...TASK_CASES,
  ...IMPORT_CASES,
  ...REAL_DATA_CASES,
};
