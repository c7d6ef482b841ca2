/**
 * CSV, read and written one way everywhere (papaparse): formula-safe writing, exact restoring on
 * reading, `true`/`false` booleans, line numbers for every problem. Pure: text in, text out.
 */
export * from "./csv.ts";
