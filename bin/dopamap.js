#!/usr/bin/env node
// Thin launcher: runs the TypeScript CLI through tsx so `npx dopamap …` works right after `npm ci`.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
