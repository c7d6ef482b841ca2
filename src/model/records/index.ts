/** The person's records (activities, check-ins, urge episodes), defined once as schemas. */

export * from "./csv.ts";
export * from "./from-simulation.ts";
export * from "./schema.ts";
export * from "./to-model.ts";
