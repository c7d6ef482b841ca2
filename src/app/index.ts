/** The application API: one typed command registry that the CLI, the HTTP API and the web app share. */
import { FIT_COMMANDS } from "./fit/commands.ts";
import { INSTRUMENT_COMMANDS } from "./instruments/commands.ts";
import { conditionsCommand, interventionsCommand, parametersCommand } from "./model-info/commands.ts";
import { PLAN_COMMANDS } from "./plan/commands.ts";
import { type Command, createRegistry } from "./registry.ts";
import { simulateCommand } from "./simulate/command.ts";
import { crossoverCommand } from "./simulate/crossover.ts";

export * from "./registry.ts";
export { type SimulationReport, SimulationReportSchema, simulateCommand } from "./simulate/command.ts";
export type { PersonReport } from "./simulate/person-report.ts";
export type { BanditReport, TrialReport } from "./simulate/trial-report.ts";

export const COMMANDS: readonly Command[] = [
  simulateCommand as unknown as Command,
  parametersCommand as unknown as Command,
  conditionsCommand as unknown as Command,
  interventionsCommand as unknown as Command,
  crossoverCommand as unknown as Command,
  ...(INSTRUMENT_COMMANDS as unknown as Command[]),
  ...(FIT_COMMANDS as unknown as Command[]),
  ...(PLAN_COMMANDS as unknown as Command[]),
];

/** The registry every adapter uses. */
export const registry = createRegistry(COMMANDS);
