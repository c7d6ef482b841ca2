/** `registry.call` is typed by each command's own schemas (checked by the type-checker, run here too). */
import { describe, expect, it } from "vitest";
import { type Commands, registry } from "./index.ts";
import type { CommandOutput } from "./registry.ts";

describe("the typed registry", () => {
  it("types call by the command's input and output schemas", async () => {
    const r = await registry.call("model/conditions", {});
    if (!r.ok) throw new Error(r.error.message);
    // The output's type comes from the command: an array of rows with an id.
    const ids: string[] = r.value.map((c) => c.id);
    expect(ids).toContain("depression");
    // @ts-expect-error: not a command name
    await registry.call("plan/nope", {});
    // @ts-expect-error: crisis/resources takes a region string, not a number
    await registry.call("crisis/resources", { region: 5 });
    const plan: CommandOutput<Commands["plan/create"]>["plan"]["primary"] | undefined = undefined;
    expect(plan).toBeUndefined();
  });
});
