#!/usr/bin/env node
// Thin launcher: runs the TypeScript CLI through tsx so `npx dopamap …` works right after `npm ci`.
const major = Number(process.versions.node.split(".")[0]);
if (major < 24) {
  process.stderr.write(
    `error [unsupported_node]: dopamap needs Node.js 24 or later; this is ${process.version}. In the project folder, \`. ./scripts/use-node.sh\` puts Node 24 on PATH for this shell (installing it into .node/ once), or install Node 24 from https://nodejs.org.\n`,
  );
  process.exit(1);
}
const { register } = await import("tsx/esm/api");
register();
await import("../src/cli/main.ts");
