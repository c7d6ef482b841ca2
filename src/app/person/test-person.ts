/** Test helper: a person answers a whole questionnaire through the registry, as the apps do. */
import { getInstrument } from "../../instruments/index.ts";
import { registry } from "../index.ts";
import type { CommandContext } from "../registry.ts";

/** Answers `instrument`'s items in form order with `values`, then submits the form. */
export async function answerForm(
  ctx: CommandContext,
  instrument: string,
  values: readonly number[],
  at: string,
): Promise<void> {
  const def = getInstrument(instrument);
  if (!def.ok) throw new Error(`no instrument ${instrument}`);
  const responseId = `${instrument}-${at.replaceAll(":", "-")}`;
  for (const [i, value] of values.entries()) {
    const item = def.value.items[i];
    if (!item) throw new Error(`${instrument} has no item ${i + 1}`);
    const r = await registry.invoke(
      "assessment/answer",
      { responseId, instrument, item: item.id, value, at },
      ctx,
    );
    if (!r.ok) throw new Error(`answer ${item.id}: ${r.error.message}`);
  }
  const done = await registry.invoke("assessment/submit", { responseId, instrument, at }, ctx);
  if (!done.ok) throw new Error(`submit: ${done.error.message}`);
}
