import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL(".", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") && name !== "test-helpers.ts" ? [path] : [];
  });
}

const FORBIDDEN: readonly [RegExp, string][] = [
  [/Math\.random/, "Math.random (pass an Rng)"],
  [/Date\.now|new Date\b|performance\.now/, "a clock (pass the instant)"],
  [/from "node:|from "(fs|path|http|https|net|child_process|os)"/, "Node I/O modules"],
  [/\bfetch\(|XMLHttpRequest|process\.env/, "network or environment access"],
  [/from "\.\.\/\.\.\/(app|store|server|cli)\/|from "\.\.\/(app|store|server|cli)\//, "an outer layer"],
  [
    /from "\.\.\/(\.\.\/)?model\/(?!rng\.ts|person\/index\.ts)/,
    "model internals (use rng.ts or person/index.ts)",
  ],
];

describe("the instruments core is pure", () => {
  const files = sources(root);

  it("has source files to check", () => {
    expect(files.length).toBeGreaterThan(15);
  });

  it.each(files.map((f) => [relative(root, f), f]))(
    "%s uses no clock, randomness, I/O or outer layer",
    (_, file) => {
      const text = readFileSync(file, "utf8");
      for (const [pattern, what] of FORBIDDEN) expect(text, what).not.toMatch(pattern);
    },
  );

  it.each(files.map((f) => [relative(root, f), f]))("%s imports the model only as types", (_, file) => {
    const text = readFileSync(file, "utf8");
    for (const line of text.split("\n").filter((l) => /from "(\.\.\/)+model\//.test(l))) {
      expect(line).toMatch(/^import type /);
    }
  });

  it.each(files.map((f) => [relative(root, f), f]))("%s stays under 400 lines", (_, file) => {
    expect(readFileSync(file, "utf8").split("\n").length).toBeLessThanOrEqual(400);
  });
});
