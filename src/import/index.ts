/**
 * Importing history from other apps (pure: text in, records out, nothing written): a generic CSV
 * with a column mapping the person chooses, and Daylio's CSV export. Each gives a log fragment (new
 * activities, check-ins with ids stable across re-imports), notes, row errors with line numbers and
 * a preview; the app writes the readable rows in one transaction.
 */

export * from "./assemble.ts";
export * from "./formats.ts";
export * from "./spec.ts";
export * from "./values.ts";
