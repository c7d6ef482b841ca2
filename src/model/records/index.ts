/** The person's records (activities, check-ins, urge episodes), defined once as schemas. */
export * from "./schema.ts";
