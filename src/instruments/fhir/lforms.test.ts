/**
 * LHC-Forms (NLM's FHIR Questionnaire renderer, `lforms` from npm) renders our Questionnaires in
 * real Chromium and computes every score from its calculatedExpression; the totals must be ours.
 * The broken counterpart: a score item whose expression is wrong gives another total.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultParameters } from "../../model/person/index.ts";
import { seededRng } from "../../model/rng.ts";
import { chromiumPath } from "../../printer/pdf.tsx";
import { BUNDLED_INSTRUMENTS } from "../registry.ts";
import { syntheticAnswers } from "../synthetic/respond.ts";
import { scoreLinkId } from "./codes.ts";
import { scoreExpression, toQuestionnaire } from "./questionnaire.ts";
import { toQuestionnaireResponse } from "./response.ts";

/** Chromium runs here; under CI a missing browser fails these tests instead of skipping them. */
const RUN = existsSync(chromiumPath()) || process.env.CI === "true";
const LFORMS = join(dirname(createRequire(import.meta.url).resolve("lforms/package.json")), "dist", "lforms");
const ORIGIN = "http://lforms.test";

type Json = Record<string, unknown> & { item?: Json[] };

describe.runIf(RUN)("LHC-Forms computes our scores (real Chromium)", () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-gpu"],
    });
    page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === "/")
        return route.fulfill({
          contentType: "text/html; charset=utf-8",
          body: `<!doctype html><html><head><meta charset="utf-8"></head><body><div id="f"></div>
            <script src="/webcomponent/assets/lib/zone.min.js"></script>
            <script src="/webcomponent/lhc-forms.js"></script>
            <script src="/fhir/R4/lformsFHIR.min.js"></script></body></html>`,
        });
      // UTF-8 matters: the FHIRPath grammar inside lformsFHIR is a serialized ANTLR automaton.
      return route.fulfill({ path: join(LFORMS, path), contentType: "text/javascript; charset=utf-8" });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => (window as unknown as { LForms?: { FHIR?: unknown } }).LForms?.FHIR);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** The score items' values LHC-Forms computed after loading the answers (score items left out). */
  async function lhcScores(questionnaire: unknown, response: Json): Promise<Record<string, number | null>> {
    const answersOnly = {
      ...response,
      item: (response.item ?? []).filter((i) => !String(i.linkId).startsWith("score.")),
    };
    return page.evaluate(
      async ({ q, qr }) => {
        // biome-ignore lint/suspicious/noExplicitAny: LHC-Forms ships no types.
        const LForms = (window as unknown as { LForms: any }).LForms;
        await LForms.Util.addFormToPage(q, "f", { questionnaireResponse: qr });
        await new Promise((r) => setTimeout(r, 50));
        const out = LForms.Util.getFormFHIRData("QuestionnaireResponse", "R4", "f");
        const scores: Record<string, number | null> = {};
        type Item = { linkId: string; answer?: { valueDecimal?: number }[]; item?: Item[] };
        const walk = (items: Item[] | undefined) => {
          for (const i of items ?? []) {
            if (String(i.linkId).startsWith("score.")) scores[i.linkId] = i.answer?.[0]?.valueDecimal ?? null;
            walk(i.item);
          }
        };
        walk(out.item);
        return scores;
      },
      { q: questionnaire, qr: answersOnly },
    );
  }

  const scored = BUNDLED_INSTRUMENTS.filter((d) => d.scores.some((s) => scoreExpression(d, s) !== undefined));

  it("has instruments with expressions to check", () => {
    expect(scored.map((d) => d.id)).toEqual(expect.arrayContaining(["phq9", "gad7", "audit_c", "asrs"]));
  });

  it.each(scored.map((d) => [d.id, d] as const))(
    "%s: the totals LHC-Forms computes are ours",
    async (_, def) => {
      const q = toQuestionnaire(def);
      for (let seed = 1; seed <= 3; seed++) {
        const answers = syntheticAnswers(def, defaultParameters(), { rng: seededRng(seed) });
        const r = toQuestionnaireResponse(def, answers);
        if (!r.ok) throw new Error(r.error.message);
        const ours = Object.fromEntries(
          [...(r.value.score.total ? [r.value.score.total] : []), ...r.value.score.subscales]
            .filter((s) => scoreExpression(def, def.scores.find((d) => d.id === s.id)!) !== undefined)
            .map((s) => [scoreLinkId(s), s.value]),
        );
        const theirs = await lhcScores(q, r.value.resource as Json);
        for (const [id, v] of Object.entries(ours)) expect([id, theirs[id]]).toEqual([id, v]);
      }
    },
  );

  it("an expression that is wrong gives another total (so the check can fail)", async () => {
    const def = BUNDLED_INSTRUMENTS.find((d) => d.id === "phq9")!;
    const q = toQuestionnaire(def) as Json;
    const total = q.item!.find((i) => i.linkId === "score.total")!;
    const ext = (total.extension as Json[]).find((e) => String(e.url).endsWith("calculatedExpression"))!;
    const expr = ext.valueExpression as Json;
    ext.valueExpression = { ...expr, expression: String(expr.expression).replace("phq9_9", "phq9_1") };
    const answers = Object.fromEntries([0, 0, 0, 0, 0, 0, 0, 0, 2].map((v, i) => [`phq9_${i + 1}`, v]));
    const r = toQuestionnaireResponse(def, answers);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.score.total?.value).toBe(2);
    expect((await lhcScores(q, r.value.resource as Json))["score.total"]).toBe(0);
  });
});
