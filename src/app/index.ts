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
import { type CommandMap, createRegistry } from "./registry.ts";
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

export const COMMANDS = [
  simulateCommand,
  parametersCommand,
  conditionsCommand,
  interventionsCommand,
  crossoverCommand,
  ...INSTRUMENT_COMMANDS,
  ...FIT_COMMANDS,
  activityDefineCommand,
  checkinRecordCommand,
  urgeRecordCommand,
  dayCloseCommand,
  logGetCommand,
  exportAllCommand,
  importAllCommand,
  accountDeleteCommand,
  demoSeedCommand,
  assessmentAnswerCommand,
  assessmentSubmitCommand,
  ...PLAN_COMMANDS,
  ...IMPORT_COMMANDS,
  simulatePreviewCommand,
  ...REPORT_COMMANDS,
  ...TASK_COMMANDS,
] as const;

/** The commands by name: `registry.call(name, input)` is typed by the command's own schemas. */
export type Commands = CommandMap<typeof COMMANDS>;

/** The registry every adapter uses. */
export const registry = createRegistry(COMMANDS);
