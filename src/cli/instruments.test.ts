import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createFhirValidator } from "../instruments/index.ts";
import { runCli } from "./test-cli.ts";

const tmp = mkdtempSync(join(tmpdir(), "dopamap-assess-"));

const dopamap = (args: string[], input = "") => runCli(args, { data: join(tmp, "data"), input });

describe("assessment on the command line", () => {
  it("lists the bundled instruments with licence status and wording", () => {
    const r = dopamap(["instruments", "--json"]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as { id: string; wording: string; validated: boolean }[];
    expect(rows.find((x) => x.id === "phq9")?.wording).toBe("bundled");
    expect(rows.find((x) => x.id === "shaps")?.wording).toBe("placeholder");
    expect(rows.find((x) => x.id === "pattern_screener")?.validated).toBe(false);
  });

  it("scores non-interactively as JSON, and shows crisis resources when item 9 is above 0", () => {
    const r = dopamap(["score", "phq9", "--answers", "0,0,0,0,0,0,0,0,1", "--region", "US", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.score.total.value).toBe(1);
    expect(out.score.flags.some((f: { kind: string }) => f.kind === "crisis")).toBe(true);
    expect(out.resources.contacts.map((c: { action: string }) => c.action).join(" ")).toContain("988");
  });

  it("prints a FHIR R4 QuestionnaireResponse and Questionnaire that pass the R4 schema", () => {
    const validator = createFhirValidator();
    const response = JSON.parse(dopamap(["score", "gad7", "--answers", "1,2,0,3,1,0,2", "--fhir"]).out);
    expect(response.resourceType).toBe("QuestionnaireResponse");
    expect(validator(response)).toMatchObject({ ok: true });
    const questionnaire = JSON.parse(dopamap(["instruments", "--fhir", "phq9"]).out);
    expect(questionnaire.resourceType).toBe("Questionnaire");
    expect(validator(questionnaire)).toMatchObject({ ok: true });
  });

  it("refuses a wrong item count with exit 2 and names the flag", () => {
    const r = dopamap(["score", "gad7", "--answers", "1,2"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error \[wrong_item_count\]: --answers: GAD-7/);
  });

  it("raises the crisis resources the moment item 9 is answered, even when the form is then abandoned", () => {
    const out = join(tmp, "abandoned.json");
    // eight answers of 0, item 9 = 2, then the input ends before item 10
    const r = dopamap(["assess", "phq9", "--region", "GB", "--out", out], "0\n0\n0\n0\n0\n0\n0\n0\n2\n");
    expect(r.code).toBe(0);
    const crisisAt = r.out.indexOf("PLEASE READ");
    expect(crisisAt).toBeGreaterThan(r.out.indexOf("9. "));
    expect(r.out.slice(crisisAt)).toContain("116 123");
    expect(r.out.slice(crisisAt)).toContain("10. ");
    const saved = JSON.parse(readFileSync(out, "utf8"));
    expect(saved.crisisEvents).toHaveLength(1);
    expect(saved.crisisEvents[0]).toMatchObject({
      instrumentId: "phq9",
      value: 2,
      severity: expect.any(String),
    });
    expect(saved.results[0].complete).toBe(false);
    // and the crisis event is in the person's own data, with the answer that raised it
    const exported = JSON.parse(dopamap(["data", "export/all"]).out).document;
    const events = exported.entries.filter((e: { kind: string }) => e.kind === "crisis_event");
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ instrumentId: "phq9", value: 2 });
  });

  it("leads a positive PHQ-2 on to the PHQ-9", () => {
    const r = dopamap(["assess", "phq2", "--out", join(tmp, "phq2.json")], "2\n2\ny\n");
    expect(r.out).toContain("Patient Health Questionnaire-9");
  });

  it("goes back with b and re-asks an out-of-range answer", () => {
    const out = join(tmp, "back.json");
    dopamap(["assess", "gad2", "--out", out], "3\nb\n1\n7\n0\n");
    const saved = JSON.parse(readFileSync(out, "utf8"));
    expect(saved.results[0].answers).toEqual({ gad2_1: 1, gad2_2: 0 });
  });
});
