import { z } from "zod";
import type { Registry } from "../app/index.ts";

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  try {
    const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
      io,
      unrepresentable: "any",
      target: "openapi-3.0",
    }) as JsonSchema;
    return rest;
  } catch {
    return {};
  }
}

const ERROR_SCHEMA: JsonSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string" },
        message: { type: "string" },
        path: { type: "array", items: { anyOf: [{ type: "string" }, { type: "number" }] } },
        allowed: { type: "array", items: { type: "string" } },
      },
    },
  },
};

const AUTH_PATHS = ["signup", "login", "logout", "logout-all"];

/** The OpenAPI 3.0 document, generated from the registry's zod schemas: one POST operation per command. */
export function openApiDocument(registry: Registry, version: string): JsonSchema {
  const paths: Record<string, unknown> = {
    "/api/health": {
      get: { summary: "Answers 200 once the app is ready.", responses: { "200": { description: "ready" } } },
    },
  };
  const errors = {
    "4XX": { description: "an expected failure", content: { "application/json": { schema: ERROR_SCHEMA } } },
  };
  for (const c of registry.commands.values()) {
    paths[`/api/${c.name}`] = {
      post: {
        operationId: c.name.replace(/[^A-Za-z0-9]+(.)/g, (_m, ch: string) => ch.toUpperCase()),
        summary: c.summary,
        requestBody: {
          required: false,
          content: { "application/json": { schema: schemaOf(c.input, "input") } },
        },
        responses: {
          "200": {
            description: "the command's result",
            content: { "application/json": { schema: schemaOf(c.output, "output") } },
          },
          ...errors,
        },
      },
    };
  }
  for (const p of AUTH_PATHS)
    paths[`/api/auth/${p}`] = {
      post: { summary: `accounts: ${p}`, responses: { "200": { description: "done" }, ...errors } },
    };
  return {
    openapi: "3.0.3",
    info: {
      title: "dopamap",
      version,
      description: "dopamap's HTTP API: a self-help and research tool, not a diagnosis.",
    },
    paths,
  };
}
