/** The application API: one typed command registry that the CLI, the HTTP API and the web app share. */
import { assessmentAnswerCommand, assessmentSubmitCommand } from "./assessment/commands.ts";
import { accountDeleteCommand, exportAllCommand, importAllCommand } from "./data/commands.ts";
import { demoSeedCommand } from "./data/demo.ts";
import { FIT_COMMANDS } from "./fit/commands.ts";
import { IMPORT_COMMANDS } from "./import/commands.ts";
import { INSTRUMENT_COMMANDS } from "./instruments/commands.ts";
import { conditionsCommand, interventionsCommand, parametersCommand } from "./model-info/commands.ts";
import { PLAN_COMMANDS } from "./plan/commands.ts";
import {
  activityDefineCommand,
  checkinRecordCommand,
  dayCloseCommand,
  logGetCommand,
  urgeRecordCommand,
} from "./records/commands.ts";
import { type Command, createRegistry } from "./registry.ts";
import { REPORT_COMMANDS } from "./report/commands.ts";
import { simulateCommand } from "./simulate/command.ts";
import { crossoverCommand } from "./simulate/crossover.ts";
import { simulatePreviewCommand } from "./simulate/preview.ts";
import { TASK_COMMANDS } from "./tasks/commands.ts";

export { LOCAL_PERSON_ID } from "./local.ts";
export * from "./registry.ts";
export { type SimulationReport, SimulationReportSchema, simulateCommand } from "./simulate/command.ts";
export type { PersonReport } from "./simulate/person-report.ts";
export type { BanditReport, TrialReport } from "./simulate/trial-report.ts";
export type * from "./store-port.ts";

export const COMMANDS: readonly Command[] = [
  simulateCommand as unknown as Command,
  parametersCommand as unknown as Command,
  conditionsCommand as unknown as Command,
  interventionsCommand as unknown as Command,
  crossoverCommand as unknown as Command,
  ...(INSTRUMENT_COMMANDS as unknown as Command[]),
  ...(FIT_COMMANDS as unknown as Command[]),
  activityDefineCommand as unknown as Command,
  checkinRecordCommand as unknown as Command,
  urgeRecordCommand as unknown as Command,
  dayCloseCommand as unknown as Command,
  logGetCommand as unknown as Command,
  exportAllCommand as unknown as Command,
  importAllCommand as unknown as Command,
  accountDeleteCommand as unknown as Command,
  demoSeedCommand as unknown as Command,
  assessmentAnswerCommand as unknown as Command,
  assessmentSubmitCommand as unknown as Command,
  ...(PLAN_COMMANDS as unknown as Command[]),
  ...(IMPORT_COMMANDS as unknown as Command[]),
  simulatePreviewCommand as unknown as Command,
  ...(REPORT_COMMANDS as unknown as Command[]),
  ...(TASK_COMMANDS as unknown as Command[]),
];

/** The registry every adapter uses. */
export const registry = createRegistry(COMMANDS);
