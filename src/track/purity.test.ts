import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL("..", import.meta.url));
const files = (dir: string) =>
  readdirSync(join(src, dir))
    .filter((n) => n.endsWith(".ts") && !n.endsWith(".test.ts"))
    .map((n) => [`${dir}/${n}`, readFileSync(join(src, dir, n), "utf8")] as const);

const FORBIDDEN: readonly [RegExp, string][] = [
  [/Math\.random/, "Math.random (pass a seed)"],
  [/Date\.now|new Date\(\)|performance\.now/, "a clock (pass the instant)"],
  [/from "node:|from "(fs|path|http|https|net|child_process|os)"/, "Node I/O modules"],
  [/\bfetch\(|process\.env/, "network or environment access"],
  [/from "\.\.\/(app|store|server|cli|fit|profile)\//, "an outer layer or a folder still in flux"],
];

describe("plan and track are pure and arrows point one way", () => {
  it.each([...files("plan"), ...files("track")])(
    "%s uses no clock, randomness, I/O or outer layer",
    (_, text) => {
      for (const [pattern, what] of FORBIDDEN) expect(text, what).not.toMatch(pattern);
    },
  );

  it.each(files("plan"))("%s never imports track", (_, text) => {
    expect(text).not.toMatch(/from "\.\.\/track\//);
  });

  it.each(files("track"))("%s imports plan only through its index", (_, text) => {
    expect(text).not.toMatch(/from "\.\.\/plan\/(?!index\.ts|fixtures\.ts)/);
  });
});
