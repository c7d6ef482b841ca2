/** Declarative scenario files: one schema for every level of the model. */
export * from "./person-schema.ts";
export * from "./resolve-person.ts";
export * from "./schema.ts";
